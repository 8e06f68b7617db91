// Exoscale DBaaS Valkey: services and operations as the API shows them at a moment. A view may share nested
// data with the store: the simulator copies every answer as it leaves (simulator.ts).
import { spec } from "@managed-redis/spec-facts/apis/exoscale-dbaas-valkey";
import { isoSeconds } from "../clock.ts";
import { stateAt } from "../lifecycle.ts";
import type { ExoOperation, ExoService, ExoscaleState, NodeState, OperationView, Service } from "./state.ts";

const server = spec.facts.servers[0]!;

/** The endpoint of a zone: the spec's server URL with its `zone` variable. */
export function zoneUrl(zone: string): string {
  return server.url.replace("{zone}", zone);
}

/** The spec's server host with its `zone` variable as a group: `api-(zone).exoscale.com`, any port. */
const zoneHostPattern = (() => {
  const template = new URL(server.url.replace("{zone}", "zone-placeholder")).host;
  return new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("zone-placeholder", "([a-z0-9-]+)")}(?::\\d+)?$`, "i");
})();

/** The zone of the endpoint a client called (its Host), when it is one of the spec's zones. */
export function zoneOfHost(host: string): string | undefined {
  const zone = zoneHostPattern.exec(host)?.[1]?.toLowerCase();
  return zone !== undefined && server.variables.zone?.enum?.includes(zone) ? zone : undefined;
}

export function serviceLink(zone: string, name: string): string {
  return `${zoneUrl(zone)}/dbaas-valkey/${encodeURIComponent(name)}`;
}

function migrationProgress(service: ExoService, now: number): NodeState["progress-updates"] {
  const migration = service.migration!;
  const total = 100;
  const done = Math.min(total, Math.floor(((now - migration.startedAt) / Math.max(1, migration.until - migration.startedAt)) * total));
  return [{ completed: false, current: done, max: total, min: 0, phase: "stream", unit: "percent" }];
}

export function serviceView(service: ExoService, now: number): Service {
  const state = stateAt(service.life, now);
  const migrating = service.migration !== undefined && now < service.migration.until;
  const nodeStates = service.nodeStates.map((node, i): NodeState => {
    if (state === "rebuilding" && service.maintenance === undefined) return { name: node.name, role: node.role, state: "setting_up_vm" };
    if (i === 0 && migrating) return { name: node.name, "progress-updates": migrationProgress(service, now), role: node.role, state: "syncing_data" };
    return node;
  });
  const view: Service = { ...service.record, "node-states": nodeStates, state, users: service.users };
  const maintenance = service.maintenance;
  if (maintenance && view.maintenance) {
    // Installed once the maintenance has run; until then each update shows when it started.
    const updates = now >= maintenance.until ? [] : view.maintenance.updates.map((update) => ({ ...update, "start-at": isoSeconds(maintenance.startedAt) }));
    view.maintenance = { ...view.maintenance, updates };
  }
  return view;
}

export function operationView(operation: ExoOperation, now: number): OperationView {
  return {
    id: operation.id,
    reference: { command: operation.command, id: operation.serviceId, link: serviceLink(operation.zone, operation.serviceName) },
    state: now < operation.until ? "pending" : "success",
    message: "",
  };
}

export function dump(state: ExoscaleState, now: number): unknown {
  return {
    services: [...state.services.values()].map((service) => serviceView(service, now)),
    operations: state.operations.map((operation) => ({ ...operationView(operation, now), "created-at": isoSeconds(operation.createdAt) })),
  };
}

// Exoscale DBaaS Valkey (API v2): services by name, their users and passwords, maintenance, migration.
//
// Every mutating call answers an Operation at once (`state: pending`, `reference` to the service);
// the operation turns `success` when the change it started has finished. Operations cannot be read
// through these 13 operations, so `dump()` shows them; what a client sees is the service's own state:
//   create              rebuilding → running                              (delays.provision)
//   update with a plan  rebalancing → running, with the new plan's sizes  (delays.modify)
//   update with a newer version  rebuilding → running, new `version`     (delays.modify)
//   maintenance start   rebuilding → running; maintenance.updates empties (delays.maintenance)
//   migration           node 1 syncing_data (progress-updates) → running  (delays.migration, or stop)
//   users, passwords, access control   at once; their operation succeeds after  (delays.operation)
//   delete              gone at once (the vendor has no deleting state)
import { isoSeconds } from "../clock.ts";
import { generated } from "../generated/exoscale-dbaas-valkey.ts";
import { stateAt, transition, type Lifecycle } from "../lifecycle.ts";
import { BodyReader, copyJson, isRecord, jsonResponse } from "../responses.ts";
import type { ApiContext, ApiModule, HandlerCall, SimResponse } from "../types.ts";

type ServiceState = "running" | "rebuilding" | "rebalancing" | "poweroff";
type User = { username: string; type: string; password: string; "access-control"?: Record<string, unknown> };

interface ExoService {
  /** The id that Operation references carry (the service schema has no id of its own). */
  id: string;
  /** Every field of the service but `state`, `node-states` and `users`, in the example's order. */
  record: Record<string, unknown>;
  users: User[];
  life: Lifecycle<ServiceState>;
  /** Node states while nothing is in progress. */
  nodeStates: Record<string, unknown>[];
  maintenance?: { startedAt: number; until: number };
  migration?: { startedAt: number; until: number };
}

interface ExoOperation {
  id: string;
  command: string;
  serviceId: string;
  serviceName: string;
  zone: string;
  createdAt: number;
  until: number;
}

export interface ExoscaleState {
  services: Map<string, ExoService>;
  operations: ExoOperation[];
  settings: unknown;
  version: string;
}

const zoneVariable = generated.serverVariables.zone as { default: string; enum: string[] };
const VALKEY_DEFAULTS = generated.schemaDefaults.JsonSchemaValkey ?? {};
const DEFAULT_ACCESS_CONTROL = { categories: ["+@all"], channels: ["*"], commands: [] as string[], keys: ["*"] };
const GIB = 1024 * 1024 * 1024;

// The plans the simulator accepts: <tier>-<memory in GiB>. Nodes per tier and the sizes follow
// Exoscale's published plan grid; an unknown plan answers 400, as the real API does.
const TIER_NODES: Record<string, number> = { hobbyist: 1, startup: 1, business: 2, premium: 3 };
const PLAN_SIZES = [1, 2, 4, 8, 16, 28, 56, 100, 120, 225];

function planSizes(plan: string): { nodes: number; cpus: number; memory: number; disk: number } | undefined {
  const match = /^(hobbyist|startup|business|premium)-(\d+)$/.exec(plan);
  if (!match) return undefined;
  const size = Number(match[2]);
  if (!PLAN_SIZES.includes(size) || (match[1] === "hobbyist" && size !== 2)) return undefined;
  return { nodes: TIER_NODES[match[1]!]!, cpus: Math.max(1, Math.ceil(size / 2)), memory: size * GIB, disk: size * 2 * GIB };
}

function error(status: number, message: string): SimResponse {
  return jsonResponse(status, { message });
}

function zoneOf(call: HandlerCall): string {
  const host = call.headers.host ?? "";
  const match = /^api-([a-z0-9-]+)\.exoscale\.com/.exec(host);
  return match && zoneVariable.enum.includes(match[1]!) ? match[1]! : zoneVariable.default;
}

function serviceLink(zone: string, name: string): string {
  return `https://api-${zone}.exoscale.com/v2/dbaas-valkey/${encodeURIComponent(name)}`;
}

function createState(context: ApiContext): ExoscaleState {
  const example = copyJson(generated.examples["get-dbaas-service-valkey.running"]) as Record<string, unknown>;
  const { state: seededState, "node-states": nodeStates, users, ...record } = example;
  const life: Lifecycle<ServiceState> = { settled: "running" };
  if (typeof seededState === "string" && seededState !== "running") {
    transition(life, seededState as ServiceState, context.seededAt, context.delays.provision, "running");
  }
  const service: ExoService = {
    id: context.random.uuid(),
    record,
    users: (Array.isArray(users) ? users : []) as User[],
    life,
    nodeStates: (Array.isArray(nodeStates) ? nodeStates : []) as Record<string, unknown>[],
  };
  return {
    services: new Map([[String(record.name), service]]),
    operations: [],
    settings: copyJson(generated.examples["get-dbaas-settings-valkey.defaults"]),
    version: typeof record.version === "string" ? record.version : "8.0.2",
  };
}

function migrationProgress(service: ExoService, now: number): Record<string, unknown>[] {
  const migration = service.migration!;
  const total = 100;
  const done = Math.min(total, Math.floor(((now - migration.startedAt) / Math.max(1, migration.until - migration.startedAt)) * total));
  return [{ completed: false, current: done, max: total, min: 0, phase: "stream", unit: "percent" }];
}

function serviceView(service: ExoService, now: number): Record<string, unknown> {
  const state = stateAt(service.life, now);
  const record = copyJson(service.record);
  const maintenance = service.maintenance;
  if (maintenance && isRecord(record.maintenance)) {
    const updates = Array.isArray(record.maintenance.updates) ? record.maintenance.updates : [];
    // Installed once the maintenance has run; until then each update shows when it started.
    record.maintenance.updates =
      now >= maintenance.until ? [] : updates.map((u) => ({ ...(u as object), "start-at": isoSeconds(maintenance.startedAt) }));
  }
  const migrating = service.migration !== undefined && now < service.migration.until;
  const nodeStates = service.nodeStates.map((node, i) => {
    if (state === "rebuilding" && service.maintenance === undefined) return { name: node.name, role: node.role, state: "setting_up_vm" };
    if (i === 0 && migrating) return { name: node.name, "progress-updates": migrationProgress(service, now), role: node.role, state: "syncing_data" };
    return copyJson(node);
  });
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    view[key] = value;
    if (key === "node-memory") view["node-states"] = nodeStates;
    if (key === "prometheus-uri") view.state = state;
  }
  view["node-states"] ??= nodeStates;
  view.state ??= state;
  view.users = service.users.map((u) => copyJson(u));
  return view;
}

function recordOperation(state: ExoscaleState, context: ApiContext, service: ExoService, zone: string, command: string, ms: number): SimResponse {
  const now = context.now();
  const operation: ExoOperation = {
    id: context.random.uuid(),
    command,
    serviceId: service.id,
    serviceName: String(service.record.name),
    zone,
    createdAt: now,
    until: now + ms,
  };
  state.operations.push(operation);
  if (state.operations.length > context.limits.operations) state.operations.shift();
  return jsonResponse(200, operationView(operation, now));
}

function operationView(operation: ExoOperation, now: number): Record<string, unknown> {
  return {
    id: operation.id,
    reference: { command: operation.command, id: operation.serviceId, link: serviceLink(operation.zone, operation.serviceName) },
    state: now < operation.until ? "pending" : "success",
    message: "",
  };
}

function readMaintenance(body: BodyReader): { dow: string; time: string } | undefined {
  const maintenance = body.object("maintenance", false);
  if (!maintenance) return undefined;
  const days = ["saturday", "tuesday", "never", "wednesday", "sunday", "friday", "monday", "thursday"];
  if (typeof maintenance.dow !== "string" || !days.includes(maintenance.dow)) body.problem("maintenance.dow must be a day of the week or never");
  if (typeof maintenance.time !== "string" || !/^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$/.test(maintenance.time)) {
    body.problem("maintenance.time must be HH:MM:SS");
  }
  return { dow: String(maintenance.dow), time: String(maintenance.time) };
}

function readMigration(body: BodyReader): Record<string, unknown> | undefined {
  const migration = body.object("migration", false);
  if (migration && (typeof migration.host !== "string" || typeof migration.port !== "number")) {
    body.problem("migration needs a host and a port");
  }
  return migration;
}

const ACCESS_CONTROL_LISTS = ["categories", "channels", "commands", "keys"] as const;

/** `access-control` of a request: up to four lists of strings; undefined when absent or invalid. */
function readAccessControl(body: BodyReader): Record<string, string[]> | undefined {
  const value = body.object("access-control", false);
  if (!value) return undefined;
  const rules: Record<string, string[]> = {};
  for (const list of ACCESS_CONTROL_LISTS) {
    const entries = value[list];
    if (entries === undefined) continue;
    if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === "string")) {
      body.problem(`access-control.${list} must be an array of strings`);
      continue;
    }
    rules[list] = [...entries];
  }
  return rules;
}

/**
 * `version` of a create or update: a Valkey major version ("8", or "7.2"). The service reports the full
 * version: the newest one (the seed's) when the major matches it, else the major with zeros (`7.2` → `7.2.0`).
 */
function readVersion(body: BodyReader, newest: string): string | undefined {
  const version = body.string("version", false, 1);
  if (version === undefined) return undefined;
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(version)) {
    body.problem(`version must be a Valkey major version such as "8"; got "${version}"`);
    return undefined;
  }
  if (newest === version || newest.startsWith(`${version}.`)) return newest;
  return version.includes(".") ? `${version}.0` : `${version}.0.0`;
}

function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function readStringList(body: BodyReader, name: string): string[] | undefined {
  const value = body.raw(name);
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    body.problem(`${name} must be an array of strings`);
    return undefined;
  }
  return [...value];
}

function nodeStatesFor(name: string, nodes: number): Record<string, unknown>[] {
  return Array.from({ length: nodes }, (_, i) => ({ name: `${name}-${i + 1}`, role: i === 0 ? "master" : "standby", state: "running" }));
}

function applySizes(record: Record<string, unknown>, sizes: NonNullable<ReturnType<typeof planSizes>>): void {
  record["disk-size"] = sizes.disk;
  record["node-count"] = sizes.nodes;
  record["node-cpu-count"] = sizes.cpus;
  record["node-memory"] = sizes.memory;
}

function findService(state: ExoscaleState, name: string | undefined): ExoService | SimResponse {
  return state.services.get(name ?? "") ?? error(404, "Service not found");
}

function isResponse(value: unknown): value is SimResponse {
  return isRecord(value) && typeof value.status === "number" && "headers" in value;
}

function password(context: ApiContext): string {
  return `AVNS_${context.random.chars(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}`;
}

/** The primary user's password appears in the connection info and URIs as well. */
function replacePrimaryPassword(service: ExoService, previous: string, next: string): void {
  const replaceIn = (value: unknown): unknown => {
    if (typeof value === "string") return value.split(previous).join(next);
    if (Array.isArray(value)) return value.map(replaceIn);
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceIn(v)]));
    return value;
  };
  for (const key of ["connection-info", "uri", "uri-params"]) {
    if (service.record[key] !== undefined) service.record[key] = replaceIn(service.record[key]);
  }
}

const handlers: ApiModule<ExoscaleState>["handlers"] = {
  "get-dbaas-service-valkey": (state, call, context) => {
    const service = findService(state, call.params.name);
    return isResponse(service) ? service : jsonResponse(200, serviceView(service, context.now()));
  },

  "create-dbaas-service-valkey": (state, call, context) => {
    const name = call.params.name ?? "";
    const body = new BodyReader(call.body);
    if (name.length < 1 || name.length > 63) body.problem("the service name must have 1 to 63 characters");
    const plan = body.string("plan", true, 1, 128);
    const sizes = plan === undefined ? undefined : planSizes(plan);
    if (plan !== undefined && !sizes) body.problem(`Invalid plan: ${plan}`);
    const ipFilter = readStringList(body, "ip-filter");
    const maintenance = readMaintenance(body);
    const migration = readMigration(body);
    const terminationProtection = body.boolean("termination-protection", false);
    const settings = body.object("valkey-settings", false);
    const forkFrom = body.string("fork-from-service", false);
    if (forkFrom !== undefined && !state.services.has(forkFrom)) body.problem(`fork-from-service: service ${forkFrom} not found`);
    const version = readVersion(body, state.version);
    if (body.problems.length > 0) return error(400, `Invalid request: ${body.problems.join("; ")}`);
    if (state.services.has(name)) return error(409, `A service named "${name}" already exists`);
    if (state.services.size >= context.limits.services) {
      return error(400, `Quota exceeded: at most ${context.limits.services} DBaaS services (the simulator's limit)`);
    }
    const now = context.now();
    const zone = zoneOf(call);
    const host = `${name}-exoscale-${context.random.hex(8)}.aivencloud.com`;
    const port = 21700 + context.random.int(100);
    const secret = password(context);
    const uri = `rediss://default:${secret}@${host}:${port}`;
    const record: Record<string, unknown> = {
      backups: [],
      components: [{ component: "valkey", host, port, route: "dynamic", ssl: true, usage: "primary" }],
      "connection-info": { password: secret, slave: [], uri: [uri] },
      "created-at": isoSeconds(now),
      integrations: [],
      "ip-filter": ipFilter ?? ["0.0.0.0/0"],
      maintenance: { ...(maintenance ?? { dow: "sunday", time: "03:00:00" }), updates: [] },
      name,
      notifications: [],
      plan,
      "prometheus-uri": { host: `public-${host}`, port: 9273 },
      "termination-protection": terminationProtection ?? false,
      type: "valkey",
      "updated-at": isoSeconds(now),
      uri,
      "uri-params": { host, password: secret, port: String(port), ssl: "required", user: "default" },
      "valkey-settings": { ...VALKEY_DEFAULTS, ...(settings ?? {}) },
      version: version ?? state.version,
      zone,
    };
    applySizes(record, sizes!);
    const life: Lifecycle<ServiceState> = { settled: "running" };
    transition(life, "rebuilding", now, context.delays.provision, "running");
    const service: ExoService = {
      id: context.random.uuid(),
      record: Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b))),
      users: [{ "access-control": copyJson(DEFAULT_ACCESS_CONTROL), password: secret, type: "primary", username: "default" }],
      life,
      nodeStates: nodeStatesFor(name, sizes!.nodes),
    };
    if (migration) {
      const start = now + context.delays.provision;
      service.migration = { startedAt: start, until: start + context.delays.migration };
    }
    state.services.set(name, service);
    return recordOperation(state, context, service, zone, "get-dbaas-service-valkey", context.delays.provision);
  },

  "update-dbaas-service-valkey": (state, call, context) => {
    const service = findService(state, call.params.name);
    if (isResponse(service)) return service;
    const body = new BodyReader(call.body);
    const plan = body.string("plan", false, 1, 128);
    const sizes = plan === undefined ? undefined : planSizes(plan);
    if (plan !== undefined && !sizes) body.problem(`Invalid plan: ${plan}`);
    const ipFilter = readStringList(body, "ip-filter");
    const maintenance = readMaintenance(body);
    const migration = readMigration(body);
    const terminationProtection = body.boolean("termination-protection", false);
    const settings = body.object("valkey-settings", false);
    const currentVersion = String(service.record.version ?? state.version);
    const version = readVersion(body, state.version);
    if (version !== undefined && compareVersions(version, currentVersion) < 0) {
      body.problem(`version ${String(body.raw("version"))} is older than the service's ${currentVersion}: Valkey cannot be downgraded`);
    }
    if (body.problems.length > 0) return error(400, `Invalid request: ${body.problems.join("; ")}`);
    const now = context.now();
    const planChanges = plan !== undefined && plan !== service.record.plan;
    const upgrade = version !== undefined && version !== currentVersion;
    if ((planChanges || upgrade) && stateAt(service.life, now) !== "running") {
      return error(409, `Service is ${stateAt(service.life, now)}: the ${planChanges ? "plan" : "version"} can change once it is running`);
    }
    const record = service.record;
    if (ipFilter) record["ip-filter"] = ipFilter;
    if (maintenance) record.maintenance = { ...maintenance, updates: isRecord(record.maintenance) ? record.maintenance.updates ?? [] : [] };
    if (terminationProtection !== undefined) record["termination-protection"] = terminationProtection;
    if (settings) record["valkey-settings"] = { ...(isRecord(record["valkey-settings"]) ? record["valkey-settings"] : {}), ...settings };
    let ms = context.delays.operation;
    if (planChanges) {
      record.plan = plan;
      applySizes(record, sizes!);
      service.nodeStates = nodeStatesFor(String(record.name), sizes!.nodes);
      transition(service.life, "rebalancing", now, context.delays.modify, "running");
      ms = context.delays.modify;
    }
    if (upgrade) {
      record.version = version;
      // The nodes are replaced by nodes of the new version: the service rebuilds (after a rebalancing
      // for a plan change in the same call, it simply stays busy as long).
      if (!planChanges) transition(service.life, "rebuilding", now, context.delays.modify, "running");
      ms = context.delays.modify;
    }
    if (migration) service.migration = { startedAt: now, until: now + context.delays.migration };
    record["updated-at"] = isoSeconds(now);
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", ms);
  },

  "delete-dbaas-service-valkey": (state, call, context) => {
    const service = findService(state, call.params.name);
    if (isResponse(service)) return service;
    if (service.record["termination-protection"] === true) {
      return error(403, "Service has termination protection enabled: turn it off with update-dbaas-service-valkey first");
    }
    state.services.delete(String(service.record.name));
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.operation);
  },

  "start-dbaas-valkey-maintenance": (state, call, context) => {
    const service = findService(state, call.params.name);
    if (isResponse(service)) return service;
    const now = context.now();
    const current = stateAt(service.life, now);
    if (current !== "running") return error(409, `Service is ${current}: maintenance can start once it is running`);
    const updates = serviceView(service, now).maintenance;
    const pending = isRecord(updates) && Array.isArray(updates.updates) ? updates.updates.length : 0;
    if (pending === 0) return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", 0);
    service.maintenance = { startedAt: now, until: now + context.delays.maintenance };
    transition(service.life, "rebuilding", now, context.delays.maintenance, "running");
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.maintenance);
  },

  "stop-dbaas-valkey-migration": (state, call, context) => {
    const service = findService(state, call.params.name);
    if (isResponse(service)) return service;
    const now = context.now();
    if (!service.migration || now >= service.migration.until) return error(409, "No migration in progress");
    service.migration = { ...service.migration, until: now };
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.operation);
  },

  "create-dbaas-valkey-user": (state, call, context) => {
    const service = findService(state, call.params["service-name"]);
    if (isResponse(service)) return service;
    const body = new BodyReader(call.body);
    const username = body.string("username", true, 1, 64);
    const accessControl = readAccessControl(body);
    if (body.problems.length > 0) return error(400, `Invalid request: ${body.problems.join("; ")}`);
    if (service.users.some((u) => u.username === username)) return error(409, `User "${username}" already exists`);
    if (service.users.length >= context.limits.usersPerService) {
      return error(400, `Quota exceeded: at most ${context.limits.usersPerService} users per service (the simulator's limit)`);
    }
    service.users.push({ "access-control": accessControl ?? copyJson(DEFAULT_ACCESS_CONTROL), password: password(context), type: "normal", username: username! });
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.operation);
  },

  "delete-dbaas-valkey-user": (state, call, context) => {
    const service = findService(state, call.params["service-name"]);
    if (isResponse(service)) return service;
    const user = service.users.find((u) => u.username === call.params.username);
    if (!user) return error(404, "User not found");
    if (user.type === "primary") return error(400, "The primary user of a service cannot be deleted");
    service.users.splice(service.users.indexOf(user), 1);
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.operation);
  },

  "list-dbaas-valkey-users": (state, call) => {
    const service = findService(state, call.params["service-name"]);
    if (isResponse(service)) return service;
    // The users with their access control, without passwords (reveal-dbaas-valkey-user-password has those).
    return jsonResponse(200, { users: service.users.map(({ password: _secret, ...user }) => copyJson(user)) });
  },

  "update-dbaas-valkey-user-access-control": (state, call, context) => {
    const service = findService(state, call.params["service-name"]);
    if (isResponse(service)) return service;
    const user = service.users.find((u) => u.username === call.params.username);
    if (!user) return error(404, "User not found");
    const body = new BodyReader(call.body);
    const accessControl = readAccessControl(body);
    if (body.problems.length > 0) return error(400, `Invalid request: ${body.problems.join("; ")}`);
    // The rules sent replace the user's; a body without `access-control` changes nothing.
    if (accessControl) user["access-control"] = accessControl;
    return recordOperation(state, context, service, zoneOf(call), "list-dbaas-valkey-users", context.delays.operation);
  },

  "reveal-dbaas-valkey-user-password": (state, call) => {
    const service = findService(state, call.params["service-name"]);
    if (isResponse(service)) return service;
    const user = service.users.find((u) => u.username === call.params.username);
    if (!user) return error(404, "User not found");
    return jsonResponse(200, { password: user.password, username: user.username });
  },

  "reset-dbaas-valkey-user-password": (state, call, context) => {
    const service = findService(state, call.params["service-name"]);
    if (isResponse(service)) return service;
    const user = service.users.find((u) => u.username === call.params.username);
    if (!user) return error(404, "User not found");
    const body = new BodyReader(call.body, false);
    const chosen = body.string("password", false, 8, 256);
    if (body.problems.length > 0) return error(400, `Invalid request: ${body.problems.join("; ")}`);
    const previous = user.password;
    user.password = chosen ?? password(context);
    if (user.type === "primary") replacePrimaryPassword(service, previous, user.password);
    return recordOperation(state, context, service, zoneOf(call), "reveal-dbaas-valkey-user-password", context.delays.operation);
  },

  "get-dbaas-settings-valkey": (state) => jsonResponse(200, copyJson(state.settings)),
};

export const exoscaleDbaasValkey: ApiModule<ExoscaleState> = {
  name: "exoscale-dbaas-valkey",
  generated,
  pathPrefixes: ["/v2"],
  createState,
  handlers,
  errorBody: (_status, message) => ({ message }),
  dump: (state, context) => {
    const now = context.now();
    return {
      services: [...state.services.values()].map((service) => serviceView(service, now)),
      operations: state.operations.map((operation) => ({ ...operationView(operation, now), "created-at": isoSeconds(operation.createdAt) })),
    };
  },
};

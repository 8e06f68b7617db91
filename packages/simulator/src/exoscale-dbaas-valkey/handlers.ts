// Exoscale DBaaS Valkey (API v2): one handler per operation. Requests arrive valid against the spec (the
// core checks them with the spec's validators), so a handler only decides what the service would do.
//
// Every mutating call answers an Operation at once (`state: pending`, `reference` to the service); the
// operation turns `success` when the change it started has finished. Operations cannot be read through
// these operations, so `dump()` shows them; what a client sees is the service's own state:
//   create              rebuilding → running                              (delays.provision)
//   update with a plan  rebalancing → running, with the new plan's sizes  (delays.modify)
//   update with a newer version  rebuilding → running, new `version`     (delays.modify)
//   maintenance start   rebuilding → running; maintenance.updates empties (delays.maintenance)
//   migration           node 1 syncing_data (progress-updates) → running  (delays.migration, or stop)
//   users, passwords, access control   at once; their operation succeeds after  (delays.operation)
//   delete              gone at once (the vendor has no deleting state)
import type { operations } from "@managed-redis/exoscale-dbaas-valkey";
import { spec } from "@managed-redis/spec-facts/apis/exoscale-dbaas-valkey";
import type { ApiContext, ApiModule, HandlerCall } from "../api-module.ts";
import { isoSeconds } from "../clock.ts";
import { copyJson } from "../json.ts";
import { stateAt, transition, type Lifecycle } from "../lifecycle.ts";
import { BAD_REQUEST, CONFLICT, FORBIDDEN, NOT_FOUND, problem } from "../problems.ts";
import { planSizes, type PlanSizes } from "./plans.ts";
import type { ExoService, ExoscaleState, Service, ServiceState, User } from "./state.ts";
import { operationView, serviceView, zoneOfHost } from "./views.ts";

const zoneVariable = spec.facts.servers[0]!.variables.zone!;
const VALKEY_DEFAULTS = spec.facts.schemaDefaults.JsonSchemaValkey ?? {};
// A new user's ACL, as the vendor sets it (the document does not say).
const DEFAULT_ACCESS_CONTROL = { categories: ["+@all"], channels: ["*"], commands: [] as string[], keys: ["*"] };

type Call<OperationId extends keyof operations> = HandlerCall<operations[OperationId]>;

/** The zone is the one whose endpoint was called (`api-<zone>.exoscale.com`), else the spec's default. */
function zoneOf(call: { headers: Record<string, string | undefined> }): string {
  return zoneOfHost(call.headers.host ?? "") ?? zoneVariable.default;
}

function requirePlan(plan: string): PlanSizes {
  const sizes = planSizes(plan);
  if (!sizes) throw problem(BAD_REQUEST, `Invalid request: Invalid plan: ${plan}`);
  return sizes;
}

function findService(state: ExoscaleState, name: string): ExoService {
  const service = state.services.get(name);
  if (!service) throw problem(NOT_FOUND, "Service not found");
  return service;
}

function findUser(service: ExoService, username: string): User {
  const user = service.users.find((candidate) => candidate.username === username);
  if (!user) throw problem(NOT_FOUND, "User not found");
  return user;
}

/**
 * `version` of a create or update: a Valkey major version ("8", or "7.2"; the spec says only that it is a
 * non-empty string, the vendor's API refuses anything else). The service reports the full version: the
 * newest one (the seed's) when the major matches it, else the major with zeros (`7.2` → `7.2.0`).
 */
function fullVersion(version: string | undefined, newest: string): string | undefined {
  if (version === undefined) return undefined;
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(version)) throw problem(BAD_REQUEST, `Invalid request: version must be a Valkey major version such as "8"; got "${version}"`);
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

function password(context: ApiContext): string {
  return `AVNS_${context.random.chars(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}`;
}

/** The primary user's password appears in the connection info and URIs as well. */
function replacePrimaryPassword(service: ExoService, previous: string, next: string): void {
  // Values only: a key that happens to read like the old password stays as it is.
  const replaceIn = <T>(value: T): T => {
    if (typeof value === "string") return value.split(previous).join(next) as T;
    if (Array.isArray(value)) return value.map(replaceIn) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceIn(item)])) as T;
    return value;
  };
  const record = service.record;
  if (record["connection-info"] !== undefined) record["connection-info"] = replaceIn(record["connection-info"]);
  if (record.uri !== undefined) record.uri = replaceIn(record.uri);
  if (record["uri-params"] !== undefined) record["uri-params"] = replaceIn(record["uri-params"]);
}

function nodeStatesFor(name: string, nodes: number): ExoService["nodeStates"] {
  return Array.from({ length: nodes }, (_, i) => ({ name: `${name}-${i + 1}`, role: i === 0 ? "master" : "standby", state: "running" }));
}

function applySizes(record: ExoService["record"], sizes: PlanSizes): void {
  record["disk-size"] = sizes.disk;
  record["node-count"] = sizes.nodes;
  record["node-cpu-count"] = sizes.cpus;
  record["node-memory"] = sizes.memory;
}

function recordOperation(state: ExoscaleState, context: ApiContext, service: ExoService, zone: string, command: string, ms: number) {
  const now = context.now();
  const operation = { id: context.random.uuid(), command, serviceId: service.id, serviceName: service.record.name, zone, createdAt: now, until: now + ms };
  state.operations.push(operation);
  if (state.operations.length > context.limits.operations) state.operations.shift();
  return { status: 200 as const, body: operationView(operation, now) };
}

function createService(state: ExoscaleState, call: Call<"create-dbaas-service-valkey">, context: ApiContext) {
  const name = call.params.name;
  const body = call.body;
  const sizes = requirePlan(body.plan);
  const forkFrom = body["fork-from-service"];
  if (forkFrom !== undefined && !state.services.has(forkFrom)) throw problem(BAD_REQUEST, `Invalid request: fork-from-service: service ${forkFrom} not found`);
  const version = fullVersion(body.version, state.version);
  if (state.services.has(name)) throw problem(CONFLICT, `A service named "${name}" already exists`);
  if (state.services.size >= context.limits.services) throw problem(BAD_REQUEST, `Quota exceeded: at most ${context.limits.services} DBaaS services (the simulator's limit)`);
  const now = context.now();
  const zone = zoneOf(call);
  const host = `${name}-exoscale-${context.random.hex(8)}.aivencloud.com`;
  const port = 21700 + context.random.int(100);
  const secret = password(context);
  const uri = `rediss://default:${secret}@${host}:${port}`;
  const record: ExoService["record"] = {
    backups: [],
    components: [{ component: "valkey", host, port, route: "dynamic", ssl: true, usage: "primary" }],
    "connection-info": { password: secret, slave: [], uri: [uri] },
    "created-at": isoSeconds(now),
    integrations: [],
    "ip-filter": body["ip-filter"] ?? ["0.0.0.0/0"],
    maintenance: { ...(body.maintenance ?? { dow: "sunday", time: "03:00:00" }), updates: [] },
    name,
    notifications: [],
    plan: body.plan,
    "prometheus-uri": { host: `public-${host}`, port: 9273 },
    "termination-protection": body["termination-protection"] ?? false,
    type: "valkey",
    "updated-at": isoSeconds(now),
    uri,
    // The generated type of this free-form object admits no field; the vendor's holds the URI's parts.
    "uri-params": { host, password: secret, port: String(port), ssl: "required", user: "default" } as unknown as Service["uri-params"],
    "valkey-settings": { ...VALKEY_DEFAULTS, ...body["valkey-settings"] },
    version: version ?? state.version,
    zone,
  };
  applySizes(record, sizes);
  const life: Lifecycle<ServiceState> = { settled: "running" };
  transition(life, "rebuilding", now, context.delays.provision, "running");
  const service: ExoService = {
    id: context.random.uuid(),
    record: Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b))) as ExoService["record"],
    users: [{ "access-control": copyJson(DEFAULT_ACCESS_CONTROL), password: secret, type: "primary", username: "default" }],
    life,
    nodeStates: nodeStatesFor(name, sizes.nodes),
  };
  if (body.migration) {
    const start = now + context.delays.provision;
    service.migration = { startedAt: start, until: start + context.delays.migration };
  }
  state.services.set(name, service);
  return recordOperation(state, context, service, zone, "get-dbaas-service-valkey", context.delays.provision);
}

function updateService(state: ExoscaleState, call: Call<"update-dbaas-service-valkey">, context: ApiContext) {
  const service = findService(state, call.params.name);
  const body = call.body;
  const sizes = body.plan === undefined ? undefined : requirePlan(body.plan);
  const currentVersion = String(service.record.version ?? state.version);
  const version = fullVersion(body.version, state.version);
  if (version !== undefined && compareVersions(version, currentVersion) < 0) {
    throw problem(BAD_REQUEST, `Invalid request: version ${body.version} is older than the service's ${currentVersion}: Valkey cannot be downgraded`);
  }
  const now = context.now();
  const planChanges = body.plan !== undefined && body.plan !== service.record.plan;
  const upgrade = version !== undefined && version !== currentVersion;
  if ((planChanges || upgrade) && stateAt(service.life, now) !== "running") {
    throw problem(CONFLICT, `Service is ${stateAt(service.life, now)}: the ${planChanges ? "plan" : "version"} can change once it is running`);
  }
  const record = service.record;
  if (body["ip-filter"]) record["ip-filter"] = [...body["ip-filter"]];
  if (body.maintenance) record.maintenance = { ...body.maintenance, updates: record.maintenance?.updates ?? [] };
  if (body["termination-protection"] !== undefined) record["termination-protection"] = body["termination-protection"];
  if (body["valkey-settings"]) record["valkey-settings"] = { ...record["valkey-settings"], ...body["valkey-settings"] };
  let ms = context.delays.operation;
  if (planChanges && sizes) {
    record.plan = body.plan!;
    applySizes(record, sizes);
    service.nodeStates = nodeStatesFor(record.name, sizes.nodes);
    transition(service.life, "rebalancing", now, context.delays.modify, "running");
    ms = context.delays.modify;
  }
  if (upgrade) {
    record.version = version;
    // The nodes are replaced by nodes of the new version: the service rebuilds (after a rebalancing for a
    // plan change in the same call, it simply stays busy as long).
    if (!planChanges) transition(service.life, "rebuilding", now, context.delays.modify, "running");
    ms = context.delays.modify;
  }
  if (body.migration) service.migration = { startedAt: now, until: now + context.delays.migration };
  record["updated-at"] = isoSeconds(now);
  return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", ms);
}

export const handlers: ApiModule<ExoscaleState, operations>["handlers"] = {
  "get-dbaas-service-valkey": (state, call, context) => ({ status: 200, body: serviceView(findService(state, call.params.name), context.now()) }),
  "create-dbaas-service-valkey": createService,
  "update-dbaas-service-valkey": updateService,
  "delete-dbaas-service-valkey": (state, call, context) => {
    const service = findService(state, call.params.name);
    if (service.record["termination-protection"] === true) {
      throw problem(FORBIDDEN, "Service has termination protection enabled: turn it off with update-dbaas-service-valkey first");
    }
    state.services.delete(service.record.name);
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.operation);
  },
  "start-dbaas-valkey-maintenance": (state, call, context) => {
    const service = findService(state, call.params.name);
    const now = context.now();
    const current = stateAt(service.life, now);
    if (current !== "running") throw problem(CONFLICT, `Service is ${current}: maintenance can start once it is running`);
    const pending = serviceView(service, now).maintenance?.updates.length ?? 0;
    if (pending === 0) return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", 0);
    service.maintenance = { startedAt: now, until: now + context.delays.maintenance };
    transition(service.life, "rebuilding", now, context.delays.maintenance, "running");
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.maintenance);
  },
  "stop-dbaas-valkey-migration": (state, call, context) => {
    const service = findService(state, call.params.name);
    const now = context.now();
    if (!service.migration || now >= service.migration.until) throw problem(CONFLICT, "No migration in progress");
    service.migration = { ...service.migration, until: now };
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.operation);
  },
  "create-dbaas-valkey-user": (state, call, context) => {
    const service = findService(state, call.params["service-name"]);
    const { username } = call.body;
    if (service.users.some((user) => user.username === username)) throw problem(CONFLICT, `User "${username}" already exists`);
    if (service.users.length >= context.limits.usersPerService) {
      throw problem(BAD_REQUEST, `Quota exceeded: at most ${context.limits.usersPerService} users per service (the simulator's limit)`);
    }
    const accessControl = call.body["access-control"];
    service.users.push({ "access-control": accessControl ? copyJson(accessControl) : copyJson(DEFAULT_ACCESS_CONTROL), password: password(context), type: "normal", username });
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.operation);
  },
  "list-dbaas-valkey-users": (state, call) => {
    const service = findService(state, call.params["service-name"]);
    // The users with their access control, without passwords (reveal-dbaas-valkey-user-password has those).
    return { status: 200, body: { users: service.users.map(({ password: _secret, ...user }) => user) } };
  },
  "update-dbaas-valkey-user-access-control": (state, call, context) => {
    const service = findService(state, call.params["service-name"]);
    const user = findUser(service, call.params.username);
    // The rules sent replace the user's; a body without `access-control` changes nothing.
    const accessControl = call.body["access-control"];
    if (accessControl) user["access-control"] = copyJson(accessControl);
    return recordOperation(state, context, service, zoneOf(call), "list-dbaas-valkey-users", context.delays.operation);
  },
  "delete-dbaas-valkey-user": (state, call, context) => {
    const service = findService(state, call.params["service-name"]);
    const user = findUser(service, call.params.username);
    if (user.type === "primary") throw problem(BAD_REQUEST, "The primary user of a service cannot be deleted");
    service.users.splice(service.users.indexOf(user), 1);
    return recordOperation(state, context, service, zoneOf(call), "get-dbaas-service-valkey", context.delays.operation);
  },
  "reveal-dbaas-valkey-user-password": (state, call) => {
    const user = findUser(findService(state, call.params["service-name"]), call.params.username);
    return { status: 200, body: { password: user.password, username: user.username } };
  },
  "reset-dbaas-valkey-user-password": (state, call, context) => {
    const service = findService(state, call.params["service-name"]);
    const user = findUser(service, call.params.username);
    const previous = user.password;
    user.password = call.body.password ?? password(context);
    if (user.type === "primary") replacePrimaryPassword(service, previous, user.password);
    return recordOperation(state, context, service, zoneOf(call), "reveal-dbaas-valkey-user-password", context.delays.operation);
  },
  "get-dbaas-settings-valkey": (state) => ({ status: 200, body: state.settings }),
};

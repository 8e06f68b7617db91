// KakaoCloud Redis: clusters (cluster mode) and instance sets, their shards and nodes.
//
// Lifecycles (the document shows no deleting state, so a delete is immediate: the next read is a 404):
//   create cluster      cluster, shards, nodes  Creating → Running               (delays.provision)
//   update / param retry cluster                Modifying → Running              (delays.modify)
//   add shard           cluster Scaling(horizontal), new shard and nodes Creating → Running (delays.scale)
//   delete shard        cluster Scaling(horizontal) → Running; the shard is gone at once   (delays.scale)
//   add replica         cluster and shard Modifying, new node Creating → Running          (delays.scale)
//   delete replica      cluster and shard Modifying → Running; the node is gone at once   (delays.scale)
// A change to a cluster that is not Running answers 400: the console and API refuse it the same way.
import { isoSeconds } from "../clock.ts";
import { generated } from "../generated/kakaocloud-redis.ts";
import { isBusy, stateAt, transition, type Lifecycle } from "../lifecycle.ts";
import { BodyReader, copyJson, isIdRef, isRecord, jsonResponse } from "../responses.ts";
import type { ApiContext, ApiModule, HandlerCall, SimResponse } from "../types.ts";

type Status = "Init" | "Creating" | "Running" | "Modifying" | "Scaling(horizontal)" | "Scaling(vertical)";
type SubnetRef = { id: string };
type SubnetAssignment = { primary: SubnetRef; replicas: SubnetRef[] };

interface KakaoNode {
  id: string;
  name: string;
  subnet: SubnetRef;
  endpoint: string;
  role: "primary" | "replica";
  createdAt: string;
  life: Lifecycle<Status>;
}

interface KakaoShard {
  id: string;
  name: string;
  slots: string;
  nodes: KakaoNode[];
  createdAt: string;
  life: Lifecycle<Status>;
}

interface KakaoCluster {
  /** Every field of the cluster but the computed ones (status, shardCount, totalNodeCount, endpoints). */
  record: Record<string, unknown>;
  life: Lifecycle<Status>;
  /** The shards of a cluster-mode cluster; undefined for an instance set, which has none. */
  shards: KakaoShard[] | undefined;
  /** The endpoints, which the service assigns once the cluster has come up. */
  endpoints: { primaryEndpoint: string; readEndpoint: string };
  endpointsOnceRunning?: { primaryEndpoint: string; readEndpoint: string };
}

export interface KakaoState {
  clusters: Map<string, KakaoCluster>;
  versions: string[];
  flavors: { id: string; name: string; vcpus: number; memory: number }[];
  parameterGroupNames: Map<string, string>;
  projectId: string;
  creator: string;
}

const TOTAL_SLOTS = 16384;
const MAX_SHARDS = 12;
const RUNNING: Status = "Running";

function example<T>(name: string): T {
  const value = generated.examples[name];
  if (value === undefined) throw new Error(`the kakaocloud-redis spec has no example ${name}`);
  return copyJson(value) as T;
}

function error(status: number, message: string): SimResponse {
  return jsonResponse(status, { code: status, message });
}

function delayOf(status: Status, context: ApiContext): number {
  if (status === "Creating" || status === "Init") return context.delays.provision;
  if (status.startsWith("Scaling")) return context.delays.scale;
  return context.delays.modify;
}

/** A seeded resource keeps the example's status until its change would have finished, then runs. */
function seededLife(status: unknown, context: ApiContext): Lifecycle<Status> {
  const life: Lifecycle<Status> = { settled: RUNNING };
  if (typeof status === "string" && status !== RUNNING) {
    transition(life, status as Status, context.seededAt, delayOf(status as Status, context), RUNNING);
  }
  return life;
}

function seedShards(raw: unknown[], context: ApiContext): KakaoShard[] {
  return raw.filter(isRecord).map((shard) => ({
    id: String(shard.id),
    name: String(shard.name),
    slots: String(shard.slots),
    createdAt: String(shard.createdAt),
    life: seededLife(shard.status, context),
    nodes: (Array.isArray(shard.nodes) ? shard.nodes : []).filter(isRecord).map((node) => ({
      id: String(node.id),
      name: String(node.name),
      subnet: { id: String((node.subnet as SubnetRef).id) },
      endpoint: String(node.endpoint),
      role: node.role === "primary" ? "primary" : "replica",
      createdAt: String(node.createdAt),
      life: seededLife(node.status, context),
    })),
  }));
}

function createState(context: ApiContext): KakaoState {
  // The getCluster examples are the fuller records of the clusters that listClusters shows; the list
  // is answered from them, in the list example's order, so that a get and a list always agree.
  const detailed = [example<Record<string, unknown>>("getCluster.cluster"), example<Record<string, unknown>>("getCluster.instanceSet")];
  const listed = example<{ clusters: Record<string, unknown>[] }>("listClusters.default").clusters;
  const records = listed.map((entry) => detailed.find((d) => d.objectId === entry.objectId) ?? entry);
  for (const d of detailed) if (!records.includes(d)) records.push(d);
  // The listShards example belongs to the cluster whose name prefixes its shards' names.
  const seededShards = example<{ shards: { name: string }[] }>("listShards.default").shards;
  const clusters = new Map<string, KakaoCluster>();
  const parameterGroupNames = new Map<string, string>();
  for (const record of records) {
    const { status, shardCount: _shardCount, endpoints, ...rest } = record;
    const clusterEnabled = record.clusterEnabled === true;
    const ownShards = clusterEnabled ? seededShards.filter((s) => s.name.startsWith(`${String(record.name)}-`)) : [];
    if (typeof record.parameterGroupId === "string" && typeof record.parameterGroupName === "string") {
      parameterGroupNames.set(record.parameterGroupId, record.parameterGroupName);
    }
    clusters.set(String(record.objectId), {
      record: { ...rest, status, shardCount: _shardCount, endpoints },
      life: seededLife(status, context),
      shards: clusterEnabled ? seedShards(ownShards, context) : undefined,
      endpoints: isRecord(endpoints)
        ? { primaryEndpoint: String(endpoints.primaryEndpoint ?? ""), readEndpoint: String(endpoints.readEndpoint ?? "") }
        : { primaryEndpoint: "", readEndpoint: "" },
    });
  }
  const first = records[0] ?? {};
  return {
    clusters,
    versions: example<string[]>("listEngineVersions.default"),
    flavors: example<{ flavors: KakaoState["flavors"] }>("listFlavors.default").flavors,
    parameterGroupNames,
    projectId: String(first.projectId ?? "377813fe9e0144dc8cd867c2zxcvasdf"),
    creator: String(first.creator ?? "user@example.com"),
  };
}

function nodeView(node: KakaoNode, now: number): Record<string, unknown> {
  return {
    id: node.id,
    name: node.name,
    subnet: { ...node.subnet },
    endpoint: node.endpoint,
    role: node.role,
    status: stateAt(node.life, now),
    createdAt: node.createdAt,
  };
}

function shardView(shard: KakaoShard, now: number): Record<string, unknown> {
  return {
    id: shard.id,
    name: shard.name,
    slots: shard.slots,
    nodes: shard.nodes.map((node) => nodeView(node, now)),
    status: stateAt(shard.life, now),
    createdAt: shard.createdAt,
  };
}

function clusterView(cluster: KakaoCluster, now: number): Record<string, unknown> {
  const status = stateAt(cluster.life, now);
  const endpoints = cluster.endpointsOnceRunning && status !== "Creating" ? cluster.endpointsOnceRunning : cluster.endpoints;
  const view: Record<string, unknown> = { ...copyJson(cluster.record), endpoints: { ...endpoints }, status };
  if (cluster.shards) {
    view.shardCount = cluster.shards.length;
    view.totalNodeCount = cluster.shards.reduce((sum, shard) => sum + shard.nodes.length, 0);
  }
  return view;
}

function rebalanceSlots(shards: KakaoShard[]): void {
  shards.forEach((shard, i) => {
    const start = Math.floor((i * TOTAL_SLOTS) / shards.length);
    const end = Math.floor(((i + 1) * TOTAL_SLOTS) / shards.length) - 1;
    shard.slots = `${start}-${end}`;
  });
}

function privateIp(context: ApiContext): string {
  return `10.184.${context.random.int(256)}.${1 + context.random.int(254)}`;
}

function newNode(
  name: string,
  subnet: SubnetRef,
  role: KakaoNode["role"],
  context: ApiContext,
  status: Status,
  ms: number,
): KakaoNode {
  const now = context.now();
  const life: Lifecycle<Status> = { settled: RUNNING };
  transition(life, status, now, ms, RUNNING);
  return { id: context.random.uuid(), name, subnet: { ...subnet }, endpoint: privateIp(context), role, createdAt: isoSeconds(now), life };
}

function newShard(
  clusterName: string,
  id: string,
  nodeCount: number,
  assignment: SubnetAssignment,
  context: ApiContext,
  ms: number,
): KakaoShard {
  const now = context.now();
  const name = `${clusterName}-${id}`;
  const nodes: KakaoNode[] = [];
  for (let i = 0; i < nodeCount; i += 1) {
    const subnet = i === 0 ? assignment.primary : (assignment.replicas[(i - 1) % Math.max(1, assignment.replicas.length)] ?? assignment.primary);
    nodes.push(newNode(`${name}-${String(i + 1).padStart(3, "0")}`, subnet, i === 0 ? "primary" : "replica", context, "Creating", ms));
  }
  const life: Lifecycle<Status> = { settled: RUNNING };
  transition(life, "Creating", now, ms, RUNNING);
  return { id, name, slots: "", nodes, createdAt: isoSeconds(now), life };
}

function readAssignment(value: unknown): SubnetAssignment | undefined {
  if (!isRecord(value) || !isIdRef(value.primary)) return undefined;
  const replicas = value.replicas;
  if (!Array.isArray(replicas) || !replicas.every(isIdRef)) return undefined;
  return { primary: { id: value.primary.id }, replicas: replicas.map((r) => ({ id: r.id })) };
}

function findCluster(state: KakaoState, call: HandlerCall): KakaoCluster | SimResponse {
  const cluster = state.clusters.get(call.params["cluster-id"] ?? "");
  return cluster ?? error(404, "cluster not found");
}

function requireRunning(cluster: KakaoCluster, context: ApiContext): SimResponse | undefined {
  const status = stateAt(cluster.life, context.now());
  if (status === RUNNING) return undefined;
  return error(400, `invalid request: the cluster is ${status}; wait until it is Running`);
}

function findShard(cluster: KakaoCluster, call: HandlerCall): KakaoShard | SimResponse {
  const shard = cluster.shards?.find((s) => s.id === call.params["shard-id"]);
  return shard ?? error(404, "shard not found");
}

function isResponse(value: unknown): value is SimResponse {
  return isRecord(value) && typeof value.status === "number" && "headers" in value;
}

function objectId(cluster: KakaoCluster, status = 200): SimResponse {
  return jsonResponse(status, { objectId: String(cluster.record.objectId) });
}

const handlers: ApiModule<KakaoState>["handlers"] = {
  listEngineVersions: (state) => jsonResponse(200, [...state.versions]),

  listFlavors: (state) => jsonResponse(200, { flavors: copyJson(state.flavors) }),

  listClusters: (state, call, context) => {
    const now = context.now();
    const { parameterGroupId, parameterGroupName } = call.query;
    const clusters = [...state.clusters.values()]
      .map((cluster) => clusterView(cluster, now))
      .filter((c) => parameterGroupId === undefined || c.parameterGroupId === parameterGroupId)
      .filter((c) => parameterGroupName === undefined || c.parameterGroupName === parameterGroupName);
    return jsonResponse(200, { clusters });
  },

  getCluster: (state, call, context) => {
    const cluster = findCluster(state, call);
    return isResponse(cluster) ? cluster : jsonResponse(200, clusterView(cluster, context.now()));
  },

  createCluster: (state, call, context) => {
    const body = new BodyReader(call.body);
    const name = body.string("name", true, 1);
    const version = body.string("version", true, 1);
    const port = body.integer("port", true, 2000, 50000);
    const shardCount = body.integer("shardCount", true, 1, MAX_SHARDS);
    const nodeCountPerShard = body.integer("nodeCountPerShard", true, 1, context.limits.nodesPerShard);
    const flavorId = body.string("flavorId", true, 1);
    const parameterGroupId = body.string("parameterGroupId", true, 1);
    const subnets = body.idList("subnets", true, 1);
    const securityGroups = body.idList("securityGroups", true, 1);
    const tlsEnabled = body.boolean("tlsEnabled", false);
    const rawAssignments = body.raw("subnetAssignments");
    const assignments = Array.isArray(rawAssignments) ? rawAssignments.map(readAssignment) : undefined;
    if (!assignments || assignments.length < 1 || assignments.length > MAX_SHARDS || assignments.some((a) => !a)) {
      body.problem("subnetAssignments must be an array of 1 to 12 assignments, each with a primary and replicas");
    }
    const user = body.object("user", false);
    const backupSchedule = body.object("backupSchedule", false);
    const description = body.string("description", false);
    if (body.problems.length > 0) return error(400, `invalid request: ${body.problems.join("; ")}`);
    if ([...state.clusters.values()].some((c) => c.record.name === name)) {
      return error(409, "a cluster with the same name already exists");
    }
    if (state.clusters.size >= context.limits.clusters) {
      return error(422, `quota exceeded: this project already has ${context.limits.clusters} clusters, the simulator's limit`);
    }
    const now = context.now();
    const id = context.random.uuid();
    const flavor = state.flavors.find((f) => f.id === flavorId);
    const ms = context.delays.provision;
    const clusterName = name!;
    const shards: KakaoShard[] = [];
    for (let i = 0; i < shardCount!; i += 1) {
      const assignment = assignments![i % assignments!.length]!;
      shards.push(newShard(clusterName, String(i + 1).padStart(3, "0"), nodeCountPerShard!, assignment, context, ms));
    }
    rebalanceSlots(shards);
    const record: Record<string, unknown> = {
      projectId: state.projectId,
      objectId: id,
      name: clusterName,
      ...(description !== undefined ? { description } : {}),
      version,
      port,
      clusterEnabled: true,
      recoveryEnabled: true,
      shardCount,
      totalNodeCount: shardCount! * nodeCountPerShard!,
      flavorId,
      ...(flavor ? { vcpu: flavor.vcpus, memory: flavor.memory } : {}),
      endpoints: { primaryEndpoint: "", readEndpoint: "" },
      ...(user && typeof user.name === "string" ? { userName: user.name } : {}),
      subnets,
      subnetAssignments: assignments!.map((a) => copyJson(a)),
      securityGroups,
      backupSchedule: backupSchedule
        ? { cron: String(backupSchedule.cron ?? ""), retentionLimit: Number(backupSchedule.retentionLimit ?? 7) }
        : null,
      tlsEnabled: tlsEnabled ?? false,
      creator: state.creator,
      license: "GPL",
      status: "Creating",
      parameterGroupId,
      ...(state.parameterGroupNames.has(parameterGroupId!) ? { parameterGroupName: state.parameterGroupNames.get(parameterGroupId!) } : {}),
      parameterGroupSyncStatus: "In-Sync",
      createdAt: isoSeconds(now),
    };
    const life: Lifecycle<Status> = { settled: RUNNING };
    transition(life, "Creating", now, ms, RUNNING);
    const host = `${clusterName}-${id.slice(0, 8)}.redis.kr-central-2.kakaocloud.com`;
    state.clusters.set(id, {
      record,
      life,
      shards,
      endpoints: { primaryEndpoint: "", readEndpoint: "" },
      endpointsOnceRunning: { primaryEndpoint: `primary.${host}`, readEndpoint: `read.${host}` },
    });
    return jsonResponse(201, { objectId: id });
  },

  updateCluster: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const body = new BodyReader(call.body);
    const backupSchedule = body.object("backupSchedule", false);
    const parameterGroupId = body.string("parameterGroupId", false, 1);
    const securityGroups = body.idList("securityGroups", false, 0);
    const description = body.string("description", false);
    if (backupSchedule && backupSchedule.cron !== undefined && typeof backupSchedule.cron !== "string") {
      body.problem("backupSchedule.cron must be a string");
    }
    if (body.problems.length > 0) return error(400, `invalid request: ${body.problems.join("; ")}`);
    const busy = requireRunning(cluster, context);
    if (busy) return busy;
    const record = cluster.record;
    if (backupSchedule) {
      // The document: an empty cron disables automatic backups.
      if (backupSchedule.cron === "") record.backupSchedule = null;
      else {
        const current = isRecord(record.backupSchedule) ? record.backupSchedule : { cron: "0 1 * * *", retentionLimit: 7 };
        record.backupSchedule = {
          cron: typeof backupSchedule.cron === "string" ? backupSchedule.cron : current.cron,
          retentionLimit: typeof backupSchedule.retentionLimit === "number" ? backupSchedule.retentionLimit : current.retentionLimit,
        };
      }
    }
    if (parameterGroupId !== undefined) {
      record.parameterGroupId = parameterGroupId;
      const groupName = state.parameterGroupNames.get(parameterGroupId);
      if (groupName !== undefined) record.parameterGroupName = groupName;
      else delete record.parameterGroupName;
      record.parameterGroupSyncStatus = "In-Sync";
    }
    if (securityGroups !== undefined) record.securityGroups = securityGroups;
    if (description !== undefined) record.description = description;
    transition(cluster.life, "Modifying", context.now(), context.delays.modify, RUNNING);
    return objectId(cluster);
  },

  deleteCluster: (state, call) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    state.clusters.delete(String(cluster.record.objectId));
    return objectId(cluster);
  },

  retryParameterGroupApply: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const busy = requireRunning(cluster, context);
    if (busy) return busy;
    cluster.record.parameterGroupSyncStatus = "In-Sync";
    transition(cluster.life, "Modifying", context.now(), context.delays.modify, RUNNING);
    return objectId(cluster);
  },

  addShard: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const body = new BodyReader(call.body);
    const nodeCount = body.integer("nodeCount", true, 1, context.limits.nodesPerShard);
    const assignment = readAssignment(body.raw("subnetAssignments"));
    if (!assignment) body.problem("subnetAssignments must be an object with a primary and replicas");
    if (body.problems.length > 0) return error(400, `invalid request: ${body.problems.join("; ")}`);
    if (!cluster.shards) return error(400, "invalid request: an instance set (cluster mode disabled) has no shards");
    const busy = requireRunning(cluster, context);
    if (busy) return busy;
    if (cluster.shards.length >= MAX_SHARDS) return error(400, `invalid request: a cluster has at most ${MAX_SHARDS} shards`);
    const next = Math.max(0, ...cluster.shards.map((s) => Number.parseInt(s.id, 10) || 0)) + 1;
    const ms = context.delays.scale;
    cluster.shards.push(newShard(String(cluster.record.name), String(next).padStart(3, "0"), nodeCount!, assignment!, context, ms));
    rebalanceSlots(cluster.shards);
    transition(cluster.life, "Scaling(horizontal)", context.now(), ms, RUNNING);
    return objectId(cluster, 201);
  },

  listShards: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const now = context.now();
    return jsonResponse(200, { shards: (cluster.shards ?? []).map((shard) => shardView(shard, now)) });
  },

  getShard: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const shard = findShard(cluster, call);
    return isResponse(shard) ? shard : jsonResponse(200, shardView(shard, context.now()));
  },

  deleteShard: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const shard = findShard(cluster, call);
    if (isResponse(shard)) return shard;
    const busy = requireRunning(cluster, context);
    if (busy) return busy;
    const shards = cluster.shards!;
    if (shards.length <= 1) return error(400, "invalid request: a cluster keeps at least one shard");
    shards.splice(shards.indexOf(shard), 1);
    rebalanceSlots(shards);
    transition(cluster.life, "Scaling(horizontal)", context.now(), context.delays.scale, RUNNING);
    return objectId(cluster);
  },

  addReplicaNode: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const shard = findShard(cluster, call);
    if (isResponse(shard)) return shard;
    const body = new BodyReader(call.body);
    const subnet = body.raw("subnet");
    if (!isIdRef(subnet)) body.problem("subnet must be an object with an id");
    if (body.problems.length > 0) return error(400, `invalid request: ${body.problems.join("; ")}`);
    const busy = requireRunning(cluster, context);
    if (busy) return busy;
    if (shard.nodes.length >= context.limits.nodesPerShard) {
      return error(400, `invalid request: a shard has at most ${context.limits.nodesPerShard} nodes in the simulator`);
    }
    const next = Math.max(0, ...shard.nodes.map((n) => Number.parseInt(n.name.slice(-3), 10) || 0)) + 1;
    const now = context.now();
    const ms = context.delays.scale;
    shard.nodes.push(newNode(`${shard.name}-${String(next).padStart(3, "0")}`, subnet as SubnetRef, "replica", context, "Creating", ms));
    transition(shard.life, "Modifying", now, ms, RUNNING);
    transition(cluster.life, "Modifying", now, ms, RUNNING);
    return objectId(cluster, 201);
  },

  listNodes: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const shard = findShard(cluster, call);
    if (isResponse(shard)) return shard;
    const now = context.now();
    return jsonResponse(200, { nodes: shard.nodes.map((node) => nodeView(node, now)) });
  },

  getNode: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const shard = findShard(cluster, call);
    if (isResponse(shard)) return shard;
    const node = shard.nodes.find((n) => n.id === call.params["node-id"]);
    return node ? jsonResponse(200, nodeView(node, context.now())) : error(404, "node not found");
  },

  deleteNode: (state, call, context) => {
    const cluster = findCluster(state, call);
    if (isResponse(cluster)) return cluster;
    const shard = findShard(cluster, call);
    if (isResponse(shard)) return shard;
    const node = shard.nodes.find((n) => n.id === call.params["node-id"]);
    if (!node) return error(404, "node not found");
    const busy = requireRunning(cluster, context);
    if (busy) return busy;
    if (node.role === "primary") return error(400, "invalid request: the primary node of a shard cannot be deleted");
    shard.nodes.splice(shard.nodes.indexOf(node), 1);
    const now = context.now();
    transition(shard.life, "Modifying", now, context.delays.scale, RUNNING);
    transition(cluster.life, "Modifying", now, context.delays.scale, RUNNING);
    return objectId(cluster);
  },
};

export const kakaocloudRedis: ApiModule<KakaoState> = {
  name: "kakaocloud-redis",
  generated,
  pathPrefixes: [],
  createState,
  handlers,
  errorBody: (status, message) => ({ code: status, message }),
  dump: (state, context) => {
    const now = context.now();
    return {
      clusters: [...state.clusters.values()].map((cluster) => ({
        ...clusterView(cluster, now),
        shards: (cluster.shards ?? []).map((shard) => shardView(shard, now)),
        busyUntil: isBusy(cluster.life, now) ? isoSeconds(cluster.life.transient!.until) : null,
      })),
    };
  },
};

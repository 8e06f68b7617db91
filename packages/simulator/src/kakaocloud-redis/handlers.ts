// KakaoCloud Redis: one handler per operation. Requests arrive valid against the spec (the core checks
// them with the spec's validators), so a handler only decides what the service would do.
//
// Lifecycles (the document shows no deleting state, so a delete is immediate: the next read is a 404):
//   create cluster      cluster, shards, nodes  Creating → Running               (delays.provision)
//   update / param retry cluster                Modifying → Running              (delays.modify)
//   add shard           cluster Scaling(horizontal), new shard and nodes Creating → Running (delays.scale)
//   delete shard        cluster Scaling(horizontal) → Running; the shard is gone at once   (delays.scale)
//   add replica         cluster and shard Modifying, new node Creating → Running          (delays.scale)
//   delete replica      cluster and shard Modifying → Running; the node is gone at once   (delays.scale)
// A change to a cluster that is not Running answers 400: the console and API refuse it the same way.
import type { components, operations } from "@managed-redis/kakaocloud-redis";
import { spec } from "@managed-redis/spec-facts/apis/kakaocloud-redis";
import type { ApiContext, ApiModule, HandlerCall } from "../api-module.ts";
import { isoSeconds } from "../clock.ts";
import { copyJson } from "../json.ts";
import { stateAt, transition, type Lifecycle } from "../lifecycle.ts";
import { BAD_REQUEST, CONFLICT, NOT_FOUND, UNPROCESSABLE, problem } from "../problems.ts";
import { RUNNING, type Cluster, type KakaoCluster, type KakaoNode, type KakaoShard, type KakaoState, type Status } from "./state.ts";
import { clusterView, nodeView, shardView } from "./views.ts";

type SubnetRef = components["schemas"]["SubnetRef"];
type SubnetAssignment = components["schemas"]["SubnetAssignment"];

// Redis Cluster's hash slots, shared out among the shards.
const TOTAL_SLOTS = 16384;
// How many shards a cluster may have: the spec's bounds of a cluster's shard count.
const shardCount = spec.facts.bounds["CreateClusterRequest.shardCount"]!;
// A new cluster's endpoints are hosts under the API's own domain (the spec's server).
const endpointDomain = new URL(spec.facts.defaultServerUrl).host;
const MAX_SHARDS = shardCount.maximum!;
const MIN_SHARDS = shardCount.minimum!;

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

function newNode(name: string, subnet: SubnetRef, role: KakaoNode["role"], context: ApiContext, status: Status, ms: number): KakaoNode {
  const now = context.now();
  const life: Lifecycle<string> = { settled: RUNNING };
  transition(life, status, now, ms, RUNNING);
  return { id: context.random.uuid(), name, subnet: { ...subnet }, endpoint: privateIp(context), role, createdAt: isoSeconds(now), life };
}

function newShard(clusterName: string, id: string, nodeCount: number, assignment: SubnetAssignment, context: ApiContext, ms: number): KakaoShard {
  const now = context.now();
  const name = `${clusterName}-${id}`;
  const nodes: KakaoNode[] = [];
  for (let i = 0; i < nodeCount; i += 1) {
    const subnet = i === 0 ? assignment.primary : (assignment.replicas[(i - 1) % Math.max(1, assignment.replicas.length)] ?? assignment.primary);
    nodes.push(newNode(`${name}-${String(i + 1).padStart(3, "0")}`, subnet, i === 0 ? "primary" : "replica", context, "Creating", ms));
  }
  const life: Lifecycle<string> = { settled: RUNNING };
  transition(life, "Creating", now, ms, RUNNING);
  return { id, name, slots: "", nodes, createdAt: isoSeconds(now), life };
}

function findCluster(state: KakaoState, clusterId: string): KakaoCluster {
  const cluster = state.clusters.get(clusterId);
  if (!cluster) throw problem(NOT_FOUND, "cluster not found");
  return cluster;
}

function findShard(cluster: KakaoCluster, shardId: string): KakaoShard {
  const shard = cluster.shards?.find((candidate) => candidate.id === shardId);
  if (!shard) throw problem(NOT_FOUND, "shard not found");
  return shard;
}

function findNode(shard: KakaoShard, nodeId: string): KakaoNode {
  const node = shard.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) throw problem(NOT_FOUND, "node not found");
  return node;
}

function requireRunning(cluster: KakaoCluster, context: ApiContext): void {
  const status = stateAt(cluster.life, context.now());
  if (status !== RUNNING) throw problem(BAD_REQUEST, `invalid request: the cluster is ${status}; wait until it is Running`);
}

function requireShardSize(nodeCount: number, context: ApiContext): void {
  if (nodeCount > context.limits.nodesPerShard) throw problem(BAD_REQUEST, `invalid request: a shard has at most ${context.limits.nodesPerShard} nodes in the simulator`);
}

const objectId = <Status extends 200 | 201>(cluster: KakaoCluster, status: Status) => ({ status, body: { objectId: cluster.record.objectId } });

type Call<OperationId extends keyof operations> = HandlerCall<operations[OperationId]>;

function createCluster(state: KakaoState, call: Call<"createCluster">, context: ApiContext) {
  const body = call.body;
  requireShardSize(body.nodeCountPerShard, context);
  if ([...state.clusters.values()].some((cluster) => cluster.record.name === body.name)) throw problem(CONFLICT, "a cluster with the same name already exists");
  if (state.clusters.size >= context.limits.clusters) {
    throw problem(UNPROCESSABLE, `quota exceeded: this project already has ${context.limits.clusters} clusters, the simulator's limit`);
  }
  const now = context.now();
  const id = context.random.uuid();
  const flavor = state.flavors.find((candidate) => candidate.id === body.flavorId);
  const ms = context.delays.provision;
  const shards: KakaoShard[] = [];
  for (let i = 0; i < body.shardCount; i += 1) {
    const assignment = body.subnetAssignments[i % body.subnetAssignments.length]!;
    shards.push(newShard(body.name, String(i + 1).padStart(3, "0"), body.nodeCountPerShard, assignment, context, ms));
  }
  rebalanceSlots(shards);
  const parameterGroupName = state.parameterGroupNames.get(body.parameterGroupId);
  const record: Cluster = {
    projectId: state.projectId,
    objectId: id,
    name: body.name,
    ...(body.description !== undefined ? { description: body.description } : {}),
    version: body.version,
    port: body.port,
    clusterEnabled: true,
    recoveryEnabled: true,
    shardCount: body.shardCount,
    totalNodeCount: body.shardCount * body.nodeCountPerShard,
    flavorId: body.flavorId,
    ...(flavor ? { vcpu: flavor.vcpus, memory: flavor.memory } : {}),
    endpoints: { primaryEndpoint: "", readEndpoint: "" },
    ...(body.user?.name !== undefined ? { userName: body.user.name } : {}),
    subnets: copyJson(body.subnets),
    subnetAssignments: copyJson(body.subnetAssignments),
    securityGroups: copyJson(body.securityGroups),
    backupSchedule: body.backupSchedule ? { cron: body.backupSchedule.cron, retentionLimit: body.backupSchedule.retentionLimit } : null,
    tlsEnabled: body.tlsEnabled ?? false,
    creator: state.creator,
    license: "GPL",
    status: "Creating",
    parameterGroupId: body.parameterGroupId,
    ...(parameterGroupName !== undefined ? { parameterGroupName } : {}),
    parameterGroupSyncStatus: "In-Sync",
    createdAt: isoSeconds(now),
  };
  const life: Lifecycle<string> = { settled: RUNNING };
  transition(life, "Creating", now, ms, RUNNING);
  const host = `${body.name}-${id.slice(0, 8)}.${endpointDomain}`;
  state.clusters.set(id, {
    record,
    life,
    shards,
    endpoints: { primaryEndpoint: "", readEndpoint: "" },
    endpointsOnceRunning: { primaryEndpoint: `primary.${host}`, readEndpoint: `read.${host}` },
  });
  return { status: 201 as const, body: { objectId: id } };
}

function updateCluster(state: KakaoState, call: Call<"updateCluster">, context: ApiContext) {
  const cluster = findCluster(state, call.params["cluster-id"]);
  const { backupSchedule, parameterGroupId, securityGroups, description } = call.body;
  requireRunning(cluster, context);
  const record = cluster.record;
  if (backupSchedule) {
    // The document: an empty cron disables automatic backups.
    if (backupSchedule.cron === "") record.backupSchedule = null;
    else {
      const current = record.backupSchedule ?? { cron: "0 1 * * *", retentionLimit: 7 };
      record.backupSchedule = { cron: backupSchedule.cron ?? current.cron, retentionLimit: backupSchedule.retentionLimit ?? current.retentionLimit };
    }
  }
  if (parameterGroupId !== undefined) {
    record.parameterGroupId = parameterGroupId;
    const groupName = state.parameterGroupNames.get(parameterGroupId);
    if (groupName !== undefined) record.parameterGroupName = groupName;
    else delete record.parameterGroupName;
    record.parameterGroupSyncStatus = "In-Sync";
  }
  if (securityGroups !== undefined) record.securityGroups = copyJson(securityGroups);
  if (description !== undefined) record.description = description;
  transition(cluster.life, "Modifying", context.now(), context.delays.modify, RUNNING);
  return objectId(cluster, 200);
}

function addShard(state: KakaoState, call: Call<"addShard">, context: ApiContext) {
  const cluster = findCluster(state, call.params["cluster-id"]);
  const { nodeCount, subnetAssignments } = call.body;
  requireShardSize(nodeCount, context);
  if (!cluster.shards) throw problem(BAD_REQUEST, "invalid request: an instance set (cluster mode disabled) has no shards");
  requireRunning(cluster, context);
  if (cluster.shards.length >= MAX_SHARDS) throw problem(BAD_REQUEST, `invalid request: a cluster has at most ${MAX_SHARDS} shards`);
  const next = Math.max(0, ...cluster.shards.map((shard) => Number.parseInt(shard.id, 10) || 0)) + 1;
  const ms = context.delays.scale;
  cluster.shards.push(newShard(cluster.record.name, String(next).padStart(3, "0"), nodeCount, subnetAssignments, context, ms));
  rebalanceSlots(cluster.shards);
  transition(cluster.life, "Scaling(horizontal)", context.now(), ms, RUNNING);
  return objectId(cluster, 201);
}

function deleteShard(state: KakaoState, call: Call<"deleteShard">, context: ApiContext) {
  const cluster = findCluster(state, call.params["cluster-id"]);
  const shard = findShard(cluster, call.params["shard-id"]);
  requireRunning(cluster, context);
  const shards = cluster.shards!;
  if (shards.length <= MIN_SHARDS) throw problem(BAD_REQUEST, "invalid request: a cluster keeps at least one shard");
  shards.splice(shards.indexOf(shard), 1);
  rebalanceSlots(shards);
  transition(cluster.life, "Scaling(horizontal)", context.now(), context.delays.scale, RUNNING);
  return objectId(cluster, 200);
}

function addReplicaNode(state: KakaoState, call: Call<"addReplicaNode">, context: ApiContext) {
  const cluster = findCluster(state, call.params["cluster-id"]);
  const shard = findShard(cluster, call.params["shard-id"]);
  requireRunning(cluster, context);
  if (shard.nodes.length >= context.limits.nodesPerShard) {
    throw problem(BAD_REQUEST, `invalid request: a shard has at most ${context.limits.nodesPerShard} nodes in the simulator`);
  }
  const next = Math.max(0, ...shard.nodes.map((node) => Number.parseInt(node.name.slice(-3), 10) || 0)) + 1;
  const now = context.now();
  const ms = context.delays.scale;
  shard.nodes.push(newNode(`${shard.name}-${String(next).padStart(3, "0")}`, call.body.subnet, "replica", context, "Creating", ms));
  transition(shard.life, "Modifying", now, ms, RUNNING);
  transition(cluster.life, "Modifying", now, ms, RUNNING);
  return objectId(cluster, 201);
}

function deleteNode(state: KakaoState, call: Call<"deleteNode">, context: ApiContext) {
  const cluster = findCluster(state, call.params["cluster-id"]);
  const shard = findShard(cluster, call.params["shard-id"]);
  const node = findNode(shard, call.params["node-id"]);
  requireRunning(cluster, context);
  if (node.role === "primary") throw problem(BAD_REQUEST, "invalid request: the primary node of a shard cannot be deleted");
  shard.nodes.splice(shard.nodes.indexOf(node), 1);
  const now = context.now();
  transition(shard.life, "Modifying", now, context.delays.scale, RUNNING);
  transition(cluster.life, "Modifying", now, context.delays.scale, RUNNING);
  return objectId(cluster, 200);
}

export const handlers: ApiModule<KakaoState, operations>["handlers"] = {
  listEngineVersions: (state) => ({ status: 200, body: [...state.versions] }),
  listFlavors: (state) => ({ status: 200, body: { flavors: state.flavors } }),
  listClusters: (state, call, context) => {
    const now = context.now();
    const { parameterGroupId, parameterGroupName } = call.query;
    const clusters = [...state.clusters.values()]
      .map((cluster) => clusterView(cluster, now))
      .filter((cluster) => parameterGroupId === undefined || cluster.parameterGroupId === parameterGroupId)
      .filter((cluster) => parameterGroupName === undefined || cluster.parameterGroupName === parameterGroupName);
    return { status: 200, body: { clusters } };
  },
  getCluster: (state, call, context) => ({ status: 200, body: clusterView(findCluster(state, call.params["cluster-id"]), context.now()) }),
  createCluster,
  updateCluster,
  deleteCluster: (state, call) => {
    const cluster = findCluster(state, call.params["cluster-id"]);
    state.clusters.delete(cluster.record.objectId);
    return objectId(cluster, 200);
  },
  retryParameterGroupApply: (state, call, context) => {
    const cluster = findCluster(state, call.params["cluster-id"]);
    requireRunning(cluster, context);
    cluster.record.parameterGroupSyncStatus = "In-Sync";
    transition(cluster.life, "Modifying", context.now(), context.delays.modify, RUNNING);
    return objectId(cluster, 200);
  },
  addShard,
  listShards: (state, call, context) => {
    const cluster = findCluster(state, call.params["cluster-id"]);
    const now = context.now();
    return { status: 200, body: { shards: (cluster.shards ?? []).map((shard) => shardView(shard, now)) } };
  },
  getShard: (state, call, context) => {
    const cluster = findCluster(state, call.params["cluster-id"]);
    return { status: 200, body: shardView(findShard(cluster, call.params["shard-id"]), context.now()) };
  },
  deleteShard,
  addReplicaNode,
  listNodes: (state, call, context) => {
    const shard = findShard(findCluster(state, call.params["cluster-id"]), call.params["shard-id"]);
    const now = context.now();
    return { status: 200, body: { nodes: shard.nodes.map((node) => nodeView(node, now)) } };
  },
  getNode: (state, call, context) => {
    const shard = findShard(findCluster(state, call.params["cluster-id"]), call.params["shard-id"]);
    return { status: 200, body: nodeView(findNode(shard, call.params["node-id"]), context.now()) };
  },
  deleteNode,
};

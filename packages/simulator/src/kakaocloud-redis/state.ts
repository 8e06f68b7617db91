// KakaoCloud Redis: the store (clusters and instance sets, with their shards and nodes) and its seed, the
// documents' own examples: the getCluster examples are the fuller records of the clusters listClusters
// shows, and the listShards example belongs to the cluster whose name prefixes its shards' names.
import type { components } from "@managed-redis/kakaocloud-redis";
import { spec } from "@managed-redis/spec-facts/apis/kakaocloud-redis";
import type { ApiContext } from "../api-module.ts";
import { copyJson } from "../json.ts";
import { transition, type Lifecycle } from "../lifecycle.ts";

type Schemas = components["schemas"];
export type Cluster = Schemas["Cluster"];
export type Shard = Schemas["Shard"];
export type Node = Schemas["Node"];

/** The states the simulator moves resources through, among those the document lists. */
export type Status = "Creating" | "Running" | "Modifying" | "Scaling(horizontal)";
export const RUNNING: Status = "Running";

export interface KakaoNode extends Omit<Node, "status"> {
  life: Lifecycle<string>;
}

export interface KakaoShard extends Omit<Shard, "status" | "nodes"> {
  nodes: KakaoNode[];
  life: Lifecycle<string>;
}

export interface KakaoCluster {
  /** The cluster as stored; its status, shard and node counts and endpoints are computed when read. */
  record: Cluster;
  life: Lifecycle<string>;
  /** The shards of a cluster-mode cluster; undefined for an instance set, which has none. */
  shards: KakaoShard[] | undefined;
  /** The endpoints, which the service assigns once the cluster has come up. */
  endpoints: { primaryEndpoint: string; readEndpoint: string };
  endpointsOnceRunning?: { primaryEndpoint: string; readEndpoint: string };
}

export interface KakaoState {
  clusters: Map<string, KakaoCluster>;
  versions: Schemas["EngineVersionList"];
  flavors: Schemas["Flavor"][];
  parameterGroupNames: Map<string, string>;
  projectId: string;
  creator: string;
}

/** A named example of a success response of an operation, from the spec. */
export function example<T>(operationId: string, name: string): T {
  const operation = spec.facts.operations.find((candidate) => candidate.operationId === operationId);
  const value = operation?.responses.flatMap((response) => response.contents.flatMap((content) => content.examples)).find((candidate) => candidate.key === name)?.value;
  if (value === undefined) throw new Error(`the kakaocloud-redis spec has no example ${operationId}.${name}`);
  return copyJson(value) as T;
}

export function delayOf(status: string, context: ApiContext): number {
  if (status === "Creating" || status === "Init") return context.delays.provision;
  if (status.startsWith("Scaling")) return context.delays.scale;
  return context.delays.modify;
}

/** A seeded resource keeps the example's status until its change would have finished, then runs. */
function seededLife(status: string, context: ApiContext): Lifecycle<string> {
  const life: Lifecycle<string> = { settled: RUNNING };
  if (status !== RUNNING) transition(life, status, context.seededAt, delayOf(status, context), RUNNING);
  return life;
}

function seedShards(shards: Shard[], context: ApiContext): KakaoShard[] {
  return shards.map(({ status, nodes, ...shard }) => ({
    ...shard,
    life: seededLife(status, context),
    nodes: nodes.map(({ status: nodeStatus, ...node }) => ({ ...node, life: seededLife(nodeStatus, context) })),
  }));
}

export function createState(context: ApiContext): KakaoState {
  const detailed = [example<Cluster>("getCluster", "cluster"), example<Cluster>("getCluster", "instanceSet")];
  const listed = example<Schemas["ClusterList"]>("listClusters", "default").clusters;
  const records = listed.map((entry) => detailed.find((d) => d.objectId === entry.objectId) ?? entry);
  for (const d of detailed) if (!records.includes(d)) records.push(d);
  const seededShards = example<Schemas["ShardList"]>("listShards", "default").shards;
  const clusters = new Map<string, KakaoCluster>();
  const parameterGroupNames = new Map<string, string>();
  for (const record of records) {
    const ownShards = record.clusterEnabled ? seededShards.filter((shard) => shard.name.startsWith(`${record.name}-`)) : [];
    if (record.parameterGroupId !== undefined && record.parameterGroupName !== undefined) parameterGroupNames.set(record.parameterGroupId, record.parameterGroupName);
    clusters.set(record.objectId, {
      record,
      life: seededLife(record.status, context),
      shards: record.clusterEnabled ? seedShards(ownShards, context) : undefined,
      endpoints: { primaryEndpoint: record.endpoints?.primaryEndpoint ?? "", readEndpoint: record.endpoints?.readEndpoint ?? "" },
    });
  }
  const first = records[0];
  return {
    clusters,
    versions: example<Schemas["EngineVersionList"]>("listEngineVersions", "default"),
    flavors: example<Schemas["FlavorList"]>("listFlavors", "default").flavors,
    parameterGroupNames,
    projectId: first?.projectId ?? "377813fe9e0144dc8cd867c2zxcvasdf",
    creator: first?.creator ?? "user@example.com",
  };
}

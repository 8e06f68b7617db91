// KakaoCloud Redis: resources as the API shows them at a moment (states computed from the clock). A view
// may share nested data with the store: the simulator copies every answer as it leaves (simulator.ts).
import { isoSeconds } from "../clock.ts";
import { isBusy, stateAt } from "../lifecycle.ts";
import type { Cluster, KakaoCluster, KakaoNode, KakaoShard, KakaoState, Node, Shard } from "./state.ts";

export function nodeView(node: KakaoNode, now: number): Node {
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

export function shardView(shard: KakaoShard, now: number): Shard {
  return {
    id: shard.id,
    name: shard.name,
    slots: shard.slots,
    nodes: shard.nodes.map((node) => nodeView(node, now)),
    status: stateAt(shard.life, now),
    createdAt: shard.createdAt,
  };
}

export function clusterView(cluster: KakaoCluster, now: number): Cluster {
  const status = stateAt(cluster.life, now);
  const endpoints = cluster.endpointsOnceRunning && status !== "Creating" ? cluster.endpointsOnceRunning : cluster.endpoints;
  const view: Cluster = { ...cluster.record, endpoints: { ...endpoints }, status };
  if (cluster.shards) {
    view.shardCount = cluster.shards.length;
    view.totalNodeCount = cluster.shards.reduce((sum, shard) => sum + shard.nodes.length, 0);
  }
  return view;
}

export function dump(state: KakaoState, now: number): unknown {
  return {
    clusters: [...state.clusters.values()].map((cluster) => ({
      ...clusterView(cluster, now),
      shards: (cluster.shards ?? []).map((shard) => shardView(shard, now)),
      busyUntil: isBusy(cluster.life, now) ? isoSeconds(cluster.life.transient!.until) : null,
    })),
  };
}

import { ApiError, requireNonEmptyString, unwrap, waitForState, type WaitOptions } from "@managed-redis/client-runtime";
import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/openapi.js";
import type { knownValues } from "./generated/operations.js";

type Cluster = components["schemas"]["Cluster"];
type Shard = components["schemas"]["Shard"];
type Node = components["schemas"]["Node"];

/**
 * A status a waiter can wait for: one KakaoCloud documents (a misspelled one does not compile). The API
 * may answer others; they are seen as states in progress (or failures, below).
 */
export type WaitableClusterStatus = (typeof knownValues)["Cluster.status"][number];
export type WaitableShardStatus = (typeof knownValues)["Shard.status"][number];
export type WaitableNodeStatus = (typeof knownValues)["Node.status"][number];

export interface WaitForClusterStatusOptions extends WaitOptions {
  /**
   * Statuses after which the wanted one will not come, so waiting stops with a WaiterError "failed" naming
   * the status. KakaoCloud publishes no list of failure statuses (its list of statuses is open, and any may
   * be answered); by default any status containing "error" or "fail" (any case) counts.
   */
  failureStatuses?: readonly string[];
}

const LOOKS_FAILED = /error|fail/i;

/** Reads a resource, or `undefined` when it is gone (404). */
async function readOrGone<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | undefined> {
  try {
    return (await unwrap(call)) as T;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** A waiter over one resource's `status`: the caller's failure statuses, or any that looks failed. */
function waitForStatus<Resource extends { status: string }>(
  read: (signal: AbortSignal) => Promise<Resource | undefined>,
  wanted: string,
  what: string,
  options: WaitForClusterStatusOptions,
): Promise<Resource> {
  const failures = options.failureStatuses ?? ((status: string) => LOOKS_FAILED.test(status));
  return waitForState<Resource>(read, (resource) => resource.status, wanted, failures, { what, stateWord: "status" }, options);
}

/**
 * Polls `getCluster` until the cluster's `status` is `status` (e.g. `"Running"` after `createCluster`),
 * and resolves with the cluster. Rejects with a WaiterError: "failed" when it reaches a failure status
 * (named in the message and in `lastState`), "gone" when it no longer exists (404), "timeout" after
 * `timeoutMs`.
 */
export async function waitForClusterStatus(
  client: Client<paths>,
  clusterId: string,
  status: WaitableClusterStatus,
  options: WaitForClusterStatusOptions = {},
): Promise<Cluster> {
  requireNonEmptyString(clusterId, "clusterId");
  requireNonEmptyString(status, "status");
  return waitForStatus<Cluster>(
    (signal) => readOrGone(client.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": clusterId } }, signal })),
    status,
    `Cluster ${clusterId}`,
    options,
  );
}

/** Like {@link waitForClusterStatus}, for one shard of a cluster (`getShard`), e.g. after `addShard`. */
export async function waitForShardStatus(
  client: Client<paths>,
  clusterId: string,
  shardId: string,
  status: WaitableShardStatus,
  options: WaitForClusterStatusOptions = {},
): Promise<Shard> {
  requireNonEmptyString(clusterId, "clusterId");
  requireNonEmptyString(shardId, "shardId");
  requireNonEmptyString(status, "status");
  return waitForStatus<Shard>(
    (signal) =>
      readOrGone(client.GET("/v1/clusters/{cluster-id}/shards/{shard-id}", { params: { path: { "cluster-id": clusterId, "shard-id": shardId } }, signal })),
    status,
    `Shard ${shardId} of cluster ${clusterId}`,
    options,
  );
}

/** Like {@link waitForClusterStatus}, for one node of a shard (`getNode`), e.g. after `addReplicaNode`. */
export async function waitForNodeStatus(
  client: Client<paths>,
  clusterId: string,
  shardId: string,
  nodeId: string,
  status: WaitableNodeStatus,
  options: WaitForClusterStatusOptions = {},
): Promise<Node> {
  requireNonEmptyString(clusterId, "clusterId");
  requireNonEmptyString(shardId, "shardId");
  requireNonEmptyString(nodeId, "nodeId");
  requireNonEmptyString(status, "status");
  return waitForStatus<Node>(
    (signal) =>
      readOrGone(
        client.GET("/v1/clusters/{cluster-id}/shards/{shard-id}/nodes/{node-id}", {
          params: { path: { "cluster-id": clusterId, "shard-id": shardId, "node-id": nodeId } },
          signal,
        }),
      ),
    status,
    `Node ${nodeId} of shard ${shardId} in cluster ${clusterId}`,
    options,
  );
}

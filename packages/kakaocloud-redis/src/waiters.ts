import {
  ApiError,
  InvalidOptionError,
  WaiterError,
  pollUntil,
  requireNonEmptyString,
  unwrap,
  type WaitOptions,
} from "@managed-redis/client-runtime";
import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/openapi.js";

type Cluster = components["schemas"]["Cluster"];

export interface WaitForClusterStatusOptions extends WaitOptions {
  /**
   * Statuses after which the wanted one will not come, so waiting stops with a WaiterError "failed".
   * KakaoCloud publishes no list of failure statuses; by default any status containing "error" or "fail"
   * (any case) counts.
   */
  failureStatuses?: readonly string[];
}

const LOOKS_FAILED = /error|fail/i;

/**
 * Polls `getCluster` until the cluster's `status` is `status` (e.g. `"Running"` after `createCluster`),
 * and resolves with the cluster. Rejects with a WaiterError: "failed" when it reaches a failure status,
 * "gone" when it no longer exists (404), "timeout" after `timeoutMs`.
 */
export async function waitForClusterStatus(
  client: Client<paths>,
  clusterId: string,
  status: string,
  options: WaitForClusterStatusOptions = {},
): Promise<Cluster> {
  requireNonEmptyString(clusterId, "clusterId");
  requireNonEmptyString(status, "status");
  if (options.failureStatuses?.includes(status)) {
    throw new InvalidOptionError("failureStatuses", `it contains the wanted status "${status}"`);
  }
  const isFailure = (value: string) =>
    options.failureStatuses ? options.failureStatuses.includes(value) : LOOKS_FAILED.test(value);
  const what = `cluster ${clusterId} to reach status "${status}"`;

  return pollUntil<Cluster>(
    async (signal) => {
      let data: Cluster;
      try {
        data = await unwrap(
          client.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": clusterId } }, signal }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          throw new WaiterError("gone", `Cluster ${clusterId} no longer exists (404) while waiting for status "${status}"`);
        }
        throw error;
      }
      if (data.status === status) return { done: true, value: data };
      if (isFailure(data.status)) {
        throw new WaiterError("failed", `Cluster ${clusterId} went into status "${data.status}" while waiting for "${status}"`, data.status);
      }
      return { done: false, state: data.status };
    },
    what,
    options,
  );
}

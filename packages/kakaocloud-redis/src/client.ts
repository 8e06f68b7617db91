import { bindOperations, createTransport, guardClient, requireHttpUrl, type TransportOptions } from "@managed-redis/client-runtime";
import createClient, { type Client } from "openapi-fetch";
import { createKakaoAuthenticator, type KakaoCredentials } from "./auth.js";
import { operationFunctions, type ClientMethods } from "./generated/methods.js";
import type { paths } from "./generated/openapi.js";
import { operationIds, serverUrlTemplate } from "./generated/operations.js";
import {
  waitForClusterStatus,
  waitForNodeStatus,
  waitForShardStatus,
  type WaitableClusterStatus,
  type WaitableNodeStatus,
  type WaitableShardStatus,
  type WaitForClusterStatusOptions,
} from "./waiters.js";

/** The API's endpoint in region kr-central-2, the spec's server. */
export const DEFAULT_BASE_URL: string = serverUrlTemplate;

export interface KakaoCloudRedisClientOptions extends KakaoCredentials, TransportOptions {
  /** The API's root URL. Default `https://redis.kr-central-2.kakaocloud.com`. */
  baseUrl?: string | undefined;
  /** Headers sent with every request (the token header is set by the client). */
  headers?: Record<string, string>;
}

/** openapi-fetch's client (`GET`, `POST`, …) with the package's transport: what the operation functions call through. */
export type KakaoCloudRedisBaseClient = Client<paths>;

/**
 * The client: one method per operation (`listClusters()`, `getCluster({ clusterId })`, …), openapi-fetch's
 * `GET`/`POST`/… and the waiter.
 */
export type KakaoCloudRedisClient = KakaoCloudRedisBaseClient & ClientMethods & {
  /** See {@link waitForClusterStatus}: polls `getCluster` until the cluster has `status`. */
  waitForClusterStatus(
    clusterId: string,
    status: WaitableClusterStatus,
    options?: WaitForClusterStatusOptions,
  ): ReturnType<typeof waitForClusterStatus>;
  /** See {@link waitForShardStatus}: polls `getShard` until the shard has `status`. */
  waitForShardStatus(
    clusterId: string,
    shardId: string,
    status: WaitableShardStatus,
    options?: WaitForClusterStatusOptions,
  ): ReturnType<typeof waitForShardStatus>;
  /** See {@link waitForNodeStatus}: polls `getNode` until the node has `status`. */
  waitForNodeStatus(
    clusterId: string,
    shardId: string,
    nodeId: string,
    status: WaitableNodeStatus,
    options?: WaitForClusterStatusOptions,
  ): ReturnType<typeof waitForNodeStatus>;
};

/**
 * Creates a typed client of the KakaoCloud Redis API: one method per operation, and openapi-fetch's `GET`,
 * `POST`, … on the same object.
 *
 *     const kakao = createKakaoCloudRedisClient({ token: process.env.KAKAO_TOKEN });
 *     const { clusters } = await kakao.listClusters();
 */
export function createKakaoCloudRedisClient(options: KakaoCloudRedisClientOptions): KakaoCloudRedisClient {
  const client = createKakaoCloudRedisBaseClient(options);
  return Object.assign(client, bindOperations<ClientMethods>(client, operationFunctions), {
    waitForClusterStatus: (clusterId: string, status: WaitableClusterStatus, waitOptions?: WaitForClusterStatusOptions) =>
      waitForClusterStatus(client, clusterId, status, waitOptions),
    waitForShardStatus: (clusterId: string, shardId: string, status: WaitableShardStatus, waitOptions?: WaitForClusterStatusOptions) =>
      waitForShardStatus(client, clusterId, shardId, status, waitOptions),
    waitForNodeStatus: (clusterId: string, shardId: string, nodeId: string, status: WaitableNodeStatus, waitOptions?: WaitForClusterStatusOptions) =>
      waitForNodeStatus(client, clusterId, shardId, nodeId, status, waitOptions),
  });
}

/**
 * The same client without the bound methods, for an app that calls a few operations as functions and
 * should not bundle the others: `await listClusters(createKakaoCloudRedisBaseClient({ token }))`.
 */
export function createKakaoCloudRedisBaseClient(options: KakaoCloudRedisClientOptions): KakaoCloudRedisBaseClient {
  const baseUrl = requireHttpUrl(options.baseUrl ?? DEFAULT_BASE_URL, "baseUrl");
  const authenticator = createKakaoAuthenticator(options);
  const fetch = createTransport({ ...options, authenticator, baseUrl, operationIds });
  return guardClient(createClient<paths>({ baseUrl, fetch, ...(options.headers ? { headers: options.headers } : {}) }), { timeoutMs: options.timeoutMs, operationIds, maxResponseBytes: options.maxResponseBytes });
}

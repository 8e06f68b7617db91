// @managed-redis/kakaocloud-redis: the public surface.
import type { components } from "./generated/openapi.js";
import { knownValues } from "./generated/operations.js";

export {
  createKakaoCloudRedisBaseClient,
  createKakaoCloudRedisClient,
  DEFAULT_BASE_URL,
  type KakaoCloudRedisBaseClient,
  type KakaoCloudRedisClient,
  type KakaoCloudRedisClientOptions,
} from "./client.js";
// One function per operation (tree-shakable), their argument types, and the methods' interface.
export * from "./generated/methods.js";
export { createKakaoAuthenticator, kakaoAuthMiddleware, type KakaoCredentials, type KakaoTokenProvider } from "./auth.js";
export {
  waitForClusterStatus,
  waitForNodeStatus,
  waitForShardStatus,
  type WaitableClusterStatus,
  type WaitableNodeStatus,
  type WaitableShardStatus,
  type WaitForClusterStatusOptions,
} from "./waiters.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { operationIds } from "./generated/operations.js";
export {
  ApiError,
  ConflictError,
  ConnectionError,
  InvalidOptionError,
  NotFoundError,
  RateLimitError,
  RedirectError,
  RequestError,
  ResponseDecodeError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  TlsError,
  WaiterError,
  unwrap,
  type Logger,
  type LogLevel,
  type MethodOptions,
  type MethodPromise,
  type OperationArgs,
  type OperationData,
  type RetryOptions,
  type WaitOptions,
} from "@managed-redis/client-runtime";

type Schemas = components["schemas"];
export type Cluster = Schemas["Cluster"];
export type ClusterList = Schemas["ClusterList"];
export type CreateClusterRequest = Schemas["CreateClusterRequest"];
export type UpdateClusterRequest = Schemas["UpdateClusterRequest"];
export type Shard = Schemas["Shard"];
export type ShardList = Schemas["ShardList"];
export type AddShardRequest = Schemas["AddShardRequest"];
export type Node = Schemas["Node"];
export type NodeList = Schemas["NodeList"];
export type AddReplicaNodeRequest = Schemas["AddReplicaNodeRequest"];
export type SubnetAssignment = Schemas["SubnetAssignment"];
export type SubnetRef = Schemas["SubnetRef"];
export type SecurityGroupRef = Schemas["SecurityGroupRef"];
/** A cluster's automatic backup policy as the API reports it: either field may be missing, `cron` may be `""` (off). */
export type BackupSchedule = Schemas["BackupSchedule"];
/** The automatic backup policy of `createCluster`: `cron` (five fields) and/or `retentionLimit`. */
export type BackupScheduleCreate = Schemas["BackupScheduleCreate"];
export type Endpoints = Schemas["Endpoints"];
export type Flavor = Schemas["Flavor"];
export type EngineVersionList = Schemas["EngineVersionList"];
export type RestoreSource = Schemas["RestoreSource"];
export type ObjectIdResponse = Schemas["ObjectIdResponse"];
export type KakaoApiErrorBody = Schemas["Error"];

/** The role of a node: `primary` or `replica`. */
export type NodeRole = Schemas["Node"]["role"];
export { nodeRoleValues } from "./generated/openapi.js";

/**
 * The cluster statuses KakaoCloud documents. The list is open: the API may answer others, so `Cluster`'s
 * `status` stays a `string`; use these for display and comparisons.
 */
export const knownClusterStatuses = knownValues["Cluster.status"];
export type KnownClusterStatus = (typeof knownClusterStatuses)[number];
/** The documented values of `parameterGroupSyncStatus` (open list, like the statuses). */
export const knownParameterGroupSyncStatuses = knownValues["Cluster.parameterGroupSyncStatus"];
export type KnownParameterGroupSyncStatus = (typeof knownParameterGroupSyncStatuses)[number];

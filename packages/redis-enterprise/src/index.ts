// @managed-redis/redis-enterprise: the public surface.
import type { components } from "./generated/openapi.js";

export { createRedisEnterpriseClient, DEFAULT_PORT, type RedisEnterpriseClient, type RedisEnterpriseClientOptions } from "./client.js";
export { createRedisEnterpriseAuthenticator, redisEnterpriseAuthMiddleware, type RedisEnterpriseCredentials } from "./auth.js";
export type { TlsOptions } from "./tls.js";
// `paths`, `components`, `operations`, and one `…Values` array per enum of the spec
// (`serviceStatusStatusValues`, `servicesOperationRequestOperation_typeValues`).
export * from "./generated/openapi.js";
export { operationIds } from "./generated/operations.js";
export {
  ApiError,
  ConnectionError,
  InvalidOptionError,
  RedirectError,
  RequestError,
  ResponseDecodeError,
  ResponseTooLargeError,
  TimeoutError,
  TlsError,
  unwrap,
  type RetryOptions,
} from "@managed-redis/client-runtime";

type Schemas = components["schemas"];
export type ServiceStatus = Schemas["ServiceStatus"];
export type LocalServices = Schemas["LocalServices"];
export type ServicesOperationRequest = Schemas["ServicesOperationRequest"];
export type ServicesOperationResult = Schemas["ServicesOperationResult"];
export type RedisEnterpriseErrorBody = Schemas["Error"];
/** `RESTARTING`, `RUNNING`, `STARTING` or `STOPPED`; the values are in `serviceStatusStatusValues`. */
export type ServiceState = Schemas["ServiceStatus"]["status"];
/** `stop`, `start` or `restart`; the values are in `servicesOperationRequestOperation_typeValues`. */
export type ServicesOperationType = Schemas["ServicesOperationRequest"]["operation_type"];

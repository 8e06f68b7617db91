// What the Node and the browser entries both export: everything but the client factory, which differs in
// how it honours the TLS options.
import type { components } from "./generated/openapi.js";

export { DEFAULT_PORT, type RedisEnterpriseBaseClient, type RedisEnterpriseClient, type RedisEnterpriseClientOptions } from "./client.js";
// One function per operation (tree-shakable), their argument types, and the methods' interface.
export * from "./generated/methods.js";
export { createRedisEnterpriseAuthenticator, redisEnterpriseAuthMiddleware, type RedisEnterpriseCredentials } from "./auth.js";
export type { PemCertificate, TlsOptions } from "./tls-options.js";
export { waitForLocalServiceState, type WaitableServiceState, type WaitForLocalServiceStateOptions } from "./waiters.js";
// `paths`, `components`, `operations`, and one `…Values` array per enum of the spec
// (`servicesOperationRequestOperation_typeValues`, and `serviceStatusStatusAnyOf0Values` for the open
// list of service states, also exported as `knownServiceStates`).
export * from "./generated/openapi.js";
import { knownValues } from "./generated/operations.js";
export { knownValues, operationIds } from "./generated/operations.js";
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
export type ServiceStatus = Schemas["ServiceStatus"];
export type LocalServices = Schemas["LocalServices"];
export type ServicesOperationRequest = Schemas["ServicesOperationRequest"];
export type ServicesOperationResult = Schemas["ServicesOperationResult"];
export type RedisEnterpriseErrorBody = Schemas["Error"];
/**
 * A service's state: `RESTARTING`, `RUNNING`, `STARTING`, `STOPPED`, or another one a newer cluster
 * reports. The list is open, so the type is `string`; the known states are `KnownServiceState`.
 */
export type ServiceState = Schemas["ServiceStatus"]["status"];
/** The service states the vendor documents (`RESTARTING`, `RUNNING`, `STARTING`, `STOPPED`); others may occur. */
export const knownServiceStates = knownValues["ServiceStatus.status"];
export type KnownServiceState = (typeof knownServiceStates)[number];
/** @deprecated The list of service states is open; use `knownServiceStates`. */
export const serviceStatusStatusValues = knownServiceStates;
/** `stop`, `start` or `restart`; the values are in `servicesOperationRequestOperation_typeValues`. */
export type ServicesOperationType = Schemas["ServicesOperationRequest"]["operation_type"];

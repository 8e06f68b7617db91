// @managed-redis/exoscale-dbaas-valkey: the public surface.
import type { components } from "./generated/openapi.js";

export {
  createExoscaleValkeyBaseClient,
  createExoscaleValkeyClient,
  type ExoscaleValkeyBaseClient,
  type ExoscaleValkeyClient,
  type ExoscaleValkeyClientOptions,
} from "./client.js";
// One function per operation (tree-shakable), their argument types, and the methods' interface.
export * from "./generated/methods.js";
export { createExoscaleAuthenticator, exoscaleAuthMiddleware } from "./auth.js";
export {
  exoscaleSignatureParts,
  signExoscaleRequest,
  SIGNATURE_LIFETIME_SECONDS,
  type ExoscaleCredentials,
  type SignableRequest,
} from "./signature.js";
export { waitForServiceState, type WaitForServiceStateOptions } from "./waiters.js";
export { DEFAULT_ZONE, exoscaleZones, zoneBaseUrl, type ExoscaleZone } from "./zones.js";
// `paths`, `components`, `operations`, and one `…Values` array per enum of the spec
// (e.g. `dbaasMaintenanceDowValues`, `enumServiceStateValues`, `operationStateValues`).
export * from "./generated/openapi.js";
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
export type DbaasServiceValkey = Schemas["DbaasServiceValkey"];
export type CreateDbaasServiceValkeyRequest = Schemas["CreateDbaasServiceValkeyRequest"];
export type UpdateDbaasServiceValkeyRequest = Schemas["UpdateDbaasServiceValkeyRequest"];
export type DbaasServiceValkeyUser = Schemas["DbaasServiceValkeyUser"];
export type CreateDbaasValkeyUserRequest = Schemas["CreateDbaasValkeyUserRequest"];
export type DbaasValkeyUser = Schemas["DbaasValkeyUser"];
export type DbaasValkeyUsers = Schemas["DbaasValkeyUsers"];
export type DbaasValkeyUserAccessControl = Schemas["DbaasValkeyUserAccessControl"];
export type UpdateDbaasValkeyUserAccessControlRequest = Schemas["UpdateDbaasValkeyUserAccessControlRequest"];
export type ResetDbaasValkeyUserPasswordRequest = Schemas["ResetDbaasValkeyUserPasswordRequest"];
export type DbaasUserValkeySecrets = Schemas["DbaasUserValkeySecrets"];
export type DbaasSettingsValkey = Schemas["DbaasSettingsValkey"];
export type DbaasServiceValkeyConnectionInfo = Schemas["DbaasServiceValkeyConnectionInfo"];
export type DbaasServiceMaintenance = Schemas["DbaasServiceMaintenance"];
export type DbaasNodeState = Schemas["DbaasNodeState"];
export type JsonSchemaValkey = Schemas["JsonSchemaValkey"];
export type Operation = Schemas["Operation"];
export type Reference = Schemas["Reference"];
export type ExoscaleErrorResponse = Schemas["ErrorResponse"];
/** A day of the week for maintenance, or `never`; the values are in `dbaasMaintenanceDowValues`. */
export type DbaasMaintenanceDow = Schemas["DbaasMaintenanceDow"];
/** `running`, `rebuilding`, `rebalancing` or `poweroff`; the values are in `enumServiceStateValues`. */
export type EnumServiceState = Schemas["EnumServiceState"];
export type EnumMigrationMethod = Schemas["EnumMigrationMethod"];
export type EnumComponentRoute = Schemas["EnumComponentRoute"];
export type EnumComponentUsage = Schemas["EnumComponentUsage"];
/** `failure`, `pending`, `success` or `timeout`; the values are in `operationStateValues`. */
export type OperationState = NonNullable<Schemas["Operation"]["state"]>;
export type OperationReason = NonNullable<Schemas["Operation"]["reason"]>;

// @managed-redis/client-runtime: what the three @managed-redis clients share. Vendor specifics
// (authentication, base URLs, waiters) live in the client packages.
export {
  ApiError,
  ConflictError,
  NotFoundError,
  RateLimitError,
  REQUEST_ID_HEADERS,
  ServerError,
  createApiError,
  readErrorBody,
  type ApiErrorDetails,
} from "./api-error.js";
export type { Authenticator } from "./authenticator.js";
export { guardClient, type GuardOptions } from "./client-guard.js";
export { ConnectionError, TlsError } from "./connection-error.js";
export {
  InvalidOptionError,
  credentialProblem,
  requireCredential,
  requireHttpUrl,
  requireNonEmptyString,
} from "./invalid-option-error.js";
export {
  bindOperations,
  callOperation,
  camelCase,
  type CamelCase,
  type MethodOptions,
  type MethodPromise,
  type OperationArgs,
  type OperationData,
  type OperationErrorBody,
  type PathArgs,
  type QueryArgs,
} from "./operation-method.js";
export { createOperationResolver, type OperationResolver } from "./operation-resolver.js";
export { REDACTED, createRedactor, type Redactor } from "./redaction.js";
export { MAX_REDIRECTS } from "./redirect-policy.js";
export { RedirectError } from "./redirect-error.js";
export { RequestError, type RequestDetails } from "./request-error.js";
export { ResponseDecodeError, ResponseTooLargeError } from "./response-errors.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./response-body.js";
export {
  DEFAULT_RETRY_STATUSES,
  IDEMPOTENT_METHODS,
  backoffDelay,
  parseRetryAfter,
  resolveRetryPolicy,
  sleep,
  type RetryOptions,
  type RetryPolicy,
} from "./retry-policy.js";
export { TimeoutError } from "./timeout-error.js";
export {
  DELETED_ON_RETRY_HEADER,
  createTransport,
  type FetchLike,
  type TransportConfig,
  type TransportOptions,
} from "./transport.js";
export {
  LOG_ENV_VARIABLE,
  describeAttempt,
  type AttemptRecord,
  type LogLevel,
  type Logger,
  type LoggingOptions,
} from "./logger.js";
export { dataOrThrow, unwrap, type FetchResult } from "./unwrap.js";
export {
  WaiterError,
  pollUntil,
  waitForState,
  type PollOutcome,
  type WaitOptions,
  type WaitTarget,
  type WaiterFailure,
} from "./waiter.js";

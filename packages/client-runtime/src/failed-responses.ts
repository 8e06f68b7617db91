import type { OperationResolver } from "./operation-resolver.js";
import type { Redactor } from "./redaction.js";

/** What `unwrap` needs to know about a failed response to build its ApiError. */
export interface FailedRequestContext {
  method: string;
  path: string;
  /** The URL as it was sent, with its query (redacted when the error is built). */
  url: string;
  resolveOperation: OperationResolver;
  redact: Redactor;
}

// Filled by the transport only for non-2xx responses, so successful requests pay nothing. A WeakMap lets
// the response (and this entry) be collected as soon as the caller drops it.
export const failedResponses = new WeakMap<Response, FailedRequestContext>();

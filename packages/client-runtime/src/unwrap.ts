import { ApiError } from "./api-error.js";
import { failedResponses } from "./failed-responses.js";
import { pathOf } from "./request-error.js";

/** The result of an openapi-fetch call: `data` on success, `error` otherwise, and the response. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Returns the `data` of a successful call, or throws an ApiError (status, method, path, operation,
 * redacted body) for a failed one. The return type is `data` without `undefined`.
 *
 *     const cluster = await unwrap(client.GET("/v1/clusters/{cluster-id}", { params }));
 */
export async function unwrap<T extends FetchResult>(result: T | Promise<T>): Promise<NonNullable<T["data"]>> {
  const { data, error, response } = await result;
  if (response.ok && error === undefined) return data as NonNullable<T["data"]>;
  const context = failedResponses.get(response);
  const path = context?.path ?? pathOf(response.url);
  const method = context?.method ?? "UNKNOWN";
  throw new ApiError({
    status: response.status,
    method,
    path,
    operation: context?.resolveOperation(method, path),
    body: error,
    redact: context?.redact,
    retryAfterMs: context?.retryAfterMs,
  });
}

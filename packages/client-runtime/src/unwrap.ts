import { createApiError } from "./api-error.js";
import { failedResponses } from "./failed-responses.js";
import { pathOf } from "./request-error.js";

/** The result of an openapi-fetch call: `data` on success, `error` otherwise, and the response. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Returns the `data` of a successful call, or throws an ApiError (status, headers, request id, method,
 * path, operation, redacted body) for a failed one. The return type is `data` without `undefined`.
 *
 *     const cluster = await unwrap(client.GET("/v1/clusters/{cluster-id}", { params }));
 */
export async function unwrap<T extends FetchResult>(result: T | Promise<T>): Promise<NonNullable<T["data"]>> {
  return dataOrThrow(await result) as NonNullable<T["data"]>;
}

/** `data` of a successful result; else the ApiError (its subclass for 404, 409, 429, 5xx) to throw. */
export function dataOrThrow(result: FetchResult, operationId?: string, fallbackMethod = "UNKNOWN"): unknown {
  const { data, error, response } = result;
  if (response.ok && error === undefined) return data;
  const context = failedResponses.get(response);
  const path = context?.path ?? pathOf(response.url);
  const method = context?.method ?? fallbackMethod;
  throw createApiError({
    status: response.status,
    method,
    path,
    operation: operationId ?? context?.resolveOperation(method, path),
    body: error,
    headers: response.headers,
    url: context?.url ?? response.url,
    redact: context?.redact,
  });
}

import { createRedactor, type Redactor } from "./redaction.js";
import { RequestError, type RequestDetails } from "./request-error.js";
import { parseRetryAfter } from "./retry-policy.js";

export interface ApiErrorDetails extends RequestDetails {
  status: number;
  /** The response body, parsed as JSON when it is JSON, else its text; `undefined` when empty. */
  body?: unknown;
  /** The response's headers; the error keeps a redacted copy. */
  headers?: Headers | undefined;
  /** The URL that was requested, with its query; the error keeps a redacted copy. */
  url?: string | undefined;
  /** Removes secrets from the body, headers, URL and message; the client that made the request supplies it. */
  redact?: Redactor | undefined;
}

/**
 * The response headers that carry the id a vendor's support asks for, first found wins. None of the three
 * vendors documents one (their specs list no response header): `x-request-id` is what their gateways and
 * most HTTP APIs send, `request-id` the other common spelling.
 */
export const REQUEST_ID_HEADERS: readonly string[] = ["x-request-id", "request-id"];

/**
 * A request answered with a non-2xx status. Carries what is needed to act on it and to report it (status,
 * headers, request id, operation, method, path and URL, the parsed body, typed per operation through
 * `Body`) and never a secret: body, headers, URL and message are redacted when the error is created, and
 * the request (with its Authorization header) is not kept.
 *
 * Branch on the subclass (`NotFoundError`, `ConflictError`, `RateLimitError`, `ServerError`) or on `status`.
 */
export class ApiError<Body = unknown> extends RequestError {
  override readonly name: string = "ApiError";
  /** The HTTP status of the answer. */
  declare readonly status: number;
  /** The answer's body: parsed JSON when it is JSON, else its text; `undefined` when empty. Redacted. */
  declare readonly body: Body;
  /**
   * The answer's headers, names in lower case, redacted (`set-cookie` and other secret-looking headers are
   * `[REDACTED]`). A plain object, so that it survives `JSON.stringify` and logging.
   */
  declare readonly headers: Readonly<Record<string, string>>;
  /** The vendor's request id (`x-request-id`, else `request-id`), to quote to its support; `undefined` when absent. */
  declare readonly requestId: string | undefined;
  /** The URL that was requested, with its query string, redacted; `""` when unknown. */
  declare readonly url: string;
  /**
   * The wait the answer's `Retry-After` header asked for (seconds or a date), in milliseconds, when it had
   * one: a 429 or 503 that was not retried because the wait is over the client's `retry.maxRetryAfterMs`,
   * or whose retries ran out. Try again after it.
   */
  declare readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails) {
    const { status } = details;
    const redact = details.redact ?? createRedactor();
    const body = redact(details.body) as Body;
    const headers: Record<string, string> = {};
    details.headers?.forEach((value, name) => {
      headers[name] = value;
    });
    const safeHeaders = redact(headers) as Record<string, string>;
    const requestId = REQUEST_ID_HEADERS.map((name) => safeHeaders[name]).find((value) => value !== undefined);
    const reason = describeBody(body);
    const retryAfterMs = parseRetryAfter(details.headers?.get("retry-after") ?? null);
    const wait = retryAfterMs !== undefined ? ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)` : "";
    super(
      details,
      `failed with HTTP ${status}${reason ? `: ${reason}` : ""}${wait}${requestId ? ` (request id ${requestId})` : ""}`,
      { status, body, headers: safeHeaders, requestId, url: redact(details.url ?? ""), retryAfterMs },
    );
  }
}

/** A 404 answer: the resource (or the route) does not exist. */
export class NotFoundError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "NotFoundError";
}

/** A 409 answer: the request conflicts with the resource's state (a name taken, a change in progress). */
export class ConflictError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "ConflictError";
}

/** A 429 answer: too many requests. `retryAfterMs` is the server's `Retry-After`, when it sent one. */
export class RateLimitError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "RateLimitError";
}

/** A 5xx answer: the server failed (500), or a gateway or the service is unavailable (502, 503, 504, …). */
export class ServerError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "ServerError";
}

/** The ApiError for a status: the subclass users branch on (404, 409, 429, 5xx), else an ApiError. */
export function createApiError(details: ApiErrorDetails): ApiError {
  const { status } = details;
  const Class =
    status === 404 ? NotFoundError : status === 409 ? ConflictError : status === 429 ? RateLimitError : status >= 500 ? ServerError : ApiError;
  return new Class(details);
}

// The vendors put the human-readable reason in different fields: Kakao `message`, Exoscale `message` or
// `error`, Redis Enterprise `description`.
function describeBody(body: unknown): string | undefined {
  if (typeof body === "string") return body.length > 200 ? `${body.slice(0, 200)}…` : body || undefined;
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    for (const key of ["message", "description", "error", "detail", "title"]) {
      if (typeof record[key] === "string" && record[key]) return record[key] as string;
    }
  }
  return undefined;
}

/** Reads a failed response's body as openapi-fetch does: JSON when it parses, else text. */
export async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

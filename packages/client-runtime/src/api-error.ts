import { createRedactor, type Redactor } from "./redaction.js";
import { RequestError, type RequestDetails } from "./request-error.js";

export interface ApiErrorDetails extends RequestDetails {
  status: number;
  /** The response body, parsed as JSON when it is JSON, else its text; `undefined` when empty. */
  body?: unknown;
  /** Removes secrets from the body and message; the client that made the request supplies it. */
  redact?: Redactor | undefined;
  /** The wait the answer's `Retry-After` asked for, in milliseconds. */
  retryAfterMs?: number | undefined;
}

/**
 * A request answered with a non-2xx status. Carries what is needed to act on it (status, method, path,
 * operation, parsed body) and never a secret: the body is redacted when the error is created, and the
 * request (with its Authorization header) is not kept.
 */
export class ApiError extends RequestError {
  override readonly name: string = "ApiError";
  declare readonly status: number;
  declare readonly body: unknown;
  /**
   * The wait the answer's `Retry-After` header asked for, in milliseconds, when it had one: a 429 or 503
   * that was not retried because the wait is over the client's `retry.maxRetryAfterMs`, or whose retries
   * ran out. Try again after it.
   */
  declare readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails) {
    const { status } = details;
    const body = (details.redact ?? createRedactor())(details.body);
    const reason = describeBody(body);
    const wait = details.retryAfterMs !== undefined ? ` (retry after ${Math.ceil(details.retryAfterMs / 1000)} s)` : "";
    super(details, `failed with HTTP ${status}${reason ? `: ${reason}` : ""}${wait}`, {
      status,
      body,
      ...(details.retryAfterMs !== undefined ? { retryAfterMs: details.retryAfterMs } : {}),
    });
  }
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

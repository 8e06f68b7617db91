import { createRedactor, type Redactor } from "./redaction.js";

export interface ApiErrorDetails {
  status: number;
  method: string;
  /** The URL path that was requested (no query string, no host). */
  path: string;
  /** The spec's operationId, when the request matches an operation of the spec. */
  operation?: string | undefined;
  /** The response body, parsed as JSON when it is JSON, else its text; `undefined` when empty. */
  body?: unknown;
  /** Removes secrets from the body and message; the client that made the request supplies it. */
  redact?: Redactor | undefined;
}

/**
 * A request answered with a non-2xx status. Carries what is needed to act on it (status, method, path,
 * operation, parsed body) and never a secret: the body is redacted when the error is created, and the
 * request (with its Authorization header) is not kept.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly operation: string | undefined;
  readonly body: unknown;

  constructor(details: ApiErrorDetails) {
    const redact = details.redact ?? createRedactor();
    const body = redact(details.body);
    const what = details.operation ? `${details.operation} (${details.method} ${details.path})` : `${details.method} ${details.path}`;
    const reason = describeBody(body);
    super(`${what} failed with HTTP ${details.status}${reason ? `: ${reason}` : ""}`);
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.operation = details.operation;
    this.body = body;
  }

  /** What `JSON.stringify` writes: the same fields as the message, all redacted. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      operation: this.operation,
      body: this.body,
    };
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

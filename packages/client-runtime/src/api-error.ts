import { createRedactor, type Redactor } from "./redaction.js";
import { RequestError, type RequestDetails } from "./request-error.js";

export interface ApiErrorDetails extends RequestDetails {
  status: number;
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
export class ApiError extends RequestError {
  override readonly name: string = "ApiError";
  declare readonly status: number;
  declare readonly body: unknown;

  constructor(details: ApiErrorDetails) {
    const { status } = details;
    const body = (details.redact ?? createRedactor())(details.body);
    const reason = describeBody(body);
    super(details, `failed with HTTP ${status}${reason ? `: ${reason}` : ""}`, { status, body });
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

// Every refusal of the mock is a thrown `ProblemError` made from a named template, in the style of Prism's
// router/errors.ts and mocker/errors.ts (the same types, titles and statuses, so clients that read Prism's
// problems read these), answered in one place: `problemAnswer`, as an RFC 9457 problem document.
import type { MockAnswer } from "./pipeline/answer.js";

export interface ProblemTemplate {
  type: string;
  title: string;
  status: number;
}

const template = (type: string, title: string, status: number): ProblemTemplate => ({ type, title, status });

// Prism's own.
export const NO_PATH_MATCHED_ERROR = template("NO_PATH_MATCHED_ERROR", "Route not resolved, no path matched", 404);
export const NO_METHOD_MATCHED_ERROR = template("NO_METHOD_MATCHED_ERROR", "Route resolved, but no method matched", 405);
export const UNPROCESSABLE_ENTITY = template("UNPROCESSABLE_ENTITY", "Invalid request", 422);
export const NOT_ACCEPTABLE = template("NOT_ACCEPTABLE", "The server cannot produce a representation for your accept header", 406);
export const NOT_FOUND = template("NOT_FOUND", "The server cannot find the requested content", 404);
export const NO_RESPONSE_DEFINED = template("NO_RESPONSE_RESPONSE_DEFINED", "No response defined for the selected operation", 500);
export const UNAUTHORIZED = template("UNAUTHORIZED", "Invalid security scheme used", 401);
export const INVALID_CONTENT_TYPE = template("INVALID_CONTENT_TYPE", "Invalid content type", 415);
export const VIOLATIONS = template("VIOLATIONS", "Request/Response not valid", 500);
// The mock's own, for what Prism left to its HTTP library (or to a crash).
export const MALFORMED_URL = template("MALFORMED_URL", "Malformed URL", 400);
export const INVALID_JSON = template("INVALID_JSON", "The request body is not valid JSON", 400);
export const PAYLOAD_TOO_LARGE = template("PAYLOAD_TOO_LARGE", "Request body too large", 413);
export const TOO_DEEPLY_NESTED = template("TOO_DEEPLY_NESTED", "The request body nests too deeply", 400);
export const MALFORMED_CONTENT_TYPE = template("MALFORMED_CONTENT_TYPE", "Malformed Content-Type", 400);
export const FORBIDDEN_ORIGIN = template("FORBIDDEN_ORIGIN", "Forbidden", 403);
export const HOST_NOT_ALLOWED = template("HOST_NOT_ALLOWED", "Host not allowed", 403);
export const INTERNAL_ERROR = template("INTERNAL_ERROR", "Internal error of the mock", 500);

export const problemTypeBase = "https://stoplight.io/prism/errors#";

export class ProblemError extends Error {
  override readonly name = "ProblemError";

  constructor(
    readonly template: ProblemTemplate,
    readonly detail: string,
    readonly extra: {
      /** Replaces the template's status (an invalid request gets the status the operation documents). */
      status?: number;
      /** More members of the problem document (`validation`, the vendor's message field). */
      fields?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(`${template.title}: ${detail}`);
  }

  get status(): number {
    return this.extra.status ?? this.template.status;
  }
}

export function problem(template: ProblemTemplate, detail: string, extra?: ProblemError["extra"]): ProblemError {
  return new ProblemError(template, detail, extra);
}

/** The one place a refusal becomes an answer. */
export function problemAnswer(error: ProblemError): MockAnswer {
  const document = {
    type: `${problemTypeBase}${error.template.type}`,
    title: error.template.title,
    status: error.status,
    detail: error.detail,
    ...error.extra.fields,
  };
  return { status: error.status, headers: { ...error.extra.headers, "content-type": "application/problem+json" }, body: JSON.stringify(document) };
}

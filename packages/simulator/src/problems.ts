// Refusals are thrown as named problems and answered in one place (simulator.ts), in the vendor's error
// shape, in the style of Prism's router/errors.ts: a template (status and a machine-readable code) and a
// sentence about this request.
import type { Violation } from "@managed-redis/spec-facts";

export interface ProblemTemplate {
  status: number;
  code: string;
}

export const BAD_REQUEST: ProblemTemplate = { status: 400, code: "invalid_request" };
export const FORBIDDEN: ProblemTemplate = { status: 403, code: "forbidden" };
export const NOT_FOUND: ProblemTemplate = { status: 404, code: "not_found" };
export const METHOD_NOT_ALLOWED: ProblemTemplate = { status: 405, code: "method_not_allowed" };
export const CONFLICT: ProblemTemplate = { status: 409, code: "conflict" };
export const UNPROCESSABLE: ProblemTemplate = { status: 422, code: "unprocessable_entity" };
export const SIMULATOR_ERROR: ProblemTemplate = { status: 500, code: "error" };

export class SimulatorProblem extends Error {
  override readonly name = "SimulatorProblem";
  readonly status: number;
  readonly code: string;

  constructor(
    template: ProblemTemplate,
    readonly detail: string,
    /** Headers of the answer (an injected fault's `Retry-After`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.status = template.status;
    this.code = template.code;
  }
}

/** A request the spec forbids: answered with the documented status and the violations named. */
export class InvalidRequestProblem extends SimulatorProblem {
  constructor(
    status: 400 | 422,
    detail: string,
    readonly violations: Violation[],
  ) {
    super({ status, code: "invalid_request" }, detail, { "sl-violations": JSON.stringify(violations) });
  }
}

/**
 * A refusal: an answer the API documents, not a bug, and answered without its stack ever being read. It is
 * made without one, since capturing a stack costs more than the rest of a refused request (a repeated
 * create answering 409 on a busy mock).
 */
export function problem(template: ProblemTemplate, detail: string): SimulatorProblem {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new SimulatorProblem(template, detail);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

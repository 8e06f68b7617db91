// A violation of the spec by a request or an answer, in the shape Prism reports it (its `sl-violations`
// header and the `validation` of its problem documents), and the sentence that names the field for people.
import type { AjvError } from "./api-facts.js";

export interface Violation {
  /** Where: `["request", "body", "maintenance", "dow"]`, `["request", "query", "keepAutomaticBackups"]`, `["response", "body"]`. */
  location: string[];
  severity: "Error" | "Warning";
  /** The JSON Schema keyword that failed (`enum`, `required`), or an HTTP status (401 credentials, 415 media type). */
  code: string | number;
  message: string;
}

/** A failed security requirement also carries the `WWW-Authenticate` challenges of the schemes it tried. */
export interface SecurityViolation extends Violation {
  code: 401;
  challenges: string[];
}

export type Direction = "request" | "response";

/** Ajv's errors as Prism words them: "Request body property maintenance.dow must be equal to one of …". */
export function violationsFromAjv(errors: readonly AjvError[], direction: Direction, part: "body" | "path" | "query" | "header"): Violation[] {
  return errors.map((error) => {
    const params = error.params;
    const allowed = Array.isArray(params.allowedValues) ? `: ${params.allowedValues.join(", ")}` : "";
    const additional = "additionalProperty" in params ? `; found '${String(params.additionalProperty)}'` : "";
    const unevaluated = "unevaluatedProperty" in params ? `: '${String(params.unevaluatedProperty)}'` : "";
    const field = error.instancePath.split("/").filter((segment) => segment !== "");
    const fieldKind = field.length > 0 ? (part === "body" ? "property " : "parameter ") : "";
    const where = `${direction === "request" ? "Request" : "Response"} ${part} ${fieldKind}${field.join(".")}${field.length > 0 ? " " : ""}`;
    return {
      location: [direction, part, ...field],
      severity: "Error",
      code: error.keyword,
      message: `${where}${error.message ?? ""}${allowed}${additional}${unevaluated}`,
    };
  });
}

/**
 * "body.maintenance.dow must be equal to one of the allowed values: …": the field as a dotted path from
 * the part of the request it is in, then the reason without Prism's "Request body property x" preamble.
 */
export function describeViolation(violation: Violation): string {
  const field = violation.location.slice(violation.location[0] === "request" || violation.location[0] === "response" ? 1 : 0);
  const required = violation.code === "required" ? /required property '([^']+)'/.exec(violation.message)?.[1] : undefined;
  if (required !== undefined) return `${[...field, required].join(".")} is required`;
  const mustAt = violation.message.indexOf(" must ");
  const reason = mustAt >= 0 ? violation.message.slice(mustAt + 1) : violation.message;
  return field.length > 0 ? `${field.join(".")} ${reason}` : reason;
}

/** Every violation of a request in one line, for a problem's `detail` or a vendor error's message. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map(describeViolation).join("; ");
}

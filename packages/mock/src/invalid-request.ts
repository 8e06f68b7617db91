// The answer to an invalid request: an RFC 9457 problem document that names each field and what is
// wrong with it, so a person reading a client's error sees it without decoding Prism's header.
import type { ApiName } from "./apis.js";

/** One entry of Prism's `sl-violations` header (or of its problem document's `validation` array). */
export interface Violation {
  location: string[];
  severity?: string;
  code?: string | number;
  message: string;
}

export interface InvalidRequestProblem {
  type: string;
  title: "Invalid request";
  status: number;
  detail: string;
  validation: { location: string[]; code: string | number | undefined; message: string }[];
  /** The vendor's own human-readable field (`message` or `description`), for clients that read only it. */
  [vendorField: string]: unknown;
}

export const invalidRequestType = "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY";

/**
 * Where each vendor's error schema keeps its human-readable reason. The problem document carries the
 * detail there too, so the typed clients' `ApiError` messages (which read these fields) show it.
 */
export const vendorMessageField: Readonly<Record<ApiName, string>> = {
  "kakaocloud-redis": "message",
  "exoscale-dbaas-valkey": "message",
  "redis-enterprise": "description",
};

/** Violations of the request, with severity Error, that are not the missing-credentials check. */
export function requestViolations(violations: readonly Violation[]): Violation[] {
  return violations.filter(
    (violation) =>
      violation.location[0] === "request" &&
      (violation.severity === undefined || violation.severity === "Error") &&
      // A missing credential is answered by the documented 401, which says what it needs.
      violation.code !== 401 &&
      violation.code !== "401",
  );
}

/** Parses an `sl-violations` header; an unreadable or truncated one gives []. */
export function parseViolationsHeader(value: string | string[] | undefined): Violation[] {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !text.startsWith("[")) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter(isViolation) : [];
  } catch {
    return [];
  }
}

function isViolation(value: unknown): value is Violation {
  const record = value as Violation | null;
  return typeof record === "object" && record !== null && Array.isArray(record.location) && typeof record.message === "string";
}

/**
 * "body.maintenance.dow must be equal to one of the allowed values: ...": the field as a dotted path
 * from the part of the request it is in, then Prism's reason without its own "Request body property
 * x" preamble.
 */
export function describeViolation(violation: Violation): string {
  const field = violation.location.slice(violation.location[0] === "request" ? 1 : 0);
  const required = violation.code === "required" ? /required property '([^']+)'/.exec(violation.message)?.[1] : undefined;
  if (required !== undefined) return `${[...field, required].join(".")} is required`;
  const mustAt = violation.message.indexOf(" must ");
  const reason = mustAt >= 0 ? violation.message.slice(mustAt + 1) : violation.message;
  return field.length > 0 ? `${field.join(".")} ${reason}` : reason;
}

export function invalidRequestProblem(api: ApiName, status: number, violations: readonly Violation[]): InvalidRequestProblem {
  const detail = violations.map(describeViolation).join("; ");
  return {
    type: invalidRequestType,
    title: "Invalid request",
    status,
    detail,
    validation: violations.map(({ location, code, message }) => ({ location, code, message })),
    [vendorMessageField[api]]: detail,
  };
}

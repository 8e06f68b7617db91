// The answer to an invalid request: an RFC 9457 problem document that names each field and what is
// wrong with it, so a person reading a client's error sees it without decoding Prism's header.
import { describeViolations, type Violation } from "@managed-redis/spec-facts";
import { specModules } from "@managed-redis/spec-facts/all";
import { apiNames, type ApiName } from "./apis.js";
import { problemTypeBase, UNPROCESSABLE_ENTITY } from "./problems.js";

export type { Violation } from "@managed-redis/spec-facts";

export interface InvalidRequestProblem {
  type: string;
  title: "Invalid request";
  status: number;
  detail: string;
  validation: { location: string[]; code: string | number | undefined; message: string }[];
  /** The vendor's own human-readable field (`message` or `description`), for clients that read only it. */
  [vendorField: string]: unknown;
}

export const invalidRequestType = `${problemTypeBase}${UNPROCESSABLE_ENTITY.type}`;

/**
 * Where each vendor's error schema keeps its human-readable reason (read from the spec). The problem
 * document carries the detail there too, so the typed clients' `ApiError` messages (which read these
 * fields) show it.
 */
export const vendorMessageField: Readonly<Record<ApiName, string>> = Object.freeze(
  Object.fromEntries(apiNames.map((api) => [api, specModules[api].facts.errorMessageField ?? "message"])) as Record<ApiName, string>,
);

/** Violations of the request, with severity Error, that are not the missing-credentials check. */
export function requestViolations(violations: readonly Violation[]): Violation[] {
  return violations.filter((violation) => violation.location[0] === "request" && violation.severity === "Error" && violation.code !== 401);
}

export function invalidRequestProblem(api: ApiName, status: number, violations: readonly Violation[]): InvalidRequestProblem {
  const detail = describeViolations(violations);
  return {
    type: invalidRequestType,
    title: "Invalid request",
    status,
    detail,
    validation: violations.map(({ location, code, message }) => ({ location, code, message })),
    [vendorMessageField[api]]: detail,
  };
}

// Which documented answer a static mock gives, by Prism's rules (its mocker/negotiator):
//   - a valid request: the status asked for with `Prefer: code=…` (exact, `4XX`, else `default`), or
//     the lowest documented 2xx (else `default`, else the first); then the media type the `Accept`
//     header prefers; then the example asked for with `Prefer: example=…`, or the first one;
//   - an invalid request: the first documented of 401 (credentials), or 415 then 422 then 400 (media
//     type), or 422 then 400, with its first example.
// When the chosen content has no example, the answer is generated from its schema (by Prism, loaded
// then), as Prism does.
import type { ContentFacts, JsonValue, OperationFacts, ResponseFacts } from "@managed-redis/spec-facts";
import { NO_RESPONSE_DEFINED, NOT_ACCEPTABLE, NOT_FOUND, problem } from "../problems.js";
import { bestMediaType } from "./accept.js";

export interface Negotiated {
  /** The status to answer (a range or `default` resolved to a number). */
  status: number;
  response: ResponseFacts;
  /** The chosen content; undefined when the response has none (an empty body). */
  content?: ContentFacts;
  /** The example to serve; undefined when the body must be generated from the schema (or is empty). */
  example?: JsonValue;
}

function findByStatus(responses: readonly ResponseFacts[], status: number): ResponseFacts | undefined {
  const text = String(status);
  return responses.find((response) => response.status.toLowerCase() === text) ?? responses.find((response) => response.status.toUpperCase() === `${text[0]}XX`);
}

const findDefault = (responses: readonly ResponseFacts[]) => responses.find((response) => response.status === "default");

function rangeStatus(status: string, fallback: number): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^\dXX$/i.test(status)) return Number(status[0]) * 100;
  return fallback;
}

function lowest2xx(responses: readonly ResponseFacts[]): ResponseFacts | undefined {
  return [...responses].filter((response) => /^2(\d\d|XX)$/i.test(response.status)).sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0))[0];
}

function pickExample(content: ContentFacts, exampleKey: string | undefined): JsonValue | undefined {
  if (exampleKey !== undefined) {
    const found = content.examples.find((example) => example.key === exampleKey);
    if (!found) throw problem(NOT_FOUND, `Response for contentType: ${content.mediaType} and exampleKey: ${exampleKey} does not exist.`);
    return found.value;
  }
  return content.examples[0]?.value;
}

/** The content of a response for an `Accept` header, and the example. */
function negotiateContent(response: ResponseFacts, status: number, accept: string | undefined, exampleKey: string | undefined): Negotiated {
  if (response.contents.length === 0) return { status, response };
  let content: ContentFacts | undefined;
  if (accept === undefined || accept === "") {
    content = response.contents.find((candidate) => candidate.mediaType === "*/*") ?? bestMediaType(response.contents, "application/json, */*");
  } else {
    content = bestMediaType(response.contents, accept);
    if (!content) {
      if (status === 204 || accept.split(",").some((range) => range.trim().startsWith("*/*"))) return { status, response };
      throw problem(NOT_ACCEPTABLE, `Unable to find content for ${accept.split(",").join(",")}`);
    }
  }
  if (!content) return { status, response };
  return { status, response, content, example: pickExample(content, exampleKey) };
}

export function negotiateValid(operation: OperationFacts, preferences: { code?: number; example?: string }, accept: string | undefined): Negotiated {
  const { responses } = operation;
  const unspecified = (): Negotiated => {
    const response = lowest2xx(responses) ?? findDefault(responses) ?? responses[0];
    if (!response) throw problem(NO_RESPONSE_DEFINED, "");
    return negotiateContent(response, rangeStatus(response.status, 200), accept, preferences.example);
  };
  if (preferences.code === undefined) return unspecified();
  const response = findByStatus(responses, preferences.code) ?? findDefault(responses);
  if (!response) throw problem(NOT_FOUND, `Requested status code ${preferences.code} is not defined in the document.`);
  try {
    return negotiateContent(response, preferences.code, accept, preferences.example);
  } catch {
    // Prism: when the asked-for status cannot be served, the status it would pick unasked is tried.
    return unspecified();
  }
}

/**
 * The documented answer to an invalid request, or undefined when the operation documents none of the
 * expected statuses (then the mock answers its own problem).
 */
export function negotiateInvalid(operation: OperationFacts, expectedStatuses: readonly number[], preferences: { code?: number; example?: string }): Negotiated | undefined {
  for (const status of expectedStatuses) {
    const response = findByStatus(operation.responses, status);
    if (response) return invalidAnswer(response, status, preferences, expectedStatuses);
  }
  const fallback = findDefault(operation.responses);
  return fallback ? invalidAnswer(fallback, expectedStatuses[0]!, preferences, expectedStatuses) : undefined;
}

function invalidAnswer(response: ResponseFacts, status: number, preferences: { code?: number; example?: string }, expected: readonly number[]): Negotiated {
  // An example asked for by name counts only together with one of the expected statuses.
  const exampleKey = preferences.code !== undefined && expected.includes(preferences.code) ? preferences.example : undefined;
  const content = response.contents.find((candidate) => candidate.examples.length > 0) ?? response.contents.find((candidate) => candidate.hasSchema);
  if (!content) return { status, response };
  if (content.examples.length === 0) return { status, response, content };
  return { status, response, content, example: pickExample(content, exampleKey) };
}

// One API's request pipeline, shaped like Prism's (router → security and input validation → mocker or
// forwarder → output), with the spec's generated facts and validators instead of Prism's run-time ones:
//   route          the specs' one path matcher: 404 NO_PATH_MATCHED, 405 NO_METHOD_MATCHED
//   judge          credentials present (any value passes), then parameters and body: the violations
//   answer         static: the documented example Prism would pick (`Prefer`, `Accept`), or data Prism
//                  generates (`--dynamic`, `Prefer: dynamic=true`); stateful: the simulator, whose
//                  answers are checked against the spec on their way out
// Every refusal is thrown as a named problem (problems.ts) and answered at the edge, in one place.
import {
  checkCredentials,
  createOperationMatcher,
  invalidRequestStatus,
  readRequest,
  type OperationFacts,
  type SpecModule,
  type Violation,
} from "@managed-redis/spec-facts";
import type { Simulator } from "@managed-redis/simulator";
import type { ApiName } from "../apis.js";
import { invalidRequestProblem, requestViolations } from "../invalid-request.js";
import type { MockLogger } from "../logger.js";
import { INVALID_CONTENT_TYPE, MALFORMED_URL, NO_METHOD_MATCHED_ERROR, NO_PATH_MATCHED_ERROR, UNAUTHORIZED, UNPROCESSABLE_ENTITY, problem } from "../problems.js";
import { simulatorAnswer, type MockAnswer, type MockRequest } from "./answer.js";
import { negotiateInvalid, negotiateValid, type Negotiated } from "./negotiate.js";
import { readPreferences, type Preferences } from "./preferences.js";
import type { PrismGenerator } from "./prism.js";

export interface PipelineOptions {
  api: ApiName;
  spec: SpecModule;
  log: MockLogger;
  /** Static mode: where data is generated from the schemas (Prism, loaded on first use). */
  prism: PrismGenerator;
  /** Static mode: generate every answer from the schemas instead of serving the examples. */
  dynamic: boolean;
  /** Stateful mode: the simulator that answers valid requests. */
  simulator?: Simulator;
}

export type Pipeline = (request: MockRequest) => Promise<MockAnswer>;

const header = (request: MockRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

export function createPipeline(options: PipelineOptions): Pipeline {
  const { api, spec, log, simulator } = options;
  const matcher = createOperationMatcher(spec.facts);
  // The serialised body of each example, made once: most answers are one of them.
  const serialised = new WeakMap<object, string>();
  const serialise = (value: unknown): string => {
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    let text = serialised.get(value);
    if (text === undefined) serialised.set(value, (text = JSON.stringify(value)));
    return text;
  };

  const route = (request: MockRequest): { operation: OperationFacts; params: Record<string, string> } => {
    const match = matcher.match(request.method, request.path);
    switch (match.kind) {
      case "found":
        return { operation: match.value, params: match.params };
      case "malformed":
        throw problem(MALFORMED_URL, `The path ${request.path} has a malformed percent-escape`);
      case "method-not-allowed":
        throw problem(NO_METHOD_MATCHED_ERROR, `The route ${request.path} has been matched, but it does not have "${request.method.toLowerCase()}" method defined`);
      default:
        throw problem(NO_PATH_MATCHED_ERROR, `The route ${request.path} hasn't been found in the specification file`);
    }
  };

  const logViolations = (violations: readonly Violation[]) => {
    for (const violation of violations) log(violation.severity === "Error" ? "error" : "warn", `Violation: ${violation.location.join(".")} ${violation.message}`);
  };

  /** A documented answer (an example, or data generated from the schema) with the violations' header. */
  const documented = async (request: MockRequest, negotiated: Negotiated, violations: readonly Violation[], preferences: Preferences): Promise<MockAnswer> => {
    const headers: Record<string, string> = violations.length > 0 ? { "sl-violations": JSON.stringify(violations) } : {};
    if (negotiated.content && negotiated.example === undefined) {
      // No example to serve: Prism generates one from the schema, as it would.
      const generated = await options.prism.generate(request, { dynamic: false, code: negotiated.status, ...(preferences.example !== undefined ? { example: preferences.example } : {}) });
      return { ...generated, headers: { ...generated.headers, ...headers } };
    }
    if (!negotiated.content) return { status: negotiated.status, headers: { ...headers, "content-type": "text/plain" } };
    const mediaType = negotiated.content.mediaType === "*/*" ? "text/plain" : negotiated.content.mediaType;
    return { status: negotiated.status, headers: { ...headers, "content-type": mediaType }, body: serialise(negotiated.example) };
  };

  /** A request the spec forbids, as the static mock answers it (Prism's pick, then the problem). */
  const refuseStatic = async (request: MockRequest, operation: OperationFacts, violations: Violation[], preferences: Preferences): Promise<MockAnswer> => {
    const credentials = violations.find((violation) => violation.code === 401);
    const mediaType = violations.find((violation) => violation.code === 415);
    const expected = credentials ? [401] : mediaType ? [415, 422, 400] : [422, 400];
    const negotiated = negotiateInvalid(operation, expected, preferences);
    if (!negotiated) {
      // The operation documents no answer for it: Prism's own problems.
      if (credentials) {
        const challenges = "challenges" in credentials ? (credentials.challenges as string[]) : [];
        const detail = "Your request does not fullfil the security requirements and no HTTP unauthorized response was found in the spec, so Prism is generating this error for you.";
        throw problem(UNAUTHORIZED, detail, challenges.length > 0 ? { headers: { "www-authenticate": challenges.join(",") } } : {});
      }
      if (mediaType) throw problem(INVALID_CONTENT_TYPE, mediaType.message);
      throw invalidRequest(operation, violations, UNPROCESSABLE_ENTITY.status);
    }
    // The documented example of the vendor's error says nothing about the field: unless the request asks
    // for a documented answer (`Prefer: code=…` or `example=…`), the reason goes into a problem document.
    // Missing credentials keep the documented 401, which says what is missing.
    const askedForDocumentedAnswer = preferences.code !== undefined || preferences.example !== undefined;
    if (credentials || askedForDocumentedAnswer) return documented(request, negotiated, violations, preferences);
    throw invalidRequest(operation, violations, negotiated.status);
  };

  const invalidRequest = (operation: OperationFacts, violations: Violation[], status: number) => {
    const named = requestViolations(violations);
    const body = invalidRequestProblem(api, status, named);
    const { type: _type, title: _title, status: _status, detail, ...fields } = body;
    return problem(UNPROCESSABLE_ENTITY, detail, { status, fields, headers: { "sl-violations": JSON.stringify(violations) } });
  };

  const judge = (request: MockRequest, operation: OperationFacts, params: Record<string, string>) => {
    const toValidate = { pathParams: params, query: request.query, headers: request.headers, body: request.body };
    const credentials = checkCredentials(spec, operation, toValidate);
    const read = readRequest(spec, operation, toValidate);
    const violations: Violation[] = credentials ? [credentials, ...read.violations] : read.violations;
    logViolations(violations);
    return violations;
  };

  if (simulator) {
    return async (request) => {
      const { operation, params } = route(request);
      const violations = judge(request, operation, params);
      if (violations.length > 0) {
        const credentials = violations.some((violation) => violation.code === 401);
        // Missing credentials: the documented 401, as in static mode. Anything else: the problem
        // document, with the status static mode picks. `Prefer` does nothing here: the simulator decides.
        if (credentials) {
          const negotiated = negotiateInvalid(operation, [401], {});
          if (negotiated) return documented(request, negotiated, violations, {});
        }
        throw invalidRequest(operation, violations, invalidRequestStatus(operation));
      }
      const query = request.query.toString();
      const answer = await simulator.handle({ method: request.method, path: query ? `${request.path}?${query}` : request.path, headers: request.headers, body: request.body });
      const broken = answer.headers["sl-violations"];
      if (answer.status === 500 && broken) logViolations(JSON.parse(broken) as Violation[]);
      return simulatorAnswer(answer);
    };
  }

  return async (request) => {
    const preferences = readPreferences(request.headers.prefer, request.query);
    const { operation, params } = route(request);
    const violations = judge(request, operation, params);
    if (violations.length > 0) return refuseStatic(request, operation, violations, preferences);
    if (options.dynamic || preferences.dynamic === true) {
      return options.prism.generate(request, { dynamic: true, ...pick(preferences) });
    }
    return documented(request, negotiateValid(operation, preferences, header(request, "accept")), [], preferences);
  };
}

function pick(preferences: Preferences): { code?: number; example?: string; seed?: string } {
  return {
    ...(preferences.code !== undefined ? { code: preferences.code } : {}),
    ...(preferences.example !== undefined ? { example: preferences.example } : {}),
    ...(preferences.seed !== undefined ? { seed: preferences.seed } : {}),
  };
}

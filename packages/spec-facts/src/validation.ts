// Requests and answers judged against the spec with the generated validators, with Prism's rules (what
// counts as a missing body, which media types a body may have, how parameters are read from strings), so
// that every mount reports the same violations in the same words.
import type { CompiledValidator, OperationFacts, ParameterFacts, SecuritySchemeFacts, SpecModule } from "./api-facts.js";
import { mediaTypeMatches } from "./media-types.js";
import { violationsFromAjv, type SecurityViolation, type Violation } from "./violations.js";

type HeaderValue = string | readonly string[] | undefined;

export interface RequestToValidate {
  /** The path parameters as the matcher decoded them. */
  pathParams: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, HeaderValue>>;
  /**
   * The body as a server read it: parsed JSON for a JSON media type, the text otherwise, undefined when
   * the request had none.
   */
  body: unknown;
}

function firstHeader(headers: RequestToValidate["headers"], name: string): string | undefined {
  const value = headers[name];
  return typeof value === "string" ? value : value?.[0];
}

// --- credentials ----------------------------------------------------------------------------------------

/** `undefined` when the scheme is satisfied, else the challenge to send (maybe ""). */
function schemeFailure(scheme: SecuritySchemeFacts, request: RequestToValidate): string | undefined {
  const authorization = firstHeader(request.headers, "authorization") ?? "";
  if (scheme.type === "apiKey") {
    const name = scheme.parameterName ?? "";
    if (scheme.in === "header") return firstHeader(request.headers, name.toLowerCase()) ? undefined : "";
    if (scheme.in === "query") return request.query.get(name) ? undefined : "";
    if (scheme.in === "cookie") {
      const cookie = firstHeader(request.headers, "cookie") ?? "";
      return cookie.split(";").some((pair) => pair.trim().startsWith(`${name}=`) && pair.trim().length > name.length + 1) ? undefined : "";
    }
    return undefined;
  }
  if (scheme.type === "http" && scheme.scheme === "basic") {
    const [kind = "", token] = authorization.split(" ");
    // Like Prism: the scheme must be Basic and the token must decode to "user:password".
    return kind.toLowerCase() === "basic" && token && decodesToUserAndPassword(token) ? undefined : 'Basic realm="*"';
  }
  if ((scheme.type === "http" && scheme.scheme === "bearer") || scheme.type === "oauth2" || scheme.type === "openIdConnect") {
    return /^Bearer\s.+$/.test(authorization) ? undefined : scheme.type === "http" ? "Bearer" : scheme.type === "oauth2" ? "OAuth2" : "OpenID";
  }
  // Schemes Prism does not check (digest, mutualTLS): accepted, as Prism accepts them.
  return undefined;
}

function decodesToUserAndPassword(token: string): boolean {
  try {
    return atob(token).split(":").length === 2;
  } catch {
    return false;
  }
}

/**
 * Whether the request carries credentials in the shape the operation requires. Only their presence and
 * form are checked (any value passes), as Prism does: the mock cannot know real credentials.
 */
export function checkCredentials(spec: SpecModule, operation: OperationFacts, request: RequestToValidate): SecurityViolation | undefined {
  if (operation.security.length === 0) return undefined;
  const challenges: string[] = [];
  for (const alternative of operation.security) {
    const failures = alternative.map((name) => schemeFailure(spec.facts.securitySchemes[name]!, request)).filter((failure) => failure !== undefined);
    if (failures.length === 0) return undefined;
    challenges.push(...failures.filter((failure) => failure !== ""));
  }
  return { location: ["request"], severity: "Error", code: 401, message: "Invalid security scheme used", challenges };
}

// --- parameters and body --------------------------------------------------------------------------------

function parameterValue(parameter: ParameterFacts, request: RequestToValidate): unknown {
  switch (parameter.in) {
    case "path": {
      const value = request.pathParams[parameter.name];
      return value !== undefined && parameter.type === "array" ? value.split(",") : value;
    }
    case "query": {
      const values = request.query.getAll(parameter.name);
      // Form style, as Prism reads it: an empty value is no value.
      if (values.length === 0 || (values.length === 1 && values[0] === "")) return undefined;
      if (parameter.type === "array") return parameter.explode === false ? values.at(-1)!.split(",") : values;
      return values.length === 1 ? values[0] : values;
    }
    case "header": {
      const value = request.headers[parameter.name.toLowerCase()];
      const text = typeof value === "string" ? value : value?.join(", ");
      return text !== undefined && parameter.type === "array" ? text.split(",").map((item) => item.trim()) : text;
    }
    default:
      return undefined;
  }
}

type ParameterLocation = "path" | "query" | "header";

/** The declared parameters of one location, read from the request and coerced to their types by `validate`. */
function readParameters(operation: OperationFacts, validate: CompiledValidator | undefined, location: ParameterLocation, request: RequestToValidate): { values: Record<string, unknown>; violations: Violation[] } {
  const values: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in !== location) continue;
    const value = parameterValue(parameter, request);
    if (value !== undefined) values[location === "header" ? parameter.name.toLowerCase() : parameter.name] = value;
  }
  if (!validate || validate(values)) return { values, violations: [] };
  return { values, violations: violationsFromAjv(validate.errors ?? [], "request", location) };
}

function contentLength(request: RequestToValidate): number {
  return Number.parseInt(firstHeader(request.headers, "content-length") ?? "", 10) || 0;
}

function validateBody(spec: SpecModule, operation: OperationFacts, request: RequestToValidate): Violation[] {
  const declared = operation.requestBody;
  const { body } = request;
  // Prism: a required body that is absent, or falsy (null, "", 0, false), is missing.
  if (declared?.required && !body) return [{ location: ["request"], severity: "Error", code: "required", message: "Body parameter is required" }];
  const contentType = firstHeader(request.headers, "content-type");
  // The media type is judged for a body announced by its length; a body without a content type is
  // judged by the schema alone.
  if (contentLength(request) > 0 && (!declared || (contentType !== undefined && !declared.contents.some((content) => mediaTypeMatches(contentType, content.mediaType))))) {
    const supported = declared?.contents.map((content) => content.mediaType) ?? [];
    const message = supported.length > 0 ? `Supported content types: ${supported.join(",")}` : "No supported content types, but request included a non-empty body";
    return [{ location: ["request"], severity: "Error", code: 415, message }];
  }
  if (!declared || body === undefined || body === null) return [];
  const content = declared.contents.find((candidate) => contentType !== undefined && mediaTypeMatches(contentType, candidate.mediaType)) ?? declared.contents[0];
  const validate = content ? spec.validators[operation.operationId]?.body?.[content.mediaType] : undefined;
  if (!validate || validate(body)) return [];
  return violationsFromAjv(validate.errors ?? [], "request", "body");
}

export interface ReadRequest {
  /** Every violation of the operation's parameters and body (not of its credentials: see `checkCredentials`). */
  violations: Violation[];
  /** The declared parameters by location, coerced to their schemas' types (`"true"` → `true`). */
  parameters: Record<ParameterLocation, Record<string, unknown>>;
}

/** Reads and judges a request's parameters and body, in Prism's order (body, headers, query, path). */
export function readRequest(spec: SpecModule, operation: OperationFacts, request: RequestToValidate): ReadRequest {
  const validators = spec.validators[operation.operationId];
  const body = validateBody(spec, operation, request);
  const header = readParameters(operation, validators?.header, "header", request);
  const query = readParameters(operation, validators?.query, "query", request);
  const path = readParameters(operation, validators?.path, "path", request);
  return {
    violations: [...body, ...header.violations, ...query.violations, ...path.violations],
    parameters: { path: path.values, query: query.values, header: header.values },
  };
}

/** Every violation of the operation's parameters and body (not of its credentials: see `checkCredentials`). */
export function validateRequest(spec: SpecModule, operation: OperationFacts, request: RequestToValidate): Violation[] {
  return readRequest(spec, operation, request).violations;
}

/**
 * The status of an answer to an invalid request, as Prism's mocker picks it: the operation's documented
 * 422, else its 400, else 422.
 */
export function invalidRequestStatus(operation: OperationFacts): 400 | 422 {
  const documented = new Set(operation.responses.map((response) => response.status));
  return documented.has("422") || !documented.has("400") ? 422 : 400;
}

// --- answers --------------------------------------------------------------------------------------------

/** The documented response for a status: exact, then a range (`4XX`), then `default`. */
export function documentedResponse(operation: OperationFacts, status: number): OperationFacts["responses"][number] | undefined {
  const text = String(status);
  return (
    operation.responses.find((response) => response.status === text) ??
    operation.responses.find((response) => /^\dXX$/i.test(response.status) && response.status[0] === text[0]) ??
    operation.responses.find((response) => response.status === "default")
  );
}

/**
 * Violations of an answer: a status the operation does not document (an error for a success, a warning
 * otherwise, as Prism rates it), a content type it does not document, a body that breaks the schema.
 */
export function validateResponse(spec: SpecModule, operation: OperationFacts, answer: { status: number; contentType?: string | undefined; body: unknown }): Violation[] {
  const response = documentedResponse(operation, answer.status);
  if (!response) {
    return [{
      location: ["response"],
      severity: answer.status >= 200 && answer.status < 300 ? "Error" : "Warning",
      code: "status",
      message: `Unable to match the returned status code with those defined in the document: ${operation.responses.map((candidate) => candidate.status).join(",")}`,
    }];
  }
  if (response.contents.length === 0) return [];
  const content = response.contents.find((candidate) => mediaTypeMatches(answer.contentType, candidate.mediaType));
  if (!content) {
    const documented = response.contents.map((candidate) => candidate.mediaType);
    return [{
      location: ["response"],
      severity: "Error",
      code: "content-type",
      message: `The received media type "${answer.contentType ?? ""}" does not match the one${documented.length > 1 ? "s" : ""} specified in the current response: ${documented.join(", ")}`,
    }];
  }
  const validate = spec.validators[operation.operationId]?.responses[response.status]?.[content.mediaType];
  if (!validate || validate(answer.body)) return [];
  return violationsFromAjv(validate.errors ?? [], "response", "body");
}

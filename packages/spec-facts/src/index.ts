// @managed-redis/spec-facts: what the specs say, generated from them, for everything that serves, routes
// or checks their APIs. Each API's module: `@managed-redis/spec-facts/apis/<api>` (or `loadSpecModule`).
export type * from "./api-facts.js";
export { apiNames, isApiName, loadSpecModule, type ApiName } from "./generated/apis.js";
export { createPathMatcher, type PathMatch, type PathMatcher, type RouteTemplates } from "./path-matcher.js";
export { createOperationMatcher, type OperationMatch, type OperationMatcher, type OperationMatcherOptions } from "./operation-matcher.js";
export { isJsonMediaType, mediaTypeMatches, parseMediaType } from "./media-types.js";
export {
  checkCredentials,
  documentedResponse,
  invalidRequestStatus,
  readRequest,
  validateRequest,
  validateResponse,
  type ReadRequest,
  type RequestToValidate,
} from "./validation.js";
export { describeViolation, describeViolations, violationsFromAjv, type SecurityViolation, type Violation } from "./violations.js";

// The path matcher over an API's operations: which operation a request is for.
import type { ApiFacts, OperationFacts } from "./api-facts.js";
import { createPathMatcher, type PathMatch } from "./path-matcher.js";

export type OperationMatch = PathMatch<OperationFacts>;

export interface OperationMatcher {
  match(method: string, path: string): OperationMatch;
}

export interface OperationMatcherOptions {
  /**
   * Also accept paths under the server URL's path (`/v2/dbaas-valkey/x` for Exoscale), as a client of the
   * real API sends them. Prism, and so the mock, serve the paths without it. Default false.
   */
  serverPath?: boolean;
}

export function createOperationMatcher(facts: ApiFacts, options: OperationMatcherOptions = {}): OperationMatcher {
  const matcher = createPathMatcher(Object.fromEntries(facts.operations.map((operation) => [`${operation.method} ${operation.path}`, operation])));
  const prefix = options.serverPath ? facts.serverPathPrefix : "";
  return {
    match(method, path) {
      const own = prefix && (path === prefix || path.startsWith(`${prefix}/`)) ? path.slice(prefix.length) || "/" : path;
      return matcher.match(method, own);
    },
  };
}

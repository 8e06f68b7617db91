import { createPathMatcher, type PathMatcher } from "@managed-redis/spec-facts/path-matcher";

/**
 * Finds the operationId of a request from its method and URL path, given the generated map of
 * "METHOD /path/template" -> operationId and the client's base URL (whose path, e.g. Exoscale's `/v2`,
 * is a prefix of every request path). Only used when a request fails, so it costs nothing on success.
 * The matching is the specs' one path matcher (literal segments beat parameters), bundled into the
 * client at build time.
 */
export type OperationResolver = (method: string, path: string) => string | undefined;

export function createOperationResolver(operationIds: Readonly<Record<string, string>>, baseUrl: string): OperationResolver {
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  let matcher: PathMatcher<string> | undefined;
  return (method, path) => {
    // Compiled on first use: most clients never fail a request.
    const match = (matcher ??= createPathMatcher(operationIds)).match(method, basePath && path.startsWith(basePath) ? path.slice(basePath.length) : path);
    return match.kind === "found" ? match.value : undefined;
  };
}

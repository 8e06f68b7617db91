/**
 * Finds the operationId of a request from its method and URL path, given the generated map of
 * "METHOD /path/template" -> operationId and the client's base URL (whose path, e.g. Exoscale's `/v2`,
 * is a prefix of every request path). Only used when a request fails, so it costs nothing on success.
 */
export type OperationResolver = (method: string, path: string) => string | undefined;

export function createOperationResolver(operationIds: Readonly<Record<string, string>>, baseUrl: string): OperationResolver {
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  let routes: { method: string; pattern: RegExp; operationId: string; params: number }[] | undefined;
  return (method, path) => {
    // Compiled on first use: most clients never fail a request.
    routes ??= Object.entries(operationIds)
      .map(([key, operationId]) => {
        const space = key.indexOf(" ");
        const template = key.slice(space + 1);
        const source = template
          .split(/(\{[^}]+\})/)
          .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
          .join("");
        return { method: key.slice(0, space), pattern: new RegExp(`^${source}/?$`), operationId, params: (template.match(/\{/g) ?? []).length };
      })
      // Literal segments win over parameters: `/a/b` before `/a/{id}`.
      .sort((a, b) => a.params - b.params);
    const relative = basePath && path.startsWith(basePath) ? path.slice(basePath.length) : path;
    return routes.find((route) => route.method === method && route.pattern.test(relative))?.operationId;
  };
}

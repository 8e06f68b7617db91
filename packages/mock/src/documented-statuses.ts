// Which statuses an operation documents, by method and request path: how the front door answers an
// invalid request with the status the spec documents for it.

export interface OperationResponses {
  method: string;
  /** The spec's path template, e.g. `/v1/clusters/{cluster-id}`. */
  path: string;
  /** Documented statuses, as the spec writes them ("200", "4XX", "default"). */
  statuses: string[];
}

export type DocumentedStatuses = (method: string, path: string) => string[] | undefined;

export function documentedStatuses(operations: readonly OperationResponses[]): DocumentedStatuses {
  // Templates with fewer parameters first, so a literal segment wins over a parameter.
  const compiled = operations
    .map((operation) => ({
      method: operation.method.toUpperCase(),
      statuses: operation.statuses,
      parameters: (operation.path.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${operation.path.split(/\{[^}]+\}/).map(escapeRegExp).join("[^/]+")}/?$`),
    }))
    .sort((a, b) => a.parameters - b.parameters);
  return (method, path) => {
    const pathname = path.split("?", 1)[0] ?? path;
    return compiled.find((operation) => operation.method === method.toUpperCase() && operation.pattern.test(pathname))?.statuses;
  };
}

/**
 * The status of an answer to an invalid request, as Prism's mocker picks it: the documented 422, else
 * the documented 400, else 422. Prism's proxy always says 422; this keeps both modes alike.
 */
export function invalidRequestStatus(statuses: readonly string[] | undefined): number {
  if (statuses?.includes("422")) return 422;
  if (statuses?.includes("400")) return 400;
  return 422;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

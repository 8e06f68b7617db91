// Which operations of the specs have no contract case, and which cases name no operation.
import type { SpecOperation } from "@managed-redis/tooling/bundled-specs";

export interface CoverageGap {
  uncovered: string[];
  unknown: string[];
}

export function findCoverageGaps(operations: SpecOperation[], cases: Record<string, Record<string, unknown>>): CoverageGap {
  const uncovered = operations
    .filter((operation) => !(operation.operationId in (cases[operation.api] ?? {})))
    .map((operation) => `${operation.api} ${operation.operationId} (${operation.method} ${operation.path})`);
  const known = new Set(operations.map((operation) => `${operation.api} ${operation.operationId}`));
  const unknown = Object.entries(cases).flatMap(([api, byId]) =>
    Object.keys(byId).filter((operationId) => !known.has(`${api} ${operationId}`)).map((operationId) => `${api} ${operationId}`),
  );
  return { uncovered, unknown };
}

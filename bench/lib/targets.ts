// The requests the mock section measures: per API a representative GET and POST, named by operationId and
// request example, their paths and bodies taken from the specs' generated facts, and credentials in the
// shape each spec's security scheme asks for (the mock checks that they are there, not their value).
import { apiNames, type ApiName } from "@managed-redis/mock";
import type { ApiFacts, OperationFacts } from "@managed-redis/spec-facts";
import { specModules } from "@managed-redis/spec-facts/all";
import type { Probe } from "./processes.ts";

export { apiNames, type ApiName };

export interface Target extends Probe {
  api: ApiName;
  /** e.g. "GET /v1/clusters (listClusters)". */
  label: string;
}

/** Which requests stand for an API: the list or get a frontend calls first, and the create it sends. */
const representatives: Record<ApiName, { get: string; post: { operationId: string; example: string } }> = {
  "kakaocloud-redis": { get: "listClusters", post: { operationId: "createCluster", example: "create" } },
  "exoscale-dbaas-valkey": { get: "get-dbaas-service-valkey", post: { operationId: "create-dbaas-service-valkey", example: "minimal" } },
  "redis-enterprise": { get: "listLocalServices", post: { operationId: "updateLocalServices", example: "restartAlertMgr" } },
};

function factsOf(api: ApiName): ApiFacts {
  return specModules[api].facts;
}

function operationOf(api: ApiName, operationId: string): OperationFacts {
  const operation = factsOf(api).operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`${api}: the spec has no operation ${operationId}`);
  return operation;
}

/** The operation's path with each parameter at its documented example. */
function concretePath(operation: OperationFacts): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const example = operation.parameters.find((parameter) => parameter.in === "path" && parameter.name === name)?.example;
    if (example === undefined) throw new Error(`${operation.operationId}: path parameter ${name} has no example`);
    return encodeURIComponent(String(example));
  });
}

/** Credentials of the shape the API's first security requirement asks for; any value passes the mock. */
export function authHeadersFor(api: ApiName): Record<string, string> {
  const facts = factsOf(api);
  const headers: Record<string, string> = {};
  for (const name of facts.security[0] ?? []) {
    const scheme = facts.securitySchemes[name]!;
    if (scheme.type === "apiKey" && scheme.in === "header" && scheme.parameterName) headers[scheme.parameterName] = "bench-credential";
    if (scheme.type === "http" && scheme.scheme === "basic") headers.Authorization = `Basic ${Buffer.from("bench@example.com:bench").toString("base64")}`;
    if (scheme.type === "http" && scheme.scheme === "bearer") headers.Authorization = "Bearer bench-credential";
  }
  return headers;
}

export function representativeGet(api: ApiName): Target {
  const operation = operationOf(api, representatives[api].get);
  return { api, label: `GET ${operation.path} (${operation.operationId})`, method: "GET", path: concretePath(operation), headers: authHeadersFor(api) };
}

export function representativePost(api: ApiName): Target {
  const { operationId, example } = representatives[api].post;
  const operation = operationOf(api, operationId);
  const value = operation.requestBody?.contents[0]?.examples.find((candidate) => candidate.key === example)?.value;
  if (value === undefined) throw new Error(`${api}: no request example "${example}" for ${operationId}`);
  return {
    api,
    label: `POST ${operation.path} (${operationId}, example "${example}")`,
    method: "POST",
    path: concretePath(operation),
    headers: { ...authHeadersFor(api), "Content-Type": "application/json" },
    body: JSON.stringify(value),
  };
}

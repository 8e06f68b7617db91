// The representative requests per API: one GET and one POST, with credentials the mock accepts and a
// request body taken from the spec's own examples, so the bench follows the spec when it changes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./paths.ts";
import type { Probe } from "./processes.ts";

export const apiNames = ["kakaocloud-redis", "exoscale-dbaas-valkey", "redis-enterprise"] as const;
export type ApiName = (typeof apiNames)[number];

export interface Target extends Probe {
  api: ApiName;
  /** e.g. "GET /v1/clusters (listClusters)". */
  label: string;
}

// The mock checks that credentials are present, not their value (Prism's security check).
const authHeaders: Record<ApiName, Record<string, string>> = {
  "kakaocloud-redis": { "X-Auth-Token": "bench-token" },
  "exoscale-dbaas-valkey": {
    Authorization: "EXO2-HMAC-SHA256 credential=EXObench,expires=1893456000,signature=YmVuY2g=",
  },
  "redis-enterprise": { Authorization: `Basic ${Buffer.from("bench@example.com:bench").toString("base64")}` },
};

interface Representative {
  get: { path: string; template: string };
  post: { path: string; template: string; example: string };
}

const representatives: Record<ApiName, Representative> = {
  "kakaocloud-redis": {
    get: { path: "/v1/clusters", template: "/v1/clusters" },
    post: { path: "/v1/clusters", template: "/v1/clusters", example: "create" },
  },
  "exoscale-dbaas-valkey": {
    get: { path: "/dbaas-valkey/my-valkey", template: "/dbaas-valkey/{name}" },
    post: { path: "/dbaas-valkey/my-valkey", template: "/dbaas-valkey/{name}", example: "minimal" },
  },
  "redis-enterprise": {
    get: { path: "/v1/local/services", template: "/v1/local/services" },
    post: { path: "/v1/local/services", template: "/v1/local/services", example: "restartAlertMgr" },
  },
};

interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, { examples?: Record<string, { $ref?: string; value?: unknown }> }> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components?: { examples?: Record<string, { value?: unknown }> };
}

export function bundledSpecPath(api: ApiName): string {
  return path.join(repoRoot, "specs", api, "dist", "openapi.json");
}

function loadSpec(api: ApiName): Spec {
  return JSON.parse(readFileSync(bundledSpecPath(api), "utf8")) as Spec;
}

function exampleValue(spec: Spec, operation: Operation, name: string): unknown {
  const example = operation.requestBody?.content?.["application/json"]?.examples?.[name];
  if (!example) throw new Error(`no request example "${name}" for ${operation.operationId}`);
  if (example.$ref) {
    const refName = example.$ref.replace("#/components/examples/", "");
    return spec.components?.examples?.[refName]?.value;
  }
  return example.value;
}

export function authHeadersFor(api: ApiName): Record<string, string> {
  return { ...authHeaders[api] };
}

export function representativeGet(api: ApiName): Target {
  const spec = loadSpec(api);
  const { path: requestPath, template } = representatives[api].get;
  const operation = spec.paths[template]?.get;
  if (!operation) throw new Error(`${api}: the spec has no GET ${template}`);
  return { api, label: `GET ${template} (${operation.operationId})`, method: "GET", path: requestPath, headers: authHeadersFor(api) };
}

export function representativePost(api: ApiName): Target {
  const spec = loadSpec(api);
  const { path: requestPath, template, example } = representatives[api].post;
  const operation = spec.paths[template]?.post;
  if (!operation) throw new Error(`${api}: the spec has no POST ${template}`);
  return {
    api,
    label: `POST ${template} (${operation.operationId}, example "${example}")`,
    method: "POST",
    path: requestPath,
    headers: { ...authHeadersFor(api), "Content-Type": "application/json" },
    body: JSON.stringify(exampleValue(spec, operation, example)),
  };
}

// The code samples of every operation, generated from the bundled spec: TypeScript with the API's client and
// curl. They are shown on the reference page (`x-codeSamples`) and type-checked in `npm test` against the
// built clients' published types (test/code-samples.test.ts), so a sample cannot drift from the client.
//
// Values come from the spec: each parameter's example and the first example of the request body (both
// checked against the schemas by the example gate). Optional query parameters are left out.
//
// How a sample calls the client is decided in one place, `renderClientCall`: the client's method of the
// operation (its operationId camelCased, as the clients' generator names it), with one argument: the path
// parameters camelCased, `query` and `body` (`kakao.getCluster({ clusterId: "…" })`).
import type { ApiName } from "@managed-redis/tooling/apis";
import { deref, httpMethods } from "@managed-redis/tooling/bundled-specs";
import { methodName } from "@managed-redis/tooling/client-methods";

export interface CodeSample {
  lang: "typescript" | "shell";
  label: "TypeScript" | "curl";
  source: string;
}

export interface SampleParameter {
  name: string;
  value: unknown;
}

/** What a sample needs to know of one operation. */
export interface SampleOperation {
  operationId: string;
  method: string;
  /** The path template, as the spec and the client's types write it (`/v1/clusters/{cluster-id}`). */
  path: string;
  pathParams: SampleParameter[];
  queryParams: SampleParameter[];
  /** The request body's first example; undefined when the operation takes no body. */
  body: unknown;
}

/** How each API's client is made, and how curl authenticates, in a sample. */
interface ClientSetup {
  packageName: string;
  /** The variable the sample calls the client by. */
  variable: string;
  imports: string[];
  factory: string;
  /** The options object's lines; `{mock}` is replaced by the local mock's URL. */
  options: string[];
}

const clients: Record<ApiName, ClientSetup> = {
  "kakaocloud-redis": {
    packageName: "@managed-redis/kakaocloud-redis",
    variable: "kakao",
    imports: [],
    factory: "createKakaoCloudRedisClient",
    options: ["token: process.env.KAKAO_API_TOKEN!,", "baseUrl: process.env.KAKAO_REDIS_BASE_URL, // optional; the local mock: {mock}"],
  },
  "exoscale-dbaas-valkey": {
    packageName: "@managed-redis/exoscale-dbaas-valkey",
    variable: "exo",
    imports: [],
    factory: "createExoscaleValkeyClient",
    options: [
      "apiKey: process.env.EXOSCALE_API_KEY!,",
      "apiSecret: process.env.EXOSCALE_API_SECRET!,",
      'zone: "ch-gva-2",',
      "baseUrl: process.env.EXOSCALE_API_URL, // optional, overrides zone; the local mock: {mock}",
    ],
  },
  "redis-enterprise": {
    packageName: "@managed-redis/redis-enterprise",
    variable: "cluster",
    imports: ['import { readFileSync } from "node:fs";'],
    factory: "createRedisEnterpriseClient",
    options: [
      'host: process.env.RE_HOST ?? "cluster.example.com",',
      "username: process.env.RE_USERNAME!,",
      "password: process.env.RE_PASSWORD!,",
      'ca: readFileSync(process.env.RE_CA_CERT ?? "proxy_cert.pem"), // the cluster\'s certificate authority',
      "baseUrl: process.env.RE_BASE_URL, // optional, overrides host; the local mock: {mock}",
    ],
  },
};

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const key = (name: string) => (identifier.test(name) ? name : JSON.stringify(name));

// Short values stay on one line: `{ id: "x" }`, `["alert_mgr"]`.
function renderInline(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  if (Array.isArray(value)) return `[${value.map(renderInline).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? "{}" : `{ ${entries.map(([name, item]) => `${key(name)}: ${renderInline(item)}`).join(", ")} }`;
}

/** A value as a TypeScript literal: keys unquoted where they are identifiers, two-space indentation. */
export function renderLiteral(value: unknown, indent = ""): string {
  const inline = renderInline(value);
  if (value === null || typeof value !== "object" || inline.length <= 60) return inline;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${renderLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([name, item]) => `${inner}${key(name)}: ${renderLiteral(item, inner)},`);
  return `{\n${lines.join("\n")}\n${indent}}`;
}

function renderParams(params: SampleParameter[]): string {
  return `{ ${params.map(({ name, value }) => `${key(name)}: ${renderInline(value)}`).join(", ")} }`;
}

/** The method's argument: path parameters by their camelCased names, `query` and `body`; undefined when there is none. */
function renderArguments(operation: SampleOperation, indent: string): string | undefined {
  const inner = `${indent}  `;
  const lines: string[] = [];
  for (const { name, value } of operation.pathParams) lines.push(`${inner}${key(methodName(name))}: ${renderInline(value)},`);
  if (operation.queryParams.length > 0) lines.push(`${inner}query: ${renderParams(operation.queryParams)},`);
  if (operation.body !== undefined) lines.push(`${inner}body: ${renderLiteral(operation.body, inner)},`);
  if (lines.length === 0) return undefined;
  // A short argument stays on one line: `{ clusterId: "c1" }`.
  const oneLine = `{ ${lines.map((line) => line.trim().replace(/,$/, "")).join(", ")} }`;
  return oneLine.length <= 80 && !oneLine.includes("\n") ? oneLine : `{\n${lines.join("\n")}\n${indent}}`;
}

/**
 * The one place that spells a client call: the operation's method on the client (`kakao.listClusters()`,
 * `exo.getDbaasServiceValkey({ name: "my-valkey" })`), typed by the client's generated methods.
 */
export function renderClientCall(client: string, operation: SampleOperation): string {
  const args = renderArguments(operation, "");
  return `${client}.${methodName(operation.operationId)}(${args ?? ""})`;
}

export function typescriptSample(api: ApiName, operation: SampleOperation, mockUrl: string): string {
  const setup = clients[api];
  return [
    ...setup.imports,
    `import { ${setup.factory} } from "${setup.packageName}";`,
    "",
    `const ${setup.variable} = ${setup.factory}({`,
    ...setup.options.map((line) => `  ${line.replace("{mock}", mockUrl)}`),
    "});",
    "",
    "// Resolves to the success body; throws an ApiError (status, requestId, body) for an error answer.",
    `const data = await ${renderClientCall(setup.variable, operation)};`,
    "console.log(data);",
    "",
  ].join("\n");
}

/** A word for the shell in single quotes, whatever it contains. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function requestUrl(operation: SampleOperation): string {
  let path = operation.path;
  for (const { name, value } of operation.pathParams) path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  const query = operation.queryParams.map(({ name, value }) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`).join("&");
  return `$BASE_URL${path}${query ? `?${query}` : ""}`;
}

// The base URL of the vendor's API as the spec's first server gives it, with variables at their defaults.
function serverUrl(doc: SpecDocument): string {
  const server = doc.servers?.[0];
  if (!server) return "http://127.0.0.1";
  return Object.entries(server.variables ?? {}).reduce((url, [name, variable]) => url.replace(`{${name}}`, variable.default), server.url);
}

export function curlSample(api: ApiName, operation: SampleOperation, baseUrl: string, mockUrl: string): string {
  const method = operation.method.toUpperCase();
  const body = operation.body === undefined ? undefined : JSON.stringify(operation.body);
  const lines = [`BASE_URL=${baseUrl}   # the local mock: ${mockUrl}`];
  const curl = [`curl${method === "GET" ? "" : ` -X ${method}`} "${requestUrl(operation)}"`];
  switch (api) {
    case "kakaocloud-redis":
      curl.push(`-H "X-Auth-Token: $KAKAO_API_TOKEN"`);
      break;
    case "redis-enterprise":
      curl.push(`--cacert "\${RE_CA_CERT:-proxy_cert.pem}"`, `-u "$RE_USERNAME:$RE_PASSWORD"`);
      break;
    case "exoscale-dbaas-valkey":
      // EXO2-HMAC-SHA256 signs the method, path, query, body and expiry with the API secret: the client's own
      // signer computes the header, so the body signed is the body sent, byte for byte.
      lines.unshift(
        "# Each request is signed with the API secret (EXO2-HMAC-SHA256) by the client's signExoscaleRequest",
        "# (npm install @managed-redis/exoscale-dbaas-valkey); the signature is valid for 10 minutes.",
      );
      lines.push(`URL="${requestUrl(operation)}"`);
      if (body !== undefined) lines.push(`BODY=${shellQuote(body)}`);
      lines.push(
        "AUTH=$(node --input-type=module -e '",
        '  import { signExoscaleRequest } from "@managed-redis/exoscale-dbaas-valkey";',
        "  const [method, url, body] = process.argv.slice(1);",
        "  const { EXOSCALE_API_KEY: apiKey, EXOSCALE_API_SECRET: apiSecret } = process.env;",
        "  console.log(await signExoscaleRequest({ method, url, body }, { apiKey, apiSecret }));",
        `' ${method} "$URL"${body !== undefined ? ' "$BODY"' : ""})`,
      );
      curl[0] = `curl${method === "GET" ? "" : ` -X ${method}`} "$URL"`;
      curl.push(`-H "Authorization: $AUTH"`);
      break;
  }
  if (body !== undefined) {
    curl.push(`-H 'Content-Type: application/json'`);
    curl.push(api === "exoscale-dbaas-valkey" ? `--data "$BODY"` : `--data ${shellQuote(body)}`);
  }
  return [...lines, curl.join(" \\\n  "), ""].join("\n");
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
  schema?: { example?: unknown; examples?: unknown[]; default?: unknown; $ref?: string };
  $ref?: string;
}

export interface SpecDocument {
  servers?: { url: string; variables?: Record<string, { default: string }> }[];
  paths?: Record<string, Record<string, unknown>>;
}

function resolve<T>(doc: unknown, node: T): T {
  return deref(doc, node) as T;
}

function exampleOf(doc: SpecDocument, parameter: ParameterObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {}).map((example) => resolve(doc, example))[0];
  if (named?.value !== undefined) return named.value;
  const schema = resolve(doc, parameter.schema);
  const value = schema?.example ?? schema?.examples?.[0] ?? schema?.default;
  if (value === undefined) throw new Error(`code samples: parameter "${parameter.name}" has no example to show; add one to the spec`);
  return value;
}

function bodyExample(doc: SpecDocument, requestBody: unknown, operationId: string): unknown {
  const body = resolve(doc, requestBody as { content?: Record<string, { example?: unknown; examples?: Record<string, { value?: unknown }> }> } | undefined);
  if (!body) return undefined;
  const media = body.content?.["application/json"];
  if (!media) throw new Error(`code samples: ${operationId} takes a body that is not application/json`);
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {}).map((example) => resolve(doc, example))[0];
  if (first?.value === undefined) throw new Error(`code samples: the request body of ${operationId} has no example to show; add one to the spec`);
  return first.value;
}

/** Every operation of a bundled spec, with the values its samples show. */
export function sampleOperations(doc: SpecDocument): SampleOperation[] {
  const operations: SampleOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of httpMethods) {
      const operation = item[method] as { operationId?: string; parameters?: ParameterObject[]; requestBody?: unknown } | undefined;
      if (!operation) continue;
      const operationId = operation.operationId ?? `${method} ${path}`;
      const parameters = [...((item.parameters as ParameterObject[] | undefined) ?? []), ...(operation.parameters ?? [])].map((parameter) => resolve(doc, parameter));
      const pick = (where: string, requiredOnly: boolean) =>
        parameters.filter((p) => p.in === where && (!requiredOnly || p.required)).map((p) => ({ name: p.name, value: exampleOf(doc, p) }));
      operations.push({ operationId, method, path, pathParams: pick("path", false), queryParams: pick("query", true), body: bodyExample(doc, operation.requestBody, operationId) });
    }
  }
  return operations;
}

/** The TypeScript and curl samples of one operation, as `x-codeSamples` entries. */
export function codeSamples(api: ApiName, doc: SpecDocument, operation: SampleOperation, mockUrl: string): CodeSample[] {
  return [
    { lang: "typescript", label: "TypeScript", source: typescriptSample(api, operation, mockUrl) },
    { lang: "shell", label: "curl", source: curlSample(api, operation, serverUrl(doc), mockUrl) },
  ];
}

// Reads the bundled specs the mock serves, so tests compare answers with what the documents say
// instead of with copies pasted into the tests.
import { readFileSync } from "node:fs";
import { bundledSpecPath, type ApiName } from "../../src/index.ts";

export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; [key: string]: unknown };
export type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  responses: Record<string, unknown>;
};
type Parameter = { name: string; in: string; example?: unknown; examples?: Record<string, { value: unknown }> };
type MediaType = { schema?: unknown; example?: unknown; examples?: Record<string, unknown> };

const cache = new Map<ApiName, OpenApiDocument>();

export function loadSpec(api: ApiName): OpenApiDocument {
  let spec = cache.get(api);
  if (!spec) {
    spec = JSON.parse(readFileSync(bundledSpecPath(api), "utf8")) as OpenApiDocument;
    cache.set(api, spec);
  }
  return spec;
}

/** Follows local `$ref`s ("#/components/...") until it reaches an object that is not one. */
export function deref<T>(spec: OpenApiDocument, value: unknown): T {
  let current = value as { $ref?: string } | undefined;
  while (current && typeof current.$ref === "string") {
    const pointer = current.$ref.replace(/^#\//, "").split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
    current = pointer.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec) as { $ref?: string };
  }
  return current as T;
}

export function operation(spec: OpenApiDocument, method: string, path: string): Operation {
  const found = spec.paths[path]?.[method];
  if (!found) throw new Error(`no ${method.toUpperCase()} ${path} in the spec`);
  return found;
}

export function jsonMediaType(spec: OpenApiDocument, op: Operation, status: string): MediaType {
  const response = deref<{ content?: Record<string, MediaType> }>(spec, op.responses[status]);
  const content = response?.content ?? {};
  const key = Object.keys(content).find((type) => /json/.test(type));
  if (!key) throw new Error(`no JSON content for ${op.operationId} ${status}`);
  return content[key]!;
}

/** The named examples of a response, by name, as values (an `example` counts as "default"). */
export function responseExamples(spec: OpenApiDocument, method: string, path: string, status: string): Record<string, unknown> {
  const media = jsonMediaType(spec, operation(spec, method, path), status);
  if (media.examples) {
    return Object.fromEntries(Object.entries(media.examples).map(([name, example]) => [name, deref<{ value: unknown }>(spec, example).value]));
  }
  return media.example === undefined ? {} : { default: media.example };
}

/** A concrete path for an operation, each path parameter filled with its documented example. */
export function examplePath(spec: OpenApiDocument, path: string, method: string): string {
  const parameters = [...((spec.paths[path] as { parameters?: unknown[] }).parameters ?? []), ...(operation(spec, method, path).parameters ?? [])];
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = parameters.map((p) => deref<Parameter>(spec, p)).find((p) => p.in === "path" && p.name === name);
    const value = parameter?.example ?? Object.values(parameter?.examples ?? {})[0]?.value ?? "example";
    return encodeURIComponent(String(value));
  });
}

const escapePointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

/** A `$ref` to the schema of an operation's JSON response (through a `$ref`'d response object). */
export function responseSchemaRef(spec: OpenApiDocument, method: string, path: string, status: string): string {
  const response = operation(spec, method, path).responses[status] as { $ref?: string };
  const base = response.$ref ?? `#/${["paths", path, method, "responses", status].map(escapePointer).join("/")}`;
  const content = deref<{ content?: Record<string, unknown> }>(spec, response).content ?? {};
  const type = Object.keys(content).find((key) => /json/.test(key));
  if (!type) throw new Error(`no JSON content for ${method.toUpperCase()} ${path} ${status}`);
  return `${base}/content/${escapePointer(type)}/schema`;
}

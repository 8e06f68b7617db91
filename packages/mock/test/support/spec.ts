// Reads the bundled specs the mock serves, through the repository's one loader, so tests compare answers
// with what the documents say (not with the mock's own generated facts, nor copies pasted into tests).
import { deref, loadBundle, SpecValidator } from "@managed-redis/tooling/bundled-specs";
import type { ApiName } from "../../src/index.ts";

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
  if (!spec) cache.set(api, (spec = loadBundle(api) as OpenApiDocument));
  return spec;
}

export function operation(spec: OpenApiDocument, method: string, path: string): Operation {
  const found = spec.paths[path]?.[method];
  if (!found) throw new Error(`no ${method.toUpperCase()} ${path} in the spec`);
  return found;
}

export function jsonMediaType(spec: OpenApiDocument, op: Operation, status: string): MediaType {
  const response = deref(spec, op.responses[status]) as { content?: Record<string, MediaType> } | undefined;
  const content = response?.content ?? {};
  const key = Object.keys(content).find((type) => /json/.test(type));
  if (!key) throw new Error(`no JSON content for ${op.operationId} ${status}`);
  return content[key]!;
}

/** The named examples of a response, by name, as values (an `example` counts as "default"). */
export function responseExamples(spec: OpenApiDocument, method: string, path: string, status: string): Record<string, unknown> {
  const media = jsonMediaType(spec, operation(spec, method, path), status);
  if (media.examples) {
    return Object.fromEntries(Object.entries(media.examples).map(([name, example]) => [name, (deref(spec, example) as { value: unknown }).value]));
  }
  return media.example === undefined ? {} : { default: media.example };
}

/** A concrete path for an operation, each path parameter filled with its documented example. */
export function examplePath(spec: OpenApiDocument, path: string, method: string): string {
  const parameters = [...((spec.paths[path] as { parameters?: unknown[] }).parameters ?? []), ...(operation(spec, method, path).parameters ?? [])];
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = parameters.map((p) => deref(spec, p) as Parameter).find((p) => p.in === "path" && p.name === name);
    const value = parameter?.example ?? Object.values(parameter?.examples ?? {})[0]?.value ?? "example";
    return encodeURIComponent(String(value));
  });
}

/** The JSON pointer of the schema of an operation's response for a status. */
export function responseSchemaRef(validator: SpecValidator, method: string, path: string, status: string): string {
  const found = validator.operationAt(method, path);
  const pointer = validator.responseSchemaPointer(found, status);
  if (!pointer) throw new Error(`no JSON content for ${method.toUpperCase()} ${path} ${status}`);
  return pointer;
}

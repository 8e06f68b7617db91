// What the browser test expects to see, read from the bundled specs (never typed into the test), through
// the one loader (its operations and `$ref`s).
import type { ApiName } from "@managed-redis/tooling/apis";
import { deref, loadBundle, operationsOf as loaderOperations } from "@managed-redis/tooling/bundled-specs";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function readBundle(api: ApiName): JsonObject {
  return loadBundle(api) as JsonObject;
}

export interface SpecOperation {
  operationId: string | undefined;
  summary: string | undefined;
}

export function operationsOf(doc: JsonObject): SpecOperation[] {
  return loaderOperations(doc).map(({ operation }) => ({ operationId: operation.operationId as string | undefined, summary: operation.summary as string | undefined }));
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolve(doc: JsonObject, schema: Json | undefined): JsonObject | undefined {
  const current = deref(doc, schema) as Json | undefined;
  return isObject(current) ? current : undefined;
}

function enumOf(doc: JsonObject, schema: Json | undefined): string[] {
  const resolved = resolve(doc, schema);
  if (!resolved) return [];
  const own = Array.isArray(resolved.enum) ? resolved.enum.map(String) : [];
  const composed = ["allOf", "oneOf", "anyOf"].flatMap((key) => (Array.isArray(resolved[key]) ? (resolved[key] as Json[]).flatMap((part) => enumOf(doc, part)) : []));
  return [...own, ...composed];
}

/** The enum values of `property` of the component schema `schemaName`. */
export function propertyEnum(doc: JsonObject, schemaName: string, property: string): string[] {
  const schema = resolve(doc, { $ref: `#/components/schemas/${schemaName}` });
  const properties = schema?.properties;
  return isObject(properties) ? enumOf(doc, properties[property]) : [];
}

/** The enum values of every schema property called `property`, anywhere in the document. */
export function enumsOfPropertiesNamed(doc: JsonObject, property: string): string[] {
  const values = new Set<string>();
  const visit = (node: Json | undefined): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (isObject(node.properties) && property in node.properties) enumOf(doc, node.properties[property]).forEach((v) => values.add(v));
      Object.values(node).forEach(visit);
    }
  };
  visit(doc);
  return [...values];
}

/** The first example of an operation's response (`status`) or request body (`"request"`), $refs resolved. */
export function responseExample(doc: JsonObject, path: string, method: string, status: string): Json | undefined {
  const operation = resolve(doc, ((doc.paths as Record<string, JsonObject>)[path] ?? {})[method]);
  const response = resolve(doc, status === "request" ? operation?.requestBody : (operation?.responses as JsonObject | undefined)?.[status]);
  const media = resolve(doc, (response?.content as JsonObject | undefined)?.["application/json"]);
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values((media.examples as JsonObject | undefined) ?? {})[0];
  return resolve(doc, first)?.value;
}

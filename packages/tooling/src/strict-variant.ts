// The strict variant of a bundled spec: the same document with every object schema that lists its
// properties closed to others. The published specs stay open (a server may add fields, a vendor may accept
// more than its document says); the strict variant is for checking this project's own data, where an
// unknown field is a typo or drift: the example gate, the contract and stateful suites, and `mock --strict`.
//
// Only schemas are touched, found by walking the places OpenAPI 3.1 puts them and the JSON Schema keywords
// that hold subschemas, so a property that happens to be called `properties` or an example value is never
// mistaken for a schema. Free-form maps (an object schema without `properties`) and schemas that already
// say what extra properties may be (`additionalProperties` / `unevaluatedProperties`) are left as they are.

import { httpMethods } from "./bundled-specs.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// JSON Schema 2020-12 keywords whose value is one subschema, a list of them, or a map of them.
const oneSchema = ["items", "not", "if", "then", "else", "contains", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "propertyNames"];
const schemaList = ["allOf", "anyOf", "oneOf", "prefixItems"];
const schemaMap = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const compositions = ["allOf", "anyOf", "oneOf", "$ref"];

function closeSchema(schema: Json | undefined, seen: Set<object>): void {
  if (!isObject(schema) || seen.has(schema)) return;
  seen.add(schema);
  if (isObject(schema.properties) && !("additionalProperties" in schema) && !("unevaluatedProperties" in schema)) {
    // Beside a composition, `additionalProperties: false` would also refuse the properties that the other
    // branches declare; `unevaluatedProperties` sees them.
    const composed = compositions.some((keyword) => keyword in schema);
    schema[composed ? "unevaluatedProperties" : "additionalProperties"] = false;
  }
  for (const keyword of oneSchema) closeSchema(schema[keyword], seen);
  for (const keyword of schemaList) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const item of list) closeSchema(item, seen);
  }
  for (const keyword of schemaMap) {
    const map = schema[keyword];
    if (isObject(map)) for (const item of Object.values(map)) closeSchema(item, seen);
  }
}

function closeContent(content: Json | undefined, seen: Set<object>): void {
  if (!isObject(content)) return;
  for (const media of Object.values(content)) if (isObject(media)) closeSchema(media.schema, seen);
}

function closeParameters(parameters: Json | undefined, seen: Set<object>): void {
  if (!Array.isArray(parameters)) return;
  for (const parameter of parameters) {
    if (!isObject(parameter)) continue;
    closeSchema(parameter.schema, seen);
    closeContent(parameter.content, seen);
  }
}

function closeHeaders(headers: Json | undefined, seen: Set<object>): void {
  if (!isObject(headers)) return;
  for (const header of Object.values(headers)) if (isObject(header)) closeSchema(header.schema, seen);
}

function closeResponse(response: Json | undefined, seen: Set<object>): void {
  if (!isObject(response)) return;
  closeContent(response.content, seen);
  closeHeaders(response.headers, seen);
}

/** A deep copy of `doc` (a bundled OpenAPI 3.1 document) whose object schemas refuse unknown properties. */
export function strictVariant<T>(doc: T): T {
  const strict = structuredClone(doc) as unknown as JsonObject;
  const seen = new Set<object>();
  const components = isObject(strict.components) ? strict.components : {};
  for (const schema of Object.values(isObject(components.schemas) ? components.schemas : {})) closeSchema(schema, seen);
  closeParameters(Object.values(isObject(components.parameters) ? components.parameters : {}), seen);
  for (const response of Object.values(isObject(components.responses) ? components.responses : {})) closeResponse(response, seen);
  for (const body of Object.values(isObject(components.requestBodies) ? components.requestBodies : {})) {
    if (isObject(body)) closeContent(body.content, seen);
  }
  closeHeaders(components.headers, seen);
  for (const item of Object.values(isObject(strict.paths) ? strict.paths : {})) {
    if (!isObject(item)) continue;
    closeParameters(item.parameters, seen);
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      closeParameters(operation.parameters, seen);
      if (isObject(operation.requestBody)) closeContent(operation.requestBody.content, seen);
      if (isObject(operation.responses)) for (const response of Object.values(operation.responses)) closeResponse(response, seen);
    }
  }
  const info = isObject(strict.info) ? strict.info : undefined;
  if (info) info["x-variant"] = "strict: every object schema with properties refuses unknown ones (for checking this project's own data)";
  return strict as unknown as T;
}

// OpenAPI 3.0 schemas (the dialect of Exoscale's own description) as JSON Schema 2020-12, the dialect of
// this project's specs, so that both can be generated from and validated with the same tools. Only the two
// differences that change what a schema accepts matter here: `nullable` and the boolean
// `exclusiveMinimum` / `exclusiveMaximum`. `readOnly` and `writeOnly` are dropped: they say who sends a
// field, and the conformance test looks at requests and responses separately.
type Schema = Record<string, any>;

export function toJsonSchema2020(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema2020);
  if (node === null || typeof node !== "object") return node;
  const schema = node as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "nullable" || key === "readOnly" || key === "writeOnly") continue;
    if (key === "exclusiveMinimum" || key === "exclusiveMaximum") {
      if (value === true) out[key] = schema[key === "exclusiveMinimum" ? "minimum" : "maximum"];
      continue;
    }
    // Example and default values are data: copied as they are.
    out[key] = key === "example" || key === "default" || key === "enum" ? value : key === "properties" ? mapValues(value, toJsonSchema2020) : toJsonSchema2020(value);
  }
  if (schema.exclusiveMinimum === true) delete out.minimum;
  if (schema.exclusiveMaximum === true) delete out.maximum;
  if (schema.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

function mapValues(map: Schema, fn: (value: unknown) => unknown): Schema {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, fn(value)]));
}

/** A 3.0 document's `components.schemas`, each converted. */
export function convertSchemas(schemas: Record<string, unknown>): Record<string, unknown> {
  return mapValues(schemas, toJsonSchema2020);
}

// fast-check arbitraries from the JSON Schemas of the bundled specs: values that the schema accepts, and
// values that break it in one known way. It covers the keywords these specs use and throws on any other
// keyword that constrains values, so a spec that grows a new constraint cannot be fuzzed half-blind.
import fc from "fast-check";

type Schema = Record<string, any>;
type Resolve = (ref: string) => Schema;

// Keywords that only annotate (or that this module handles) — anything else that constrains is refused.
const annotations = new Set([
  "description", "title", "examples", "example", "default", "deprecated", "readOnly", "writeOnly",
  "externalDocs", "$comment", "format",
]);
const handled = new Set([
  "$ref", "type", "enum", "const", "oneOf", "anyOf", "properties", "required", "additionalProperties",
  "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "minimum", "maximum",
  "exclusiveMinimum", "exclusiveMaximum", "minProperties", "maxProperties", "propertyNames",
]);

function checkKeywords(schema: Schema) {
  for (const key of Object.keys(schema)) {
    if (annotations.has(key) || handled.has(key) || key.startsWith("x-")) continue;
    throw new Error(`schema-arbitrary: keyword "${key}" is not supported yet (schema: ${JSON.stringify(schema).slice(0, 120)})`);
  }
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Math.max(minLength, 24);
  if (schema.format === "date-time") return fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === "uuid") return fc.uuid();
  let arbitrary: fc.Arbitrary<string> = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern))
    : fc.string({ minLength, maxLength, unit: "grapheme-ascii" });
  if (schema.pattern) arbitrary = arbitrary.filter((s) => s.length >= minLength && s.length <= maxLength);
  return arbitrary;
}

function integerArbitrary(schema: Schema): fc.Arbitrary<number> {
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -1_000_000);
  const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? 1_000_000);
  return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
}

export interface ValidValueOptions {
  /**
   * Give objects that do not restrict extra properties (no `additionalProperties`) a few properties their
   * schema does not list, as a server or a client of an open schema may send. Default false.
   */
  extraProperties?: boolean;
}

/** An arbitrary of values valid against `schema`. Properties marked readOnly are never generated. */
export function validValue(schema: Schema, resolve: Resolve, options: ValidValueOptions = {}): fc.Arbitrary<unknown> {
  if (schema.$ref) return validValue(resolve(schema.$ref), resolve, options);
  checkKeywords(schema);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.oneOf || schema.anyOf) return fc.oneof(...(schema.oneOf ?? schema.anyOf).map((s: Schema) => validValue(s, resolve, options)));
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ["object"];
  return fc.oneof(...types.map((type) => validOfType(type, schema, resolve, options)));
}

// Names no schema of these specs uses, so an extra property never collides with a listed one.
const extraPropertyName = fc.stringMatching(/^x-extra-[a-z]{1,8}$/);
const extraPropertyValue = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.string({ maxLength: 8 }), { maxKeys: 2 }));

function validOfType(type: string, schema: Schema, resolve: Resolve, options: ValidValueOptions): fc.Arbitrary<unknown> {
  switch (type) {
    case "null": return fc.constant(null);
    case "boolean": return fc.boolean();
    case "integer": return integerArbitrary(schema);
    case "number": return integerArbitrary(schema).map((n) => n / 4);
    case "string": return stringArbitrary(schema);
    case "array": {
      const item = validValue(schema.items ?? {}, resolve, options);
      const constraints = { minLength: schema.minItems ?? 0, maxLength: schema.maxItems ?? Math.max(schema.minItems ?? 0, 3) };
      return schema.uniqueItems
        ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(item, constraints);
    }
    case "object": {
      const properties: Record<string, Schema> = schema.properties ?? {};
      const required = new Set<string>(schema.required ?? []);
      const writable = Object.entries(properties).filter(([, s]) => !(s.readOnly || (s.$ref && resolve(s.$ref).readOnly)));
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, propertySchema] of writable) record[name] = validValue(propertySchema, resolve, options);
      const requiredKeys = writable.map(([name]) => name).filter((name) => required.has(name));
      const fixed = fc.record(record, { requiredKeys });
      // Open maps (additionalProperties: schema) get a few entries of their own.
      if (schema.additionalProperties && typeof schema.additionalProperties === "object" && writable.length === 0) {
        const keyArbitrary = schema.propertyNames ? stringArbitrary(schema.propertyNames) : fc.stringMatching(/^[a-z][a-z_]{0,15}$/);
        return fc.dictionary(keyArbitrary, validValue(schema.additionalProperties, resolve, options), {
          minKeys: schema.minProperties ?? 0,
          maxKeys: schema.maxProperties ?? 4,
        });
      }
      if (options.extraProperties && schema.additionalProperties === undefined && schema.unevaluatedProperties === undefined) {
        return fc
          .tuple(fixed, fc.dictionary(extraPropertyName, extraPropertyValue, { maxKeys: 2 }))
          .map(([listed, extra]) => ({ ...extra, ...listed }));
      }
      return fixed;
    }
    default:
      throw new Error(`schema-arbitrary: type "${type}" is not supported`);
  }
}

export type Breakage =
  | { kind: "wrong-type-body" }
  | { kind: "missing-required"; property: string }
  | { kind: "wrong-type"; property: string }
  | { kind: "not-in-enum"; property: string }
  | { kind: "out-of-range"; property: string }
  | { kind: "unknown-property"; property: string };

function deref(schema: Schema, resolve: Resolve): Schema {
  return schema.$ref ? deref(resolve(schema.$ref), resolve) : schema;
}

/** The ways a body of this (object) schema can be broken at its top level. */
export function breakages(schema: Schema, resolve: Resolve): Breakage[] {
  const body = deref(schema, resolve);
  const found: Breakage[] = [{ kind: "wrong-type-body" }];
  for (const property of body.required ?? []) found.push({ kind: "missing-required", property });
  for (const [property, raw] of Object.entries<Schema>(body.properties ?? {})) {
    const propertySchema = deref(raw, resolve);
    if (propertySchema.readOnly) continue;
    found.push({ kind: "wrong-type", property });
    if (propertySchema.enum) found.push({ kind: "not-in-enum", property });
    if (propertySchema.maximum !== undefined || propertySchema.minimum !== undefined) found.push({ kind: "out-of-range", property });
  }
  if (body.additionalProperties === false) found.push({ kind: "unknown-property", property: "notAField" });
  return found;
}

/** Applies one breakage to a valid body. */
export function breakBody(valid: Record<string, unknown>, breakage: Breakage, schema: Schema, resolve: Resolve): unknown {
  const body = deref(schema, resolve);
  switch (breakage.kind) {
    case "wrong-type-body":
      return [valid];
    case "missing-required": {
      const { [breakage.property]: _removed, ...rest } = valid;
      return rest;
    }
    case "wrong-type": {
      const propertySchema = deref(body.properties[breakage.property], resolve);
      const types: string[] = Array.isArray(propertySchema.type) ? propertySchema.type : [propertySchema.type ?? "object"];
      // A value of a type the property does not allow: an object where a scalar is expected, else a number.
      const wrong = types.includes("object") || types.includes("array") ? 12345 : { wrong: true };
      return { ...valid, [breakage.property]: wrong };
    }
    case "not-in-enum":
      return { ...valid, [breakage.property]: "not-a-documented-value" };
    case "out-of-range": {
      const propertySchema = deref(body.properties[breakage.property], resolve);
      const value = propertySchema.maximum !== undefined ? propertySchema.maximum + 1 : propertySchema.minimum - 1;
      return { ...valid, [breakage.property]: value };
    }
    case "unknown-property":
      return { ...valid, [breakage.property]: "surprise" };
  }
}

// Compares a vendor's own OpenAPI description with this project's spec of the same API, operation by
// operation and field by field: every vendor operation, parameter, request and response field, enum value,
// bound and nullable flag must be in the spec and compatible with it, so that the spec accepts whatever
// the vendor's schema accepts and types it the same way. Each check is counted, so a test can show (and
// assert) how much was compared, and each problem names the operation and the field.
import { escapePointer as escape, followRefs, httpMethods, resolvePointer } from "@managed-redis/tooling/bundled-specs";
import { toJsonSchema2020 } from "./oas30-schema.ts";

type Schema = Record<string, any>;
export type Direction = "request" | "response";

const bounds = ["minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "minProperties", "maxProperties", "pattern", "multipleOf", "uniqueItems"] as const;
// Formats that only annotate (Ajv accepts any string for them), so the spec may add them.
const annotationFormats = new Set(["password", "int64", "int32"]);

export interface ConformanceCounts {
  operations: number;
  parameters: number;
  fields: number;
  enumValues: number;
  bounds: number;
  nullable: number;
  examples: number;
}

export interface VendorExample {
  where: string;
  /** JSON pointer of the spec's schema that the value must satisfy. */
  pointer: string;
  value: unknown;
}

/** Where a vendor operation's schemas sit in both documents, for value-level checks. */
export interface OperationPair {
  operationId: string;
  parameters: { name: string; vendor: Schema; oursPointer: string }[];
  requestBody?: { vendor: Schema; oursPointer: string };
  response?: { vendor: Schema; oursPointer: string };
}

export interface ConformanceReport {
  problems: string[];
  counts: ConformanceCounts;
  /** Examples written in the vendor's schemas (`example`, `default`), to validate against the spec. */
  examples: VendorExample[];
  operations: OperationPair[];
}

export class VendorConformance {
  private readonly counts: ConformanceCounts = { operations: 0, parameters: 0, fields: 0, enumValues: 0, bounds: 0, nullable: 0, examples: 0 };
  private readonly problems: string[] = [];
  private readonly examples: VendorExample[] = [];

  /**
   * @param vendor the vendor's document, OpenAPI 3.0 (its schemas are converted to 2020-12 here)
   * @param ours   this project's bundled spec, OpenAPI 3.1
   */
  constructor(
    private readonly vendor: Schema,
    private readonly ours: Schema,
  ) {}

  /** The vendor schema at a `$ref`, converted to JSON Schema 2020-12. */
  vendorSchema(ref: string): Schema {
    return toJsonSchema2020(resolvePointer(this.vendor, ref)) as Schema;
  }

  run(): ConformanceReport {
    const operations: OperationPair[] = [];
    for (const [template, item] of Object.entries<Schema>(this.vendor.paths ?? {})) {
      for (const method of httpMethods) {
        const operation = item[method];
        if (!operation) continue;
        this.counts.operations++;
        const pair = this.compareOperation(template, method, operation);
        if (pair) operations.push(pair);
      }
    }
    return { problems: this.problems, counts: this.counts, examples: this.examples, operations };
  }

  private findOurs(operationId: string): { template: string; method: string; operation: Schema } | undefined {
    for (const [template, item] of Object.entries<Schema>(this.ours.paths ?? {})) {
      for (const method of httpMethods) {
        if (item[method]?.operationId === operationId) return { template, method, operation: item[method] };
      }
    }
    return undefined;
  }

  private compareOperation(template: string, method: string, vendorOperation: Schema): OperationPair | undefined {
    const id: string = vendorOperation.operationId;
    const found = this.findOurs(id);
    if (!found) {
      this.problems.push(`${id} (${method.toUpperCase()} ${template}): missing from the spec`);
      return undefined;
    }
    if (found.template !== template || found.method !== method) {
      this.problems.push(`${id}: the vendor has ${method.toUpperCase()} ${template}, the spec ${found.method.toUpperCase()} ${found.template}`);
    }
    const opPointer = `#/paths/${escape(found.template)}/${found.method}`;
    const pair: OperationPair = { operationId: id, parameters: [] };

    // Parameters: path-level and operation-level, by location and name.
    const ourParameters = [
      ...((this.ours.paths[found.template].parameters ?? []) as Schema[]).map((p, i) => ({ p, pointer: `#/paths/${escape(found.template)}/parameters/${i}` })),
      ...((found.operation.parameters ?? []) as Schema[]).map((p, i) => ({ p, pointer: `${opPointer}/parameters/${i}` })),
    ].map(({ p, pointer }) => (p.$ref ? { p: resolvePointer(this.ours, p.$ref), pointer: p.$ref } : { p, pointer }));
    for (const vendorParameter of (vendorOperation.parameters ?? []) as Schema[]) {
      this.counts.parameters++;
      const where = `${id} › ${vendorParameter.in} parameter ${vendorParameter.name}`;
      const ours = ourParameters.find(({ p }) => p.in === vendorParameter.in && p.name === vendorParameter.name);
      if (!ours) {
        this.problems.push(`${where}: missing from the spec`);
        continue;
      }
      if (Boolean(ours.p.required) !== Boolean(vendorParameter.required)) {
        this.problems.push(`${where}: required is ${Boolean(vendorParameter.required)} for the vendor, ${Boolean(ours.p.required)} in the spec`);
      }
      const vendorSchema = toJsonSchema2020(vendorParameter.schema) as Schema;
      this.compareSchema(vendorSchema, `${ours.pointer}/schema`, where, "request");
      pair.parameters.push({ name: vendorParameter.name, vendor: vendorSchema, oursPointer: `${ours.pointer}/schema` });
    }

    const vendorBody = vendorOperation.requestBody?.content?.["application/json"]?.schema;
    if (vendorBody) {
      const where = `${id} › request body`;
      const ourBody = found.operation.requestBody;
      const ourSchema = ourBody?.content?.["application/json"]?.schema;
      if (!ourSchema) {
        this.problems.push(`${where}: missing from the spec`);
      } else {
        if (Boolean(ourBody.required) !== Boolean(vendorOperation.requestBody.required)) {
          this.problems.push(`${where}: required is ${Boolean(vendorOperation.requestBody.required)} for the vendor, ${Boolean(ourBody.required)} in the spec`);
        }
        const pointer = `${opPointer}/requestBody/content/application~1json/schema`;
        const vendorSchema = toJsonSchema2020(vendorBody) as Schema;
        this.compareSchema(vendorSchema, pointer, where, "request");
        pair.requestBody = { vendor: vendorSchema, oursPointer: pointer };
      }
    }

    for (const [status, vendorResponse] of Object.entries<Schema>(vendorOperation.responses ?? {})) {
      const vendorSchema = vendorResponse.content?.["application/json"]?.schema;
      if (!vendorSchema) continue;
      const where = `${id} › ${status} response`;
      let response = found.operation.responses?.[status];
      let pointer = `${opPointer}/responses/${status}`;
      if (response?.$ref) {
        pointer = response.$ref;
        response = resolvePointer(this.ours, response.$ref);
      }
      if (!response?.content?.["application/json"]?.schema) {
        this.problems.push(`${where}: missing from the spec`);
        continue;
      }
      pointer = `${pointer}/content/application~1json/schema`;
      const converted = toJsonSchema2020(vendorSchema) as Schema;
      this.compareSchema(converted, pointer, where, "response");
      if (status === "200") pair.response = { vendor: converted, oursPointer: pointer };
    }
    return pair;
  }

  /** Follows `$ref`s of the spec, returning the schema and its pointer. */
  private oursAt(pointer: string): { schema: Schema; pointer: string } {
    const { node, pointer: reached } = followRefs(this.ours, pointer);
    return { schema: node as Schema, pointer: reached };
  }

  private vendorAt(schema: Schema): Schema {
    let current = schema;
    for (let hops = 0; current?.$ref && hops < 20; hops++) current = this.vendorSchema(current.$ref);
    return current;
  }

  private compareSchema(vendorNode: Schema, oursPointer: string, where: string, direction: Direction, seen = new Set<string>()): void {
    const vendor = this.vendorAt(vendorNode);
    const { schema: ours, pointer } = this.oursAt(oursPointer);
    const key = `${direction} ${JSON.stringify(vendorNode.$ref ?? where)} ${pointer}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!ours) {
      this.problems.push(`${where}: no schema in the spec at ${pointer}`);
      return;
    }

    for (const value of [vendor.example, vendor.default]) {
      if (value !== undefined) {
        this.counts.examples++;
        this.examples.push({ where, pointer, value });
      }
    }

    // An open enum of the spec (`anyOf` of a string enum and a string) accepts any string.
    const openEnum = Array.isArray(ours.anyOf) && ours.anyOf.some((branch: Schema) => branch.type === "string" && !branch.enum);
    const ourTypes = new Set<string>(openEnum ? ["string"] : Array.isArray(ours.type) ? ours.type : ours.type ? [ours.type] : []);
    const vendorTypes: string[] = Array.isArray(vendor.type) ? vendor.type : vendor.type ? [vendor.type] : [];
    for (const type of vendorTypes) {
      if (type === "null") {
        this.counts.nullable++;
        if (!ourTypes.has("null") && !(Array.isArray(ours.enum) && ours.enum.includes(null))) this.problems.push(`${where}: the vendor allows null, the spec does not`);
        continue;
      }
      const accepted = ourTypes.has(type) || (type === "integer" && ourTypes.has("number"));
      if (ourTypes.size > 0 && !accepted) this.problems.push(`${where}: type ${type} for the vendor, ${[...ourTypes].join(" | ")} in the spec`);
    }

    if (Array.isArray(vendor.enum)) {
      const ourValues: unknown[] | undefined = openEnum ? undefined : ours.enum;
      for (const value of vendor.enum) {
        this.counts.enumValues++;
        if (ourValues && !ourValues.includes(value)) this.problems.push(`${where}: enum value ${JSON.stringify(value)} of the vendor is not in the spec`);
      }
    }
    if (Array.isArray(ours.enum) && !Array.isArray(vendor.enum)) {
      this.problems.push(`${where}: the spec restricts values to an enum (${ours.enum.join(", ")}), the vendor does not`);
    }

    for (const bound of bounds) {
      if (vendor[bound] !== undefined) {
        this.counts.bounds++;
        if (ours[bound] !== vendor[bound]) {
          this.problems.push(`${where}: ${bound} is ${JSON.stringify(vendor[bound])} for the vendor, ${ours[bound] === undefined ? "missing" : JSON.stringify(ours[bound])} in the spec`);
        }
      } else if (ours[bound] !== undefined) {
        this.problems.push(`${where}: the spec adds ${bound} ${JSON.stringify(ours[bound])}, which the vendor does not have`);
      }
    }
    if (vendor.format !== undefined && ours.format !== vendor.format && !annotationFormats.has(vendor.format)) {
      this.problems.push(`${where}: format ${vendor.format} for the vendor, ${ours.format ?? "none"} in the spec`);
    }
    if (ours.format !== undefined && ours.format !== vendor.format && !annotationFormats.has(ours.format)) {
      this.problems.push(`${where}: the spec adds format ${ours.format}, which the vendor does not have`);
    }
    if (vendor.default !== undefined && JSON.stringify(ours.default) !== JSON.stringify(vendor.default)) {
      this.problems.push(`${where}: default ${JSON.stringify(vendor.default)} for the vendor, ${JSON.stringify(ours.default)} in the spec`);
    }
    if (ours.additionalProperties === false || ours.unevaluatedProperties === false) {
      this.problems.push(`${where}: the spec refuses properties it does not list; the vendor's object is open`);
    }

    const vendorRequired = new Set<string>(vendor.required ?? []);
    const ourRequired = new Set<string>(ours.required ?? []);
    for (const name of vendorRequired) if (!ourRequired.has(name)) this.problems.push(`${where}: ${name} is required by the vendor, optional in the spec`);
    for (const name of ourRequired) if (!vendorRequired.has(name)) this.problems.push(`${where}: ${name} is required by the spec, optional for the vendor`);

    for (const [name, vendorProperty] of Object.entries<Schema>(vendor.properties ?? {})) {
      this.counts.fields++;
      const field = `${where}.${name}`;
      if (!ours.properties?.[name]) {
        this.problems.push(`${field} (${direction}): missing from the spec`);
        continue;
      }
      this.compareSchema(vendorProperty, `${pointer}/properties/${escape(name)}`, field, direction, seen);
    }
    if (vendor.items) {
      if (!ours.items) this.problems.push(`${where}: the vendor's array items have a schema, the spec's none`);
      else this.compareSchema(vendor.items, `${pointer}/items`, `${where}[]`, direction, seen);
    }
  }
}

// The one loader of the bundled specs: reading a bundle, walking it (JSON pointers, `$ref`s, the HTTP
// methods of a path item), every operation with its method, path and documented status codes, and one Ajv
// validator for any schema in them (JSON Schema 2020-12, formats checked). The example gate, the spec-facts
// generator, the contract and stateful suites, and the mock's and simulator's tests all read the specs
// through it and judge values with this one validator: against the published bundle (what a vendor's server
// may send), or against its strict variant (closed objects) where the values are this project's own and an
// unknown field is drift.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { apiNames, bundledSpec, strictBundledSpec, type ApiName } from "./apis.ts";

export type JsonObject = Record<string, any>;

export interface SpecOperation {
  api: ApiName;
  operationId: string;
  method: string;
  path: string;
  /** Documented status codes, as strings ("200", "404"). */
  statuses: string[];
  requestBodySchemaPointer?: string;
}

import { httpMethods, type HttpMethod } from "./http-methods.ts";

export { httpMethods, type HttpMethod };

/** One segment of a JSON pointer, escaped (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The unescaped segments of a JSON pointer or a local `$ref` (`#/components/schemas/Cluster`). */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#?\/?/, "")
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The node at a JSON pointer (or local `$ref`) of `doc`; undefined when there is none. */
export function resolvePointer(doc: unknown, pointer: string): any {
  let node: any = doc;
  for (const key of pointerSegments(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

/** The node at `pointer`, its `$ref`s followed, and the pointer of the node reached. */
export function followRefs(doc: unknown, pointer: string): { node: any; pointer: string } {
  let current = pointer;
  let node = resolvePointer(doc, current);
  for (let hops = 0; node && typeof node === "object" && typeof node.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${String(node.$ref)}`);
    current = node.$ref;
    node = resolvePointer(doc, current);
  }
  return { node, pointer: current };
}

/** Follows local `$ref`s (a bundle has no others) until a node that is not one; undefined when one dangles. */
export function deref(doc: unknown, node: unknown): any {
  let current: any = node;
  for (let hops = 0; current && typeof current === "object" && typeof current.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${String(current.$ref)}`);
    current = resolvePointer(doc, current.$ref);
  }
  return current;
}

/** Every operation of a document: the path, the method (lower case) and the operation object, in order. */
export function operationsOf(doc: JsonObject): { path: string; method: HttpMethod; pathItem: JsonObject; operation: JsonObject }[] {
  const found: { path: string; method: HttpMethod; pathItem: JsonObject; operation: JsonObject }[] = [];
  for (const [path, rawItem] of Object.entries<JsonObject>(doc.paths ?? {})) {
    const pathItem = deref(doc, rawItem) as JsonObject;
    for (const method of httpMethods) {
      const operation = pathItem?.[method];
      if (operation && typeof operation === "object") found.push({ path, method, pathItem, operation });
    }
  }
  return found;
}

/** `published`: the bundle as released; `strict`: its strict variant (dist/openapi.strict.json). */
export type SpecVariant = "published" | "strict";

export function loadBundle(api: ApiName, variant: SpecVariant = "published"): JsonObject {
  return JSON.parse(readFileSync(variant === "strict" ? strictBundledSpec(api) : bundledSpec(api, "json"), "utf8"));
}

export function listOperations(api: ApiName, doc: JsonObject = loadBundle(api)): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const { path, method, operation } of operationsOf(doc)) {
    operations.push({
      api,
      operationId: operation.operationId,
      method: method.toUpperCase(),
      path,
      statuses: Object.keys(operation.responses),
      ...(operation.requestBody
        ? { requestBodySchemaPointer: `#/paths/${escapePointer(path)}/${method}/requestBody/content/application~1json/schema` }
        : {}),
    });
  }
  return operations;
}

export function listAllOperations(): SpecOperation[] {
  return apiNames.flatMap((api) => listOperations(api));
}

/**
 * Ajv for OpenAPI 3.1 documents. strict: false, because OpenAPI puts keywords such as `discriminator`,
 * `example` and `x-…` into its schemas, and they are not errors.
 */
export function createSpecAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addFormats.default(ajv);
  return ajv;
}

/** Validates values against schemas of one bundled spec, addressed by JSON pointer. */
export class SpecValidator {
  private readonly ajv: Ajv2020;
  private readonly id: string;
  private readonly cache = new Map<string, ValidateFunction>();
  readonly doc: JsonObject;

  constructor(
    readonly api: ApiName,
    readonly variant: SpecVariant = "published",
  ) {
    this.doc = loadBundle(api, variant);
    this.id = `urn:managed-redis:${api}:${variant}`;
    this.ajv = createSpecAjv();
    this.ajv.addSchema({ ...this.doc, $id: this.id });
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.cache.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(`${this.id}${pointer}`);
      if (!validate) throw new Error(`${this.api}: no schema at ${pointer}`);
      this.cache.set(pointer, validate);
    }
    return validate;
  }

  /** The operation with this operationId. */
  operation(operationId: string): SpecOperation {
    const found = listOperations(this.api, this.doc).find((operation) => operation.operationId === operationId);
    if (!found) throw new Error(`${this.api} has no operation ${operationId}`);
    return found;
  }

  /** The operation at a method (any case) and a path template. */
  operationAt(method: string, path: string): SpecOperation {
    const found = listOperations(this.api, this.doc).find((operation) => operation.method === method.toUpperCase() && operation.path === path);
    if (!found) throw new Error(`${this.api} has no operation ${method.toUpperCase()} ${path}`);
    return found;
  }

  /** Errors of `value` against the schema at `pointer` ("#/components/schemas/Cluster"), [] when valid. */
  errors(pointer: string, value: unknown): string[] {
    const validate = this.validator(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
  }

  /** The JSON pointer of the response schema of an operation for a status, or undefined when it has no body. */
  responseSchemaPointer(operation: SpecOperation, status: string): string | undefined {
    const escapedPath = escapePointer(operation.path);
    let response = this.doc.paths[operation.path][operation.method.toLowerCase()].responses[status];
    let pointer = `#/paths/${escapedPath}/${operation.method.toLowerCase()}/responses/${status}`;
    if (response?.$ref) {
      pointer = response.$ref;
      response = this.resolve(response.$ref);
    }
    if (!response?.content?.["application/json"]?.schema) return undefined;
    return `${pointer}/content/application~1json/schema`;
  }

  resolve(ref: string): any {
    return resolvePointer(this.doc, ref);
  }
}

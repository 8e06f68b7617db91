// The bundled specs as tests and gates read them: every operation with its method, path and documented
// status codes, and one Ajv validator for any schema in them (JSON Schema 2020-12, formats checked). The
// example gate, the contract and stateful suites, and the mock's and simulator's tests all judge values
// with this one validator: against the published bundle (what a vendor's server may send), or against its
// strict variant (closed objects) where the values are this project's own and an unknown field is drift.
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

const methods = ["get", "put", "post", "delete", "patch"] as const;

/** `published`: the bundle as released; `strict`: its strict variant (dist/openapi.strict.json). */
export type SpecVariant = "published" | "strict";

export function loadBundle(api: ApiName, variant: SpecVariant = "published"): JsonObject {
  return JSON.parse(readFileSync(variant === "strict" ? strictBundledSpec(api) : bundledSpec(api, "json"), "utf8"));
}

export function listOperations(api: ApiName, doc: JsonObject = loadBundle(api)): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries<JsonObject>(doc.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const escapedPath = path.replace(/~/g, "~0").replace(/\//g, "~1");
      operations.push({
        api,
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        statuses: Object.keys(operation.responses),
        ...(operation.requestBody
          ? { requestBodySchemaPointer: `#/paths/${escapedPath}/${method}/requestBody/content/application~1json/schema` }
          : {}),
      });
    }
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

  /** Errors of `value` against the schema at `pointer` ("#/components/schemas/Cluster"), [] when valid. */
  errors(pointer: string, value: unknown): string[] {
    const validate = this.validator(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
  }

  /** The JSON pointer of the response schema of an operation for a status, or undefined when it has no body. */
  responseSchemaPointer(operation: SpecOperation, status: string): string | undefined {
    const escapedPath = operation.path.replace(/~/g, "~0").replace(/\//g, "~1");
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
    return ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((node: any, key) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], this.doc);
  }
}

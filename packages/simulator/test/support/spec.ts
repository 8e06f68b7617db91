// The bundled specs as the judge: every response a test receives is checked against the schema the
// spec documents for that operation and status (JSON Schema 2020-12, Ajv), and its status must be one
// the operation documents. The simulator's answers are this project's own data, so they are checked
// against the strict variant of each spec: a field the spec does not list is drift, not tolerance.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SpecValidator } from "../../../../scripts/lib/bundled-specs.ts";
import { createSimulator, type ApiName, type SimRequest, type SimResponse, type Simulator, type SimulatorOptions } from "../../src/index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

type Json = Record<string, any>;

const bundles = new Map<ApiName, Json>();

export function bundle(api: ApiName): Json {
  let doc = bundles.get(api);
  if (!doc) {
    doc = JSON.parse(readFileSync(path.join(repoRoot, "specs", api, "dist", "openapi.json"), "utf8")) as Json;
    bundles.set(api, doc);
  }
  return doc;
}

function resolve(doc: Json, node: Json): Json {
  if (typeof node?.$ref !== "string") return node;
  const pointer = node.$ref.replace(/^#\//, "").split("/").map((s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  return resolve(doc, pointer.reduce((target: Json, segment: string) => target[segment], doc));
}

function findOperation(api: ApiName, operationId: string): Json {
  for (const item of Object.values(bundle(api).paths as Json)) {
    for (const operation of Object.values(item as Json)) {
      if ((operation as Json)?.operationId === operationId) return operation as Json;
    }
  }
  throw new Error(`${api} has no operation ${operationId}`);
}

/** The value of a named example: a request body (`requestExample`) or a response (`responseExample`). */
export function requestExample(api: ApiName, operationId: string, name: string): any {
  const doc = bundle(api);
  const content = resolve(doc, findOperation(api, operationId).requestBody).content["application/json"];
  return structuredClone(resolve(doc, content.examples[name]).value);
}

export function responseExample(api: ApiName, operationId: string, status: number, name: string): any {
  const doc = bundle(api);
  const response = resolve(doc, findOperation(api, operationId).responses[String(status)]);
  return structuredClone(resolve(doc, response.content["application/json"].examples[name]).value);
}

const validators = new Map<ApiName, SpecValidator>();

/** Problems of a response against the spec; empty when it conforms. */
export function conformanceProblems(api: ApiName, operationId: string, response: SimResponse): string[] {
  let validator = validators.get(api);
  if (!validator) validators.set(api, (validator = new SpecValidator(api, "strict")));
  const operation = validator.operation(operationId);
  const status = String(response.status);
  if (!operation.statuses.includes(status)) return [`${operationId} does not document status ${response.status}`];
  const schema = validator.responseSchemaPointer(operation, status);
  if (!schema) return [];
  return validator.errors(schema, response.body).map((error) => `${operationId} ${response.status}: ${error}`);
}

/** Every (operationId, status) pair a checked simulator has answered, across the test file. */
export const answered = new Map<ApiName, Set<string>>();

export interface CheckedSimulator extends Simulator {
  /** `handle`, then the operationId, the status and the body, with the response checked against the spec. */
  call(request: SimRequest): Promise<SimResponse>;
}

/**
 * A simulator whose every vendor answer is checked against the spec: a response with an undocumented
 * status or a body that breaks the schema fails the test at once.
 */
export function checkedSimulator(options: SimulatorOptions): CheckedSimulator {
  const simulator = createSimulator(options);
  const handle = async (request: SimRequest): Promise<SimResponse> => {
    const response = await simulator.handle(request);
    const pathOnly = request.path.split("?")[0]!.replace(/^\/v2(?=\/)/, "");
    if (!pathOnly.startsWith("/__simulator")) {
      const operationId = operationIdOf(simulator, request.method, pathOnly);
      if (operationId) {
        const problems = conformanceProblems(options.api, operationId, response);
        if (problems.length > 0) throw new Error(`response breaks the spec:\n${problems.join("\n")}\n${JSON.stringify(response.body)}`);
        let set = answered.get(options.api);
        if (!set) answered.set(options.api, (set = new Set()));
        set.add(`${operationId} ${response.status}`);
      }
    }
    return response;
  };
  return { ...simulator, handle, call: handle };
}

function operationIdOf(simulator: Simulator, method: string, requestPath: string): string | undefined {
  const parts = requestPath.split("/").filter(Boolean);
  for (const route of simulator.routes) {
    if (route.method !== method.toUpperCase()) continue;
    const segments = route.path.split("/").filter(Boolean);
    if (segments.length !== parts.length) continue;
    if (segments.every((s, i) => s.startsWith("{") || s === parts[i])) return route.operationId;
  }
  return undefined;
}

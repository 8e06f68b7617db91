// The bundled specs as the judge: every response a test receives is checked against the schema the
// spec documents for that operation and status (JSON Schema 2020-12, Ajv compiling the bundle itself, not
// the simulator's generated validators), and its status must be one the operation documents. The
// simulator's answers are this project's own data, so they are checked against the strict variant of each
// spec: a field the spec does not list is drift, not tolerance. So is a value the spec's open lists do not
// document (a Kakao status "Provisioning"): the answers are held to the documented values as well.
import { createSpecAjv, deref, loadBundle, SpecValidator, type JsonObject, type SpecVariant } from "@managed-redis/tooling/bundled-specs";
import { apiNames, createOperationMatcher, loadSpecModule, type ApiFacts } from "@managed-redis/spec-facts";
import { createSimulator, type ApiName, type SimRequest, type SimResponse, type Simulator, type SimulatorOptions } from "../../src/index.ts";

type Json = Record<string, any>;

const validators = new Map<string, SpecValidator>();

/** The published bundle (where the examples are), or its strict variant (what answers are held to). */
function judge(api: ApiName, variant: SpecVariant = "published"): SpecValidator {
  let validator = validators.get(`${api} ${variant}`);
  if (!validator) validators.set(`${api} ${variant}`, (validator = new SpecValidator(api, variant)));
  return validator;
}

function bundleOperation(api: ApiName, operationId: string): Json {
  const { path, method } = judge(api).operation(operationId);
  return judge(api).doc.paths[path][method.toLowerCase()];
}

/** The value of a named example: a request body (`requestExample`) or a response (`responseExample`). */
export function requestExample(api: ApiName, operationId: string, name: string): any {
  const doc = judge(api).doc;
  const content = deref(doc, bundleOperation(api, operationId).requestBody).content["application/json"];
  return structuredClone(deref(doc, content.examples[name]).value);
}

export function responseExample(api: ApiName, operationId: string, status: number, name: string): any {
  const doc = judge(api).doc;
  const response = deref(doc, bundleOperation(api, operationId).responses[String(status)]);
  return structuredClone(deref(doc, response.content["application/json"].examples[name]).value);
}

/**
 * The strict variant with every open value list closed to its documented values: the spec writes a list
 * that may grow as `anyOf: [{ enum: [...] }, { type: string }]`, which accepts any string; here only the
 * `enum` branch is kept.
 */
export function closeOpenEnums(doc: JsonObject): JsonObject {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const schema = node as JsonObject;
    if (Array.isArray(schema.anyOf) && schema.anyOf.length === 2) {
      const listed = schema.anyOf.find((branch: JsonObject) => Array.isArray(branch?.enum));
      const anyString = schema.anyOf.find((branch: JsonObject) => branch?.type === "string" && Object.keys(branch).length === 1);
      if (listed && anyString) schema.anyOf = [listed];
    }
    for (const [key, value] of Object.entries(schema)) if (key !== "example" && key !== "examples") visit(value);
  };
  const closed = structuredClone(doc);
  visit(closed);
  return closed;
}

type ValidateFunction = ReturnType<ReturnType<typeof createSpecAjv>["compile"]>;

const documentedValueValidators = new Map<ApiName, (pointer: string) => ValidateFunction>();

/** A validator of the schema at `pointer` in the strict variant of `api`, open value lists closed. */
function documentedValuesOnly(api: ApiName): (pointer: string) => ValidateFunction {
  let compile = documentedValueValidators.get(api);
  if (!compile) {
    const ajv = createSpecAjv();
    const id = `urn:managed-redis:${api}:documented-values`;
    ajv.addSchema({ ...closeOpenEnums(loadBundle(api, "strict")), $id: id });
    compile = (pointer) => ajv.getSchema(`${id}${pointer}`) ?? (() => { throw new Error(`${api}: no schema at ${pointer}`); })();
    documentedValueValidators.set(api, compile);
  }
  return compile;
}

/** Problems of a response against the spec; empty when it conforms. */
export function conformanceProblems(api: ApiName, operationId: string, response: SimResponse): string[] {
  const validator = judge(api, "strict");
  const operation = validator.operation(operationId);
  const status = String(response.status);
  if (!operation.statuses.includes(status)) return [`${operationId} does not document status ${response.status}`];
  const schema = validator.responseSchemaPointer(operation, status);
  if (!schema) return [];
  const problems = validator.errors(schema, response.body).map((error) => `${operationId} ${response.status}: ${error}`);
  if (problems.length > 0) return problems;
  const documented = documentedValuesOnly(api)(schema);
  if (documented(response.body)) return [];
  return (documented.errors ?? []).map((error) => `${operationId} ${response.status}: ${error.instancePath || "/"} ${error.message} (a value the spec does not document)`);
}

/** Every (operationId, status) pair a checked simulator has answered, across the test file. */
export const answered = new Map<ApiName, Set<string>>();

export interface CheckedSimulator extends Simulator {
  /** `handle`, then the operationId, the status and the body, with the response checked against the spec. */
  call(request: SimRequest): Promise<SimResponse>;
}

const facts = new Map<ApiName, ApiFacts>();
for (const api of apiNames) facts.set(api, (await loadSpecModule(api)).facts);

/**
 * A simulator whose every vendor answer is checked against the spec: a response with an undocumented
 * status or a body that breaks the schema fails the test at once.
 */
export function checkedSimulator(options: SimulatorOptions): CheckedSimulator {
  const simulator = createSimulator(options);
  const matcher = createOperationMatcher(facts.get(options.api)!, { serverPath: true });
  const handle = async (request: SimRequest): Promise<SimResponse> => {
    const response = await simulator.handle(request);
    const match = matcher.match(request.method, request.path.split("?")[0]!);
    if (match.kind === "found") {
      const operationId = match.value.operationId;
      const problems = conformanceProblems(options.api, operationId, response);
      if (problems.length > 0) throw new Error(`response breaks the spec:\n${problems.join("\n")}\n${JSON.stringify(response.body)}`);
      let set = answered.get(options.api);
      if (!set) answered.set(options.api, (set = new Set()));
      set.add(`${operationId} ${response.status}`);
    }
    return response;
  };
  return { ...simulator, handle, call: handle };
}

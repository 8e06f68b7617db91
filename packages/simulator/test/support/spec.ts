// The bundled specs as the judge: every response a test receives is checked against the schema the
// spec documents for that operation and status (JSON Schema 2020-12, Ajv compiling the bundle itself, not
// the simulator's generated validators), and its status must be one the operation documents. The
// simulator's answers are this project's own data, so they are checked against the strict variant of each
// spec: a field the spec does not list is drift, not tolerance.
import { deref, SpecValidator, type SpecVariant } from "@managed-redis/tooling/bundled-specs";
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

/** Problems of a response against the spec; empty when it conforms. */
export function conformanceProblems(api: ApiName, operationId: string, response: SimResponse): string[] {
  const validator = judge(api, "strict");
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

// The framework-free core: one `handle(request)` that both mounts call (the stateful mock's server and
// MSW handlers in a browser). Every request enters here: control routes, routing with the specs' one
// path matcher, validation with the spec's compiled validators, faults, the vendor's handler; every
// refusal is a thrown problem, answered in one place (`answerProblem`), in the vendor's error shape.
import {
  createOperationMatcher,
  describeViolations,
  invalidRequestStatus,
  readRequest,
  validateResponse,
  type OperationFacts,
  type SpecModule,
  type Violation,
} from "@managed-redis/spec-facts";
import type { AnyApiModule, ApiContext, HandlerCall } from "./api-module.ts";
import { isoSeconds, systemClock } from "./clock.ts";
import { answerControlRoute, isControlPath } from "./control-routes.ts";
import { exoscaleDbaasValkey } from "./exoscale-dbaas-valkey/index.ts";
import { ControlInputError, MAX_ADVANCE_MS, MAX_CLOCK_OFFSET_MS, MAX_SEED, boundedInteger } from "./control-bounds.ts";
import { checkFaultsAgainstSpec, drawFault, drawLatency, validateFaults } from "./faults.ts";
import { copyJson, jsonResponse } from "./json.ts";
import { kakaocloudRedis } from "./kakaocloud-redis/index.ts";
import { DEFAULT_DELAYS, DEFAULT_FAULTS, DEFAULT_LIMITS, type FaultSettings } from "./options.ts";
import { InvalidRequestProblem, METHOD_NOT_ALLOWED, NOT_FOUND, BAD_REQUEST, SIMULATOR_ERROR, SimulatorProblem, problem } from "./problems.ts";
import { createRandom, type Random } from "./random.ts";
import { createReadCache } from "./read-cache.ts";
import { answerText, seal } from "./sealed-answer.ts";
import { redisEnterprise } from "./redis-enterprise/index.ts";
import { normaliseHeaders, normaliseQuery } from "./request.ts";
import type { ApiName, SimRequest, SimResponse, Simulator, SimulatorOptions, SimulatorState } from "./types.ts";

const MODULES: { [Api in ApiName]: AnyApiModule } = {
  "kakaocloud-redis": kakaocloudRedis as unknown as AnyApiModule,
  "exoscale-dbaas-valkey": exoscaleDbaasValkey as unknown as AnyApiModule,
  "redis-enterprise": redisEnterprise as unknown as AnyApiModule,
};

/** The spec module (facts and validators) of a simulated API, as the simulator reads it. */
export function specModuleOf(api: ApiName): SpecModule {
  const module = MODULES[api];
  if (!module) throw new RangeError(`unknown api ${String(api)}; expected one of ${Object.keys(MODULES).join(", ")}`);
  return module.spec;
}

const DEFAULT_SEED = 1;
const VIOLATIONS_TYPE = "https://stoplight.io/prism/errors#VIOLATIONS";

/**
 * The status of an answer to a request the spec forbids: the operation's documented 400, the status the
 * vendors answer a malformed request with, else the one Prism would pick.
 */
function invalidStatus(operation: OperationFacts): 400 | 422 {
  return operation.responses.some((response) => response.status === "400") ? 400 : invalidRequestStatus(operation);
}

const statusesOf = new WeakMap<OperationFacts, number[]>();

/** The statuses an operation documents, as numbers (`default` left out). */
function documentedStatuses(operation: OperationFacts): number[] {
  let statuses = statusesOf.get(operation);
  if (!statuses) statusesOf.set(operation, (statuses = operation.responses.map((response) => Number(response.status)).filter(Number.isInteger)));
  return statuses;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const module = MODULES[options.api];
  if (!module) throw new RangeError(`unknown api ${String(options.api)}; expected one of ${Object.keys(MODULES).join(", ")}`);
  const spec = options.spec ?? module.spec;
  if (spec.facts.api !== module.spec.facts.api) throw new RangeError(`the spec module given is ${spec.facts.api}'s, not ${options.api}'s`);
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? defaultSleep;
  const delays = { ...DEFAULT_DELAYS, ...options.delays };
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // Paths as a client of the real API sends them (with Exoscale's `/v2`) or as the mock serves them.
  const matcher = createOperationMatcher(spec.facts, { serverPath: true });
  const prefix = spec.facts.serverPathPrefix;
  // `advance(ms)` moves the simulator's own time, over any clock (the real one included).
  let offset = 0;
  // A handler runs at one instant: the time is pinned while it runs (handlers are synchronous), so every
  // `now()` it reads agrees, and a read's answer belongs to exactly one instant (read-cache.ts).
  let pinned: number | undefined;
  const now = (): number => pinned ?? clock.now() + offset;
  const reads = createReadCache();

  let seed = options.seed === undefined ? DEFAULT_SEED : boundedInteger("seed", options.seed, -MAX_SEED, MAX_SEED);
  for (const [kind, ms] of Object.entries(delays)) boundedInteger(`delays.${kind}`, ms, 0, MAX_ADVANCE_MS, " ms");
  for (const [kind, cap] of Object.entries(limits)) boundedInteger(`limits.${kind}`, cap, 0, Number.MAX_SAFE_INTEGER);
  let faultRandom: Random;
  let faults: FaultSettings;
  let context: ApiContext;
  let state: unknown;
  // The memory budget (`limits.storeBytes`): an estimate of the store's size as JSON, the last measure
  // plus every write body since; measured again only when a write would pass the budget.
  let storedBytes = 0;
  const measureStore = (): number => JSON.stringify(module.dump(state, context) ?? null).length;

  const seedStore = (): void => {
    // A separate stream for faults, so that turning them on does not change the ids a scenario generates.
    faultRandom = createRandom(seed ^ 0x5bd1e995);
    context = { now, random: createRandom(seed), delays, limits, seededAt: now() };
    state = module.createState(context);
    storedBytes = measureStore();
  };
  const documentedOperations = spec.facts.operations.map((operation) => ({ operationId: operation.operationId, statuses: documentedStatuses(operation) }));
  const checkedFaults = (settings: FaultSettings): FaultSettings => {
    const valid = validateFaults(settings);
    checkFaultsAgainstSpec(valid, documentedOperations, options.api);
    return valid;
  };
  seedStore();
  faults = checkedFaults({ ...DEFAULT_FAULTS, ...options.faults });

  const control: Simulator["control"] = {
    reset(resetOptions) {
      const next = resetOptions?.seed === undefined ? seed : boundedInteger("seed", resetOptions.seed, -MAX_SEED, MAX_SEED);
      // The seed's state, clock included: whatever was advanced is undone.
      seed = next;
      offset = 0;
      seedStore();
      reads.invalidate();
      faults = { ...DEFAULT_FAULTS };
    },
    advance(ms) {
      boundedInteger("ms", ms, 0, MAX_ADVANCE_MS, " ms");
      if (offset + ms > MAX_CLOCK_OFFSET_MS) {
        throw new ControlInputError("ms", `would move the clock more than ${MAX_CLOCK_OFFSET_MS} ms (100 years) past its source; reset first`);
      }
      offset += ms;
      return isoSeconds(now());
    },
    now,
    dump(): SimulatorState {
      // Views share data with the store: what leaves is a copy.
      return { api: options.api, seed, now: new Date(now()).toISOString(), faults: copyJson(faults), resources: copyJson(module.dump(state, context)) };
    },
    setFaults(partial) {
      faults = checkedFaults({ ...faults, ...partial });
      return copyJson(faults);
    },
    clearFaults() {
      faults = { ...DEFAULT_FAULTS };
      return copyJson(faults);
    },
  };

  /** The one place refusals are answered: the vendor's error body with the problem's status. */
  const answerProblem = (refusal: SimulatorProblem): SimResponse =>
    jsonResponse(refusal.status, module.errorBody({ status: refusal.status, detail: refusal.detail, code: refusal.code }), refusal.headers);

  /** Like Prism with `--errors`: an answer that breaks the spec becomes a 500 naming each violation. */
  const checkAnswer = (operation: OperationFacts, answer: SimResponse): SimResponse => {
    const violations = validateResponse(spec, operation, { status: answer.status, contentType: answer.headers["content-type"], body: answer.body });
    const errors = violations.filter((violation) => violation.severity === "Error");
    if (errors.length === 0) return answer;
    return violationsAnswer(errors);
  };

  // The text of the last answer found valid, per operation, status and content type: the same text again is
  // the same JSON, so it is valid again without a second look (most reads answer what they answered before).
  const validTexts = new Map<OperationFacts, Map<string, string>>();

  /** An answer to an operation as it leaves: sealed, and checked against the spec (`validateAnswers`). */
  const leave = (operation: OperationFacts, answer: SimResponse): SimResponse => {
    const sealed = seal(answer);
    if (!options.validateAnswers) return sealed;
    const text = answerText(sealed);
    const key = `${answer.status} ${answer.headers["content-type"] ?? ""}`;
    if (text !== undefined && validTexts.get(operation)?.get(key) === text) return sealed;
    const checked = checkAnswer(operation, answer);
    if (checked !== answer) return seal(checked);
    if (text !== undefined) {
      let texts = validTexts.get(operation);
      if (!texts) validTexts.set(operation, (texts = new Map()));
      texts.set(key, text);
    }
    return sealed;
  };

  const answerOperation = async (operation: OperationFacts, method: string, request: SimRequest, path: string, params: Record<string, string>, query: URLSearchParams): Promise<SimResponse> => {
    const headers = normaliseHeaders(request.headers);
    const read = readRequest(spec, operation, { pathParams: params, query, headers, body: request.body });
    if (read.violations.length > 0) throw new InvalidRequestProblem(invalidStatus(operation), describeViolations(read.violations), read.violations);
    const wait = drawLatency(faults, faultRandom);
    if (wait > 0) await sleep(wait);
    const faultStatus = drawFault(faults, faultRandom, operation.operationId, documentedStatuses(operation));
    if (faultStatus !== undefined) {
      if (faults.times !== null) faults.times -= 1;
      const documented = operation.responses.find((response) => response.status === String(faultStatus))?.contents[0]?.examples[0]?.value;
      const headers: Record<string, string> = { "x-simulator-fault": "injected" };
      if (faults.retryAfterSeconds !== null) headers["retry-after"] = String(faults.retryAfterSeconds);
      if (documented !== undefined) return leave(operation, jsonResponse(faultStatus, documented, headers));
      throw new SimulatorProblem({ status: faultStatus, code: "error" }, "injected fault", headers);
    }
    const handler = module.handlers[operation.operationId];
    if (!handler) throw problem(SIMULATOR_ERROR, `the simulator has no handler for ${operation.operationId}`);
    const writeBytes = request.body === undefined || method === "GET" ? 0 : (JSON.stringify(request.body) ?? "").length;
    if (writeBytes > 0 && storedBytes + writeBytes > limits.storeBytes) {
      storedBytes = measureStore();
      if (storedBytes + writeBytes > limits.storeBytes) {
        throw problem(
          { status: invalidStatus(operation), code: "quota_exceeded" },
          `the simulator's memory budget is full: the store holds about ${storedBytes} bytes of JSON and this request adds ${writeBytes}, past its limit of ${limits.storeBytes}; delete resources or reset the simulator`,
        );
      }
    }
    storedBytes += writeBytes;
    const call = { operationId: operation.operationId, params: read.parameters.path, query: read.parameters.query, headers, body: request.body } as HandlerCall<unknown>;
    const at = now();
    // A read depends on the store, the request and the time alone (api-module.ts): the same read at the same
    // instant, the store unchanged since, answers the text it answered then, already checked.
    const readKey = operation.method === "GET" && request.body === undefined ? `${operation.operationId} ${path} ${query.toString()} ${JSON.stringify(headers)}` : undefined;
    if (readKey !== undefined) {
      const again = reads.get(readKey, at);
      if (again) return again;
    }
    let answer: ReturnType<typeof handler>;
    pinned = at;
    try {
      answer = handler(state, call, context);
    } finally {
      pinned = undefined;
      // Anything but a read may have changed the store, even when it refused halfway.
      if (readKey === undefined) reads.invalidate();
    }
    // Checked and serialised before anything else runs: a later request cannot change what this one answers.
    const sealed = leave(operation, jsonResponse(answer.status, answer.body, answer.headers));
    const text = readKey === undefined ? undefined : answerText(sealed);
    if (text !== undefined) reads.set(readKey!, at, sealed, text);
    return sealed;
  };

  const handle = async (request: SimRequest): Promise<SimResponse> => {
    const method = (request.method || "GET").toUpperCase();
    const [rawPath = "/", queryString = ""] = (request.path || "/").split("?", 2);
    let path = rawPath.startsWith("/") ? rawPath : `/${rawPath}`;
    if (prefix && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length) || "/";
    const query = normaliseQuery(request.query, queryString);
    if (isControlPath(path)) return answerControlRoute(control, { method, path, query: Object.fromEntries(query), body: request.body });

    const match = matcher.match(method, path);
    let operation: OperationFacts | undefined;
    try {
      if (match.kind === "malformed") throw problem(BAD_REQUEST, `the path ${path} has a malformed percent-escape`);
      if (match.kind === "method-not-allowed") throw problem(METHOD_NOT_ALLOWED, `${method} is not allowed on ${path}`);
      if (match.kind === "not-found") throw problem(NOT_FOUND, `no operation at ${method} ${path}`);
      operation = match.value;
      return await answerOperation(operation, method, request, path, match.params, query);
    } catch (error) {
      if (error instanceof SimulatorProblem) {
        const answer = answerProblem(error);
        return operation ? leave(operation, answer) : seal(answer);
      }
      // A bug of the simulator: the operation's documented 5xx (a client sees a server error), naming it.
      const status = operation?.responses.map((response) => Number(response.status)).find((candidate) => candidate >= 500) ?? 400;
      return seal(answerProblem(new SimulatorProblem({ status, code: "error" }, `simulator error: ${error instanceof Error ? error.message : String(error)}`)));
    }
  };

  const routes = spec.facts.operations.map((operation) => ({
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    statuses: operation.responses.map((response) => Number(response.status)).filter(Number.isInteger),
  }));
  return { api: options.api, handle, control, routes };
}

/** Prism's 500 `VIOLATIONS` problem: what a spec-breaking answer becomes. */
function violationsAnswer(violations: readonly Violation[]): SimResponse {
  return jsonResponse(
    500,
    {
      type: VIOLATIONS_TYPE,
      title: "Request/Response not valid",
      status: 500,
      detail: `The simulator's answer breaks the spec: ${describeViolations(violations)}`,
      validation: violations,
    },
    { "content-type": "application/problem+json", "sl-violations": JSON.stringify(violations) },
  );
}

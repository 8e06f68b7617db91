// The framework-free core: one `handle(request)` that both mounts call (the stateful mock's node:http
// server behind Prism, and MSW handlers in a browser), with the control routes under /__simulator/.
import { isoSeconds, systemClock } from "./clock.ts";
import { exoscaleDbaasValkey } from "./apis/exoscale-dbaas-valkey.ts";
import { kakaocloudRedis } from "./apis/kakaocloud-redis.ts";
import { redisEnterprise } from "./apis/redis-enterprise.ts";
import { createRandom, type Random } from "./random.ts";
import { copyJson, isRecord, jsonResponse } from "./responses.ts";
import { createRouter } from "./router.ts";
import {
  DEFAULT_DELAYS,
  DEFAULT_FAULTS,
  DEFAULT_LIMITS,
  type ApiContext,
  type ApiModule,
  type ApiName,
  type FaultSettings,
  type HandlerCall,
  type SimRequest,
  type SimResponse,
  type Simulator,
  type SimulatorOptions,
  type SimulatorState,
} from "./types.ts";

/** The reserved path prefix of the control routes; no vendor path starts with it. */
export const CONTROL_PREFIX = "/__simulator";

// Each module's state type is its own business; the simulator only passes it back to the module.
const MODULES: Record<ApiName, ApiModule<unknown>> = {
  "kakaocloud-redis": kakaocloudRedis as ApiModule<unknown>,
  "exoscale-dbaas-valkey": exoscaleDbaasValkey as ApiModule<unknown>,
  "redis-enterprise": redisEnterprise as ApiModule<unknown>,
};

const DEFAULT_SEED = 1;

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function firstValue(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === "string" ? value : value?.[0];
}

function normaliseQuery(request: SimRequest, queryString: string): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const [key, value] of new URLSearchParams(queryString)) query[key] ??= value;
  const given = request.query;
  if (given instanceof URLSearchParams) {
    for (const [key, value] of given) query[key] ??= value;
  } else if (given) {
    for (const [key, value] of Object.entries(given)) {
      const first = firstValue(value);
      if (first !== undefined) query[key] ??= first;
    }
  }
  return query;
}

function normaliseHeaders(headers: SimRequest["headers"]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = firstValue(value);
  return out;
}

/** Checks fault settings, throwing a RangeError that names the bad field. */
function validateFaults(faults: FaultSettings): FaultSettings {
  const { latencyMs, errorRate, statuses, retryAfterSeconds, operations } = faults;
  const okLatency =
    (typeof latencyMs === "number" && Number.isFinite(latencyMs) && latencyMs >= 0) ||
    (Array.isArray(latencyMs) && latencyMs.length === 2 && latencyMs.every((n) => typeof n === "number" && n >= 0) && latencyMs[0] <= latencyMs[1]);
  if (!okLatency) throw new RangeError("latencyMs must be a number >= 0 or a [min, max] pair");
  if (typeof errorRate !== "number" || !(errorRate >= 0 && errorRate <= 1)) throw new RangeError("errorRate must be between 0 and 1");
  if (!Array.isArray(statuses) || !statuses.every((s) => Number.isInteger(s) && s >= 400 && s <= 599)) {
    throw new RangeError("statuses must be an array of HTTP error statuses (400-599)");
  }
  if (typeof retryAfterSeconds !== "number" || !(retryAfterSeconds >= 0)) throw new RangeError("retryAfterSeconds must be a number >= 0");
  if (!Array.isArray(operations) || !operations.every((o) => typeof o === "string")) throw new RangeError("operations must be an array of operationIds");
  return { latencyMs: Array.isArray(latencyMs) ? [latencyMs[0], latencyMs[1]] : latencyMs, errorRate, statuses: [...statuses], retryAfterSeconds, operations: [...operations] };
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const module = MODULES[options.api];
  if (!module) throw new RangeError(`unknown api ${String(options.api)}; expected one of ${Object.keys(MODULES).join(", ")}`);
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? defaultSleep;
  const delays = { ...DEFAULT_DELAYS, ...options.delays };
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const router = createRouter(module.generated.routes);
  // `advance(ms)` moves the simulator's own time, over any clock (the real one included).
  let offset = 0;
  const now = (): number => clock.now() + offset;

  let seed = options.seed ?? DEFAULT_SEED;
  let random: Random;
  let faultRandom: Random;
  let faults: FaultSettings;
  let context: ApiContext;
  let state: unknown;

  const seedStore = (): void => {
    random = createRandom(seed);
    // A separate stream, so that turning faults on does not change the ids a scenario generates.
    faultRandom = createRandom(seed ^ 0x5bd1e995);
    context = { now, random, delays, limits, seededAt: now() };
    state = module.createState(context);
  };
  seedStore();
  faults = validateFaults({ ...DEFAULT_FAULTS, ...options.faults });

  const control: Simulator["control"] = {
    reset(resetOptions) {
      if (resetOptions?.seed !== undefined) seed = resetOptions.seed;
      seedStore();
      faults = { ...DEFAULT_FAULTS };
    },
    advance(ms) {
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new RangeError("ms must be a finite number >= 0");
      offset += ms;
      return isoSeconds(now());
    },
    now,
    dump(): SimulatorState {
      return { api: module.name, seed, now: new Date(now()).toISOString(), faults: copyJson(faults), resources: module.dump(state, context) };
    },
    setFaults(partial) {
      faults = validateFaults({ ...faults, ...partial });
      return copyJson(faults);
    },
    clearFaults() {
      faults = { ...DEFAULT_FAULTS };
      return copyJson(faults);
    },
  };

  const controlError = (status: number, message: string): SimResponse => jsonResponse(status, { error: message });

  const handleControl = (method: string, path: string, query: Record<string, string | undefined>, body: unknown): SimResponse => {
    const route = path.slice(CONTROL_PREFIX.length).replace(/\/+$/, "") || "/";
    const bodyRecord = isRecord(body) ? body : {};
    try {
      if (route === "/reset" && method === "POST") {
        const newSeed = query.seed !== undefined ? Number(query.seed) : bodyRecord.seed;
        if (newSeed !== undefined && (typeof newSeed !== "number" || !Number.isInteger(newSeed))) return controlError(400, "seed must be an integer");
        control.reset(newSeed === undefined ? undefined : { seed: newSeed });
        return jsonResponse(200, { reset: true, seed, now: new Date(now()).toISOString() });
      }
      if (route === "/advance" && method === "POST") {
        const ms = query.ms !== undefined ? Number(query.ms) : bodyRecord.ms;
        if (typeof ms !== "number") return controlError(400, "give ms as a query parameter (?ms=5000) or in the body ({\"ms\": 5000})");
        control.advance(ms);
        return jsonResponse(200, { advancedMs: ms, now: new Date(now()).toISOString() });
      }
      if (route === "/state" && method === "GET") return jsonResponse(200, control.dump());
      if (route === "/faults") {
        if (method === "GET") return jsonResponse(200, copyJson(faults));
        if (method === "PUT" || method === "POST") {
          if (!isRecord(body)) return controlError(400, "the body must be a JSON object of fault settings");
          return jsonResponse(200, control.setFaults(body as Partial<FaultSettings>));
        }
        if (method === "DELETE") return jsonResponse(200, control.clearFaults());
      }
      return controlError(404, `no control route ${method} ${path}; see the README of @managed-redis/simulator`);
    } catch (error) {
      return controlError(400, error instanceof Error ? error.message : String(error));
    }
  };

  /** The status of an injected fault, or undefined when this call is not faulted. */
  const drawFault = (operationId: string, documented: number[]): number | undefined => {
    if (faults.errorRate <= 0) return undefined;
    if (faults.operations.length > 0 && !faults.operations.includes(operationId)) return undefined;
    // Draw first, whatever the outcome, so that the sequence of decisions depends only on the calls.
    const draw = faultRandom.next();
    if (draw >= faults.errorRate) return undefined;
    const candidates = faults.statuses.filter((s) => documented.includes(s));
    if (candidates.length > 0) return candidates[faultRandom.int(candidates.length)];
    return documented.find((s) => s >= 500);
  };

  const latency = (): number => {
    const setting = faults.latencyMs;
    if (typeof setting === "number") return setting;
    return setting[0] + Math.floor(faultRandom.next() * (setting[1] - setting[0] + 1));
  };

  const handle = async (request: SimRequest): Promise<SimResponse> => {
    const method = (request.method || "GET").toUpperCase();
    const [rawPath = "/", queryString = ""] = (request.path || "/").split("?", 2);
    let path = rawPath.startsWith("/") ? rawPath : `/${rawPath}`;
    for (const prefix of module.pathPrefixes) {
      if (path === prefix || path.startsWith(`${prefix}/`)) path = path.slice(prefix.length) || "/";
    }
    const query = normaliseQuery(request, queryString);
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) return handleControl(method, path, query, request.body);

    const match = router.match(method, path);
    if (!match) {
      const known = router.hasPath(path);
      return jsonResponse(known ? 405 : 404, module.errorBody(known ? 405 : 404, known ? `${method} is not allowed on ${path}` : `no operation at ${method} ${path}`));
    }
    const { route, params } = match;
    const wait = latency();
    if (wait > 0) await sleep(wait);
    const faultStatus = drawFault(route.operationId, route.statuses);
    if (faultStatus !== undefined) {
      const body = copyJson(module.generated.errorExamples[String(faultStatus)] ?? module.errorBody(faultStatus, "injected fault"));
      return jsonResponse(faultStatus, body, { "retry-after": String(faults.retryAfterSeconds), "x-simulator-fault": "injected" });
    }
    const handler = module.handlers[route.operationId];
    const call: HandlerCall = { operationId: route.operationId, params, query, headers: normaliseHeaders(request.headers), body: request.body };
    try {
      // Handlers are synchronous: between this call and its answer no other request runs, so
      // concurrent requests never interleave inside a change and no write is lost.
      const response = handler
        ? handler(state, call, context)
        : jsonResponse(500, module.errorBody(500, `the simulator has no handler for ${route.operationId}`));
      return { ...response, body: copyJson(response.body) };
    } catch (error) {
      const status = route.statuses.find((s) => s >= 500) ?? 400;
      return jsonResponse(status, module.errorBody(status, `simulator error: ${error instanceof Error ? error.message : String(error)}`));
    }
  };

  return { api: module.name, handle, control, routes: module.generated.routes };
}

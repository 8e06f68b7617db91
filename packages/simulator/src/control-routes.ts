// The control routes, declared once: every mount (the stateful mock, MSW) serves them through
// `simulator.handle`, under the API's own base URL.
//   POST   /__simulator/reset      back to the seed data and the seed's clock (`?seed=N` or `{"seed": N}` for another seed)
//   POST   /__simulator/advance    move the clock (`?ms=5000` or `{"ms": 5000}`)
//   GET    /__simulator/state      the whole store
//   GET    /__simulator/faults     the fault settings; PUT/POST merges into them, DELETE clears them
// Every input is checked against its bounds (control-bounds.ts) before anything changes; a refusal is a
// 400 `{"error": "<field>: <reason>", "field": "<field>"}` and leaves the simulator as it was.
import { ControlInputError, MAX_ADVANCE_MS, MAX_SEED, boundedInteger, onlyKnownFields, queryNumber } from "./control-bounds.ts";
import { isRecord, jsonResponse } from "./json.ts";
import type { FaultSettings } from "./options.ts";
import type { SimResponse, SimulatorControl } from "./types.ts";

/** The reserved path prefix of the control routes; no vendor path starts with it. */
export const CONTROL_PREFIX = "/__simulator";

export function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`) || path.startsWith(`${CONTROL_PREFIX}?`);
}

export interface ControlCall {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  body: unknown;
}

const controlError = (status: number, message: string, field?: string): SimResponse => jsonResponse(status, field === undefined ? { error: message } : { error: message, field });

/** The one input of a route, from the query or the body (not both), with nothing else beside it. */
function singleInput(call: ControlCall, name: string, required: boolean): unknown {
  const body = call.body === undefined || call.body === "" ? {} : call.body;
  if (!isRecord(body)) throw new ControlInputError("body", `must be a JSON object such as {"${name}": …}`);
  onlyKnownFields(`POST ${call.path}`, call.query, [name]);
  onlyKnownFields(`POST ${call.path}`, body, [name]);
  if (call.query[name] !== undefined && body[name] !== undefined) throw new ControlInputError(name, "give it in the query or in the body, not both");
  const value = call.query[name] !== undefined ? queryNumber(call.query[name]) : body[name];
  if (value === undefined && required) throw new ControlInputError(name, `is required: ?${name}=… or {"${name}": …}`);
  return value;
}

export function answerControlRoute(control: SimulatorControl, call: ControlCall): SimResponse {
  const { method, body } = call;
  const route = call.path.slice(CONTROL_PREFIX.length).replace(/\/+$/, "") || "/";
  try {
    if (route === "/reset" && method === "POST") {
      const given = singleInput(call, "seed", false);
      const seed = given === undefined ? undefined : boundedInteger("seed", given, -MAX_SEED, MAX_SEED);
      control.reset(seed === undefined ? undefined : { seed });
      const state = control.dump();
      return jsonResponse(200, { reset: true, seed: state.seed, now: state.now });
    }
    if (route === "/advance" && method === "POST") {
      const ms = boundedInteger("ms", singleInput(call, "ms", true), 0, MAX_ADVANCE_MS, " ms");
      control.advance(ms);
      return jsonResponse(200, { advancedMs: ms, now: new Date(control.now()).toISOString() });
    }
    if (route === "/state" && method === "GET") return jsonResponse(200, control.dump());
    if (route === "/faults") {
      if (method === "GET") return jsonResponse(200, control.dump().faults);
      if (method === "PUT" || method === "POST") {
        if (!isRecord(body)) throw new ControlInputError("body", "must be a JSON object of fault settings");
        return jsonResponse(200, control.setFaults(body as Partial<FaultSettings>));
      }
      if (method === "DELETE") return jsonResponse(200, control.clearFaults());
    }
    return controlError(404, `no control route ${method} ${call.path}; see the README of @managed-redis/simulator`);
  } catch (error) {
    if (error instanceof ControlInputError) return controlError(400, error.message, error.field);
    return controlError(400, error instanceof Error ? error.message : String(error));
  }
}

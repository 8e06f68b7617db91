// The control routes, declared once: every mount (the stateful mock, MSW) serves them through
// `simulator.handle`, under the API's own base URL.
//   POST   /__simulator/reset      back to the seed data (`?seed=N` or `{"seed": N}` for another seed)
//   POST   /__simulator/advance    move the clock (`?ms=5000` or `{"ms": 5000}`)
//   GET    /__simulator/state      the whole store
//   GET    /__simulator/faults     the fault settings; PUT/POST merges into them, DELETE clears them
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

const controlError = (status: number, message: string): SimResponse => jsonResponse(status, { error: message });

export function answerControlRoute(control: SimulatorControl, call: ControlCall): SimResponse {
  const { method, query, body } = call;
  const route = call.path.slice(CONTROL_PREFIX.length).replace(/\/+$/, "") || "/";
  const bodyRecord = isRecord(body) ? body : {};
  try {
    if (route === "/reset" && method === "POST") {
      const seed = query.seed !== undefined ? Number(query.seed) : bodyRecord.seed;
      if (seed !== undefined && (typeof seed !== "number" || !Number.isInteger(seed))) return controlError(400, "seed must be an integer");
      control.reset(seed === undefined ? undefined : { seed });
      const state = control.dump();
      return jsonResponse(200, { reset: true, seed: state.seed, now: state.now });
    }
    if (route === "/advance" && method === "POST") {
      const ms = query.ms !== undefined ? Number(query.ms) : bodyRecord.ms;
      if (typeof ms !== "number") return controlError(400, 'give ms as a query parameter (?ms=5000) or in the body ({"ms": 5000})');
      control.advance(ms);
      return jsonResponse(200, { advancedMs: ms, now: new Date(control.now()).toISOString() });
    }
    if (route === "/state" && method === "GET") return jsonResponse(200, control.dump());
    if (route === "/faults") {
      if (method === "GET") return jsonResponse(200, control.dump().faults);
      if (method === "PUT" || method === "POST") {
        if (!isRecord(body)) return controlError(400, "the body must be a JSON object of fault settings");
        return jsonResponse(200, control.setFaults(body as Partial<FaultSettings>));
      }
      if (method === "DELETE") return jsonResponse(200, control.clearFaults());
    }
    return controlError(404, `no control route ${method} ${call.path}; see the README of @managed-redis/simulator`);
  } catch (error) {
    return controlError(400, error instanceof Error ? error.message : String(error));
  }
}

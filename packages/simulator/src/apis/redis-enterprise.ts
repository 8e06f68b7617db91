// Redis Enterprise Software: the services of a node, stopped, started and restarted by operation_type.
//
// The simulator is a single-node cluster: the local node is the primary, so POST /v1/local/services and
// POST /v1/services act on the same services.
//   stop     STOPPED at once (the vendor has no stopping state); start_time and uptime disappear
//   start    STARTING → RUNNING   (delays.serviceStart); a running service stays RUNNING
//   restart  RESTARTING → RUNNING (delays.serviceRestart)
// The answer maps each requested service to `true`; a service the node does not run answers `false`
// (the operation failed for it) and is not added.
import { isoSeconds } from "../clock.ts";
import { generated } from "../generated/redis-enterprise.ts";
import { stateAt, transition, type Lifecycle } from "../lifecycle.ts";
import { copyJson, isRecord, jsonResponse } from "../responses.ts";
import type { ApiContext, ApiModule, HandlerCall, SimResponse } from "../types.ts";

type Status = "RESTARTING" | "RUNNING" | "STARTING" | "STOPPED";

interface NodeService {
  life: Lifecycle<Status>;
  /** RFC 3339 start time, shown unless stopped. */
  startTime: string | undefined;
  /** Uptime at `since` (ms), which grows with the clock from there. */
  uptimeBaseSeconds: number;
  since: number;
}

export interface RedisEnterpriseState {
  services: Map<string, NodeService>;
}

const OPERATIONS = ["stop", "start", "restart"] as const;

function parseUptime(text: unknown): number {
  if (typeof text !== "string") return 0;
  const match = /^(?:(\d+) days?, )?(\d+):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return 0;
  return Number(match[1] ?? 0) * 86400 + Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
}

/** The vendor's display format: `3 days, 0:58:59`, `1 day, 2:03:04` or `0:00:05`. */
export function formatUptime(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  const s = String(seconds % 60).padStart(2, "0");
  const clock = `${h}:${m}:${s}`;
  return days === 0 ? clock : `${days} day${days === 1 ? "" : "s"}, ${clock}`;
}

function createState(context: ApiContext): RedisEnterpriseState {
  const example = copyJson(generated.examples["listLocalServices.running"]) as Record<string, Record<string, unknown>>;
  const services = new Map<string, NodeService>();
  for (const [name, entry] of Object.entries(example)) {
    const status = (typeof entry.status === "string" ? entry.status : "RUNNING") as Status;
    const life: Lifecycle<Status> = { settled: status === "STOPPED" ? "STOPPED" : "RUNNING" };
    if (status === "STARTING" || status === "RESTARTING") {
      transition(life, status, context.seededAt, status === "STARTING" ? context.delays.serviceStart : context.delays.serviceRestart, "RUNNING");
    }
    services.set(name, {
      life,
      startTime: typeof entry.start_time === "string" ? entry.start_time : undefined,
      uptimeBaseSeconds: parseUptime(entry.uptime),
      since: context.seededAt,
    });
  }
  return { services };
}

function serviceView(service: NodeService, now: number): Record<string, unknown> {
  const status = stateAt(service.life, now);
  if (status === "STOPPED") return { status };
  const view: Record<string, unknown> = {};
  if (service.startTime !== undefined) view.start_time = service.startTime;
  view.status = status;
  if (status === "RUNNING") view.uptime = formatUptime(service.uptimeBaseSeconds + (now - service.since) / 1000);
  return view;
}

function listView(state: RedisEnterpriseState, now: number): Record<string, unknown> {
  return Object.fromEntries([...state.services].map(([name, service]) => [name, serviceView(service, now)]));
}

function error(status: number, description: string, code: string): SimResponse {
  return jsonResponse(status, { error_code: code, description });
}

function operate(state: RedisEnterpriseState, call: HandlerCall, context: ApiContext): SimResponse {
  const body = call.body;
  if (!isRecord(body)) return error(400, "The request body must be a JSON object with operation_type and services.", "invalid_request");
  const operation = body.operation_type;
  if (typeof operation !== "string" || !(OPERATIONS as readonly string[]).includes(operation)) {
    return error(400, "operation_type must be one of stop, start or restart.", "invalid_request");
  }
  const names = body.services;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === "string" && n.length > 0)) {
    return error(400, "services must be a non-empty array of service names.", "invalid_request");
  }
  const unknownFields = Object.keys(body).filter((key) => key !== "operation_type" && key !== "services");
  if (unknownFields.length > 0) return error(400, `Unknown field(s): ${unknownFields.join(", ")}.`, "invalid_request");
  const now = context.now();
  const result: Record<string, boolean> = {};
  for (const name of names as string[]) {
    const service = state.services.get(name);
    if (!service) {
      result[name] = false;
      continue;
    }
    const current = stateAt(service.life, now);
    if (operation === "stop") {
      transition(service.life, "STOPPED", now, 0, "STOPPED");
      service.startTime = undefined;
    } else if (operation === "start" && current === "RUNNING") {
      // Starting a running service succeeds and changes nothing.
    } else if (operation === "start" && current === "STARTING") {
      // Already on its way up.
    } else {
      const starting = operation === "start" ? "STARTING" : "RESTARTING";
      const ms = operation === "start" ? context.delays.serviceStart : context.delays.serviceRestart;
      transition(service.life, starting, now, ms, "RUNNING");
      service.startTime = isoSeconds(now + ms);
      service.uptimeBaseSeconds = 0;
      service.since = now + ms;
    }
    result[name] = true;
  }
  return jsonResponse(200, result);
}

const handlers: ApiModule<RedisEnterpriseState>["handlers"] = {
  listLocalServices: (state, _call, context) => jsonResponse(200, listView(state, context.now())),
  updateLocalServices: operate,
  updatePrimaryNodeServices: operate,
};

export const redisEnterprise: ApiModule<RedisEnterpriseState> = {
  name: "redis-enterprise",
  generated,
  pathPrefixes: [],
  createState,
  handlers,
  errorBody: (status, description) => ({ error_code: status === 404 ? "not_found" : "error", description }),
  dump: (state, context) => ({ services: listView(state, context.now()) }),
};

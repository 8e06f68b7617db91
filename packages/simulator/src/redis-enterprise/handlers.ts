// Redis Enterprise Software: the services of a node, stopped, started and restarted by operation_type.
// POST /v1/local/services and POST /v1/services act on the same services (a single-node cluster).
//   stop     STOPPED at once (the vendor has no stopping state); start_time and uptime disappear
//   start    STARTING → RUNNING   (delays.serviceStart); a running service stays RUNNING
//   restart  RESTARTING → RUNNING (delays.serviceRestart)
// The answer maps each requested service to `true`; a service the node does not run answers `false`
// (the operation failed for it) and is not added.
import type { components, operations } from "@managed-redis/redis-enterprise";
import type { ApiContext, ApiModule } from "../api-module.ts";
import { isoSeconds } from "../clock.ts";
import { stateAt, transition } from "../lifecycle.ts";
import type { RedisEnterpriseState } from "./state.ts";
import { listView } from "./views.ts";

function operate(state: RedisEnterpriseState, request: components["schemas"]["ServicesOperationRequest"], context: ApiContext) {
  const now = context.now();
  const result: components["schemas"]["ServicesOperationResult"] = {};
  for (const name of request.services) {
    const service = state.services.get(name);
    if (!service) {
      result[name] = false;
      continue;
    }
    const current = stateAt(service.life, now);
    if (request.operation_type === "stop") {
      transition(service.life, "STOPPED", now, 0, "STOPPED");
      service.startTime = undefined;
    } else if (request.operation_type === "start" && (current === "RUNNING" || current === "STARTING")) {
      // Starting a running service, or one on its way up, succeeds and changes nothing.
    } else {
      const starting = request.operation_type === "start" ? "STARTING" : "RESTARTING";
      const ms = request.operation_type === "start" ? context.delays.serviceStart : context.delays.serviceRestart;
      transition(service.life, starting, now, ms, "RUNNING");
      service.startTime = isoSeconds(now + ms);
      service.uptimeBaseSeconds = 0;
      service.since = now + ms;
    }
    result[name] = true;
  }
  return { status: 200 as const, body: result };
}

export const handlers: ApiModule<RedisEnterpriseState, operations>["handlers"] = {
  listLocalServices: (state, _call, context) => ({ status: 200, body: listView(state, context.now()) }),
  updateLocalServices: (state, call, context) => operate(state, call.body, context),
  updatePrimaryNodeServices: (state, call, context) => operate(state, call.body, context),
};

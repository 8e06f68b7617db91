// Redis Enterprise Software: the services as the API shows them at a moment.
import type { components } from "@managed-redis/redis-enterprise";
import { stateAt } from "../lifecycle.ts";
import type { NodeService, RedisEnterpriseState, ServiceStatus } from "./state.ts";
import { formatUptime } from "./uptime.ts";

export function serviceView(service: NodeService, now: number): ServiceStatus {
  const status = stateAt(service.life, now);
  if (status === "STOPPED") return { status };
  // Built key by key (not by spreading optional parts): this view is made for every service on every read.
  const view: ServiceStatus = service.startTime !== undefined ? { start_time: service.startTime, status } : { status };
  if (status === "RUNNING") view.uptime = formatUptime(service.uptimeBaseSeconds + (now - service.since) / 1000);
  return view;
}

export function listView(state: RedisEnterpriseState, now: number): components["schemas"]["LocalServices"] {
  return Object.fromEntries([...state.services].map(([name, service]) => [name, serviceView(service, now)]));
}

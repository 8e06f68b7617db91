// Redis Enterprise Software: the services of the simulated node and their seed, the document's services.
// The simulator is a single-node cluster: the local node is the primary.
import type { components } from "@managed-redis/redis-enterprise";
import { spec } from "@managed-redis/spec-facts/apis/redis-enterprise";
import type { ApiContext } from "../api-module.ts";
import { copyJson } from "../json.ts";
import { transition, type Lifecycle } from "../lifecycle.ts";
import { parseUptime } from "./uptime.ts";

export type ServiceStatus = components["schemas"]["ServiceStatus"];
export type Status = ServiceStatus["status"];

export interface NodeService {
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

function seedServices(): components["schemas"]["LocalServices"] {
  const operation = spec.facts.operations.find((candidate) => candidate.operationId === "listLocalServices");
  const value = operation?.responses.find((response) => response.status === "200")?.contents[0]?.examples.find((example) => example.key === "running")?.value;
  if (value === undefined) throw new Error("the redis-enterprise spec has no example listLocalServices.running");
  return copyJson(value) as components["schemas"]["LocalServices"];
}

export function createState(context: ApiContext): RedisEnterpriseState {
  const services = new Map<string, NodeService>();
  for (const [name, entry] of Object.entries(seedServices())) {
    const life: Lifecycle<Status> = { settled: entry.status === "STOPPED" ? "STOPPED" : "RUNNING" };
    if (entry.status === "STARTING" || entry.status === "RESTARTING") {
      transition(life, entry.status, context.seededAt, entry.status === "STARTING" ? context.delays.serviceStart : context.delays.serviceRestart, "RUNNING");
    }
    services.set(name, { life, startTime: entry.start_time, uptimeBaseSeconds: parseUptime(entry.uptime), since: context.seededAt });
  }
  return { services };
}

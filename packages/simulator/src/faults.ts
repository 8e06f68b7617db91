// Fault injection: latency before an answer, and a share of answers replaced by a documented error.
import type { Random } from "./random.ts";
import type { FaultSettings } from "./options.ts";

/** Checks fault settings, throwing a RangeError that names the bad field. */
export function validateFaults(faults: FaultSettings): FaultSettings {
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

/** The status of an injected fault, or undefined when this call is not faulted. */
export function drawFault(faults: FaultSettings, random: Random, operationId: string, documented: readonly number[]): number | undefined {
  if (faults.errorRate <= 0) return undefined;
  if (faults.operations.length > 0 && !faults.operations.includes(operationId)) return undefined;
  // Draw first, whatever the outcome, so that the sequence of decisions depends only on the calls.
  const draw = random.next();
  if (draw >= faults.errorRate) return undefined;
  const candidates = faults.statuses.filter((s) => documented.includes(s));
  if (candidates.length > 0) return candidates[random.int(candidates.length)];
  return documented.find((s) => s >= 500);
}

export function drawLatency(faults: FaultSettings, random: Random): number {
  const setting = faults.latencyMs;
  if (typeof setting === "number") return setting;
  return setting[0] + Math.floor(random.next() * (setting[1] - setting[0] + 1));
}

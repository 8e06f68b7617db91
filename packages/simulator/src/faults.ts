// Fault injection: latency before an answer, and a share of answers replaced by a documented error.
import { ControlInputError, MAX_FAULT_STATUSES, MAX_LATENCY_MS, MAX_RETRY_AFTER_SECONDS, boundedInteger, onlyKnownFields } from "./control-bounds.ts";
import type { Random } from "./random.ts";
import type { FaultSettings } from "./options.ts";

const FAULT_FIELDS = ["latencyMs", "errorRate", "statuses", "retryAfterSeconds", "operations"] as const;

/**
 * Checks fault settings against their bounds (control-bounds.ts), throwing a `ControlInputError` that
 * names the field and the reason. `operationIds`: the operations of the API, which `operations` must name.
 */
export function validateFaults(faults: FaultSettings, operationIds?: readonly string[]): FaultSettings {
  onlyKnownFields("the fault settings", faults as unknown as Record<string, unknown>, FAULT_FIELDS);
  const { latencyMs, errorRate, statuses, retryAfterSeconds, operations } = faults;
  let latency: FaultSettings["latencyMs"];
  if (Array.isArray(latencyMs)) {
    if (latencyMs.length !== 2) throw new ControlInputError("latencyMs", `must be a number of ms or a [min, max] pair; got ${latencyMs.length} values`);
    const min = boundedInteger("latencyMs[0]", latencyMs[0], 0, MAX_LATENCY_MS, " ms");
    const max = boundedInteger("latencyMs[1]", latencyMs[1], 0, MAX_LATENCY_MS, " ms");
    if (min > max) throw new ControlInputError("latencyMs", `the minimum ${min} is above the maximum ${max}`);
    latency = [min, max];
  } else {
    latency = boundedInteger("latencyMs", latencyMs, 0, MAX_LATENCY_MS, " ms");
  }
  if (typeof errorRate !== "number" || !(errorRate >= 0 && errorRate <= 1)) throw new ControlInputError("errorRate", `must be a number from 0 to 1; got ${JSON.stringify(errorRate) ?? String(errorRate)}`);
  if (!Array.isArray(statuses) || statuses.length > MAX_FAULT_STATUSES) {
    throw new ControlInputError("statuses", `must be an array of at most ${MAX_FAULT_STATUSES} HTTP error statuses (400-599)`);
  }
  statuses.forEach((status, index) => boundedInteger(`statuses[${index}]`, status, 400, 599));
  const retryAfter = boundedInteger("retryAfterSeconds", retryAfterSeconds, 0, MAX_RETRY_AFTER_SECONDS, " s");
  if (!Array.isArray(operations)) throw new ControlInputError("operations", "must be an array of operationIds");
  operations.forEach((operation, index) => {
    if (typeof operation !== "string") throw new ControlInputError(`operations[${index}]`, "must be an operationId (a string)");
    if (operationIds && !operationIds.includes(operation)) throw new ControlInputError(`operations[${index}]`, `${JSON.stringify(operation.slice(0, 80))} is not an operationId of this API`);
  });
  return { latencyMs: latency, errorRate, statuses: [...statuses], retryAfterSeconds: retryAfter, operations: [...new Set(operations)] };
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

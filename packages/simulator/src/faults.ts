// Fault injection: latency before an answer, and a share (or a count) of answers replaced by a documented error.
import { ControlInputError, MAX_FAULT_STATUSES, MAX_FAULT_TIMES, MAX_LATENCY_MS, MAX_RETRY_AFTER_SECONDS, boundedInteger, onlyKnownFields } from "./control-bounds.ts";
import type { Random } from "./random.ts";
import type { FaultSettings } from "./options.ts";

const FIELDS: readonly (keyof FaultSettings)[] = ["latencyMs", "errorRate", "times", "statuses", "retryAfterSeconds", "operations"];

/**
 * Checks fault settings against their bounds (control-bounds.ts), throwing a `ControlInputError` (a
 * RangeError whose message starts with the field's name) that names the field and the reason.
 */
export function validateFaults(faults: FaultSettings): FaultSettings {
  onlyKnownFields("the fault settings", faults as unknown as Record<string, unknown>, FIELDS);
  const { latencyMs, errorRate, times, statuses, retryAfterSeconds, operations } = faults;
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
  if (times !== null) boundedInteger("times", times, 0, MAX_FAULT_TIMES, ", or null for no limit");
  if (!Array.isArray(statuses) || statuses.length === 0 || statuses.length > MAX_FAULT_STATUSES) {
    throw new ControlInputError("statuses", `must be a non-empty array of at most ${MAX_FAULT_STATUSES} HTTP error statuses (400-599)`);
  }
  statuses.forEach((status, index) => boundedInteger(`statuses[${index}]`, status, 400, 599));
  if (retryAfterSeconds !== null) boundedInteger("retryAfterSeconds", retryAfterSeconds, 0, MAX_RETRY_AFTER_SECONDS, " s, or null to send no Retry-After");
  if (!Array.isArray(operations)) throw new ControlInputError("operations", "must be an array of operationIds");
  operations.forEach((operation, index) => {
    if (typeof operation !== "string") throw new ControlInputError(`operations[${index}]`, "must be an operationId (a string)");
  });
  return {
    latencyMs: latency,
    errorRate,
    times,
    statuses: [...statuses],
    retryAfterSeconds,
    operations: [...new Set(operations)],
  };
}

/** What the spec says each operation may answer: its operationId and documented statuses. */
export interface DocumentedOperation {
  operationId: string;
  statuses: readonly number[];
}

/**
 * Checks fault settings against the API's spec: every operation named exists and documents at least one
 * of `statuses` (with none named, some operation does), so that an injected answer is always one the
 * vendor documents. Throws a `ControlInputError` naming the field.
 */
export function checkFaultsAgainstSpec(faults: FaultSettings, operations: readonly DocumentedOperation[], api: string): void {
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const unknown = faults.operations.findIndex((id) => !byId.has(id));
  if (unknown >= 0) throw new ControlInputError(`operations[${unknown}]`, `${JSON.stringify(faults.operations[unknown]!.slice(0, 80))} is not an operation of ${api}`);
  const documentsOne = (operation: DocumentedOperation) => faults.statuses.some((status) => operation.statuses.includes(status));
  const asked = faults.statuses.join(", ");
  if (faults.operations.length > 0) {
    const missing = faults.operations.filter((id) => !documentsOne(byId.get(id)!));
    if (missing.length > 0) throw new ControlInputError("statuses", `${missing.join(", ")} documents none of ${asked} in the ${api} spec`);
  } else if (!operations.some(documentsOne)) {
    throw new ControlInputError("statuses", `no operation of the ${api} spec documents any of ${asked}`);
  }
}

/** The status of an injected fault, or undefined when this call is not faulted. */
export function drawFault(faults: FaultSettings, random: Random, operationId: string, documented: readonly number[]): number | undefined {
  if (faults.times !== null && faults.times <= 0) return undefined;
  const rate = faults.errorRate > 0 ? faults.errorRate : faults.times !== null ? 1 : 0;
  if (rate <= 0) return undefined;
  if (faults.operations.length > 0 && !faults.operations.includes(operationId)) return undefined;
  // Draw first, whatever the outcome, so that the sequence of decisions depends only on the calls.
  const draw = random.next();
  if (draw >= rate) return undefined;
  const candidates = faults.statuses.filter((s) => documented.includes(s));
  if (candidates.length > 0) return candidates[random.int(candidates.length)];
  return documented.find((s) => s >= 500);
}

export function drawLatency(faults: FaultSettings, random: Random): number {
  const setting = faults.latencyMs;
  if (typeof setting === "number") return setting;
  return setting[0] + Math.floor(random.next() * (setting[1] - setting[0] + 1));
}

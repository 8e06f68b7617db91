// Fault injection: latency before an answer, and a share (or a count) of answers replaced by a documented error.
import type { Random } from "./random.ts";
import type { FaultSettings } from "./options.ts";

const FIELDS: readonly (keyof FaultSettings)[] = ["latencyMs", "errorRate", "times", "statuses", "retryAfterSeconds", "operations"];

/** Checks fault settings, throwing a RangeError that starts with the bad field's name. */
export function validateFaults(faults: FaultSettings): FaultSettings {
  const unknown = Object.keys(faults).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) throw new RangeError(`${unknown[0]} is not a fault setting; the settings are ${FIELDS.join(", ")}`);
  const { latencyMs, errorRate, times, statuses, retryAfterSeconds, operations } = faults;
  const okLatency =
    (typeof latencyMs === "number" && Number.isFinite(latencyMs) && latencyMs >= 0) ||
    (Array.isArray(latencyMs) && latencyMs.length === 2 && latencyMs.every((n) => typeof n === "number" && Number.isFinite(n) && n >= 0) && latencyMs[0] <= latencyMs[1]);
  if (!okLatency) throw new RangeError("latencyMs must be a number >= 0 or a [min, max] pair");
  if (typeof errorRate !== "number" || !(errorRate >= 0 && errorRate <= 1)) throw new RangeError("errorRate must be between 0 and 1");
  if (times !== null && !(Number.isInteger(times) && (times as number) >= 0)) throw new RangeError("times must be a whole number >= 0, or null for no limit");
  if (!Array.isArray(statuses) || statuses.length === 0 || !statuses.every((s) => Number.isInteger(s) && s >= 400 && s <= 599)) {
    throw new RangeError("statuses must be a non-empty array of HTTP error statuses (400-599)");
  }
  if (retryAfterSeconds !== null && (typeof retryAfterSeconds !== "number" || !Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0)) {
    throw new RangeError("retryAfterSeconds must be a whole number of seconds >= 0, or null to send no Retry-After");
  }
  if (!Array.isArray(operations) || !operations.every((o) => typeof o === "string")) throw new RangeError("operations must be an array of operationIds");
  return {
    latencyMs: Array.isArray(latencyMs) ? [latencyMs[0], latencyMs[1]] : latencyMs,
    errorRate,
    times,
    statuses: [...statuses],
    retryAfterSeconds,
    operations: [...operations],
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
 * vendor documents. Throws a RangeError starting with the field's name.
 */
export function checkFaultsAgainstSpec(faults: FaultSettings, operations: readonly DocumentedOperation[], api: string): void {
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const unknown = faults.operations.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new RangeError(`operations: ${unknown.join(", ")} ${unknown.length === 1 ? "is not an operation" : "are not operations"} of ${api}`);
  const documentsOne = (operation: DocumentedOperation) => faults.statuses.some((status) => operation.statuses.includes(status));
  const asked = faults.statuses.join(", ");
  if (faults.operations.length > 0) {
    const missing = faults.operations.filter((id) => !documentsOne(byId.get(id)!));
    if (missing.length > 0) throw new RangeError(`statuses: ${missing.join(", ")} documents none of ${asked} in the ${api} spec`);
  } else if (!operations.some(documentsOne)) {
    throw new RangeError(`statuses: no operation of the ${api} spec documents any of ${asked}`);
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

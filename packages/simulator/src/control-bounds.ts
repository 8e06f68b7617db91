// The bounds of every control input, in one place (the README quotes them). An input outside them is
// refused with a `ControlInputError` naming the field and the reason, before anything changes: a
// rejected call leaves the clock, the store, the seed and the faults as they were.

/** The most one `advance` moves the clock: 366 days. */
export const MAX_ADVANCE_MS = 366 * 24 * 60 * 60 * 1000;
/** The most the clock may be ahead of its source in all: 100 years, so every date stays a valid RFC 3339 one. */
export const MAX_CLOCK_OFFSET_MS = 100 * 365 * 24 * 60 * 60 * 1000;
/** Seeds are integers of at most 32 bits (the PRNG's state), negative ones included. */
export const MAX_SEED = 0xffff_ffff;
/** The longest injected latency: 30 s (and a shutdown never waits for it). */
export const MAX_LATENCY_MS = 30_000;
/** The longest `Retry-After` of an injected fault: one hour. */
export const MAX_RETRY_AFTER_SECONDS = 3600;
/** The most faults a `times` count may ask for. */
export const MAX_FAULT_TIMES = 1_000_000;
/** At most this many statuses to draw injected faults from. */
export const MAX_FAULT_STATUSES = 20;

export class ControlInputError extends RangeError {
  override readonly name = "ControlInputError";
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const shown = (value: unknown): string => {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

/** A query parameter's text as a number when it is written in decimal digits; anything else as it is, to be refused. */
export function queryNumber(value: string | undefined): unknown {
  return value !== undefined && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
}

/** A whole number (a JSON number) from `min` to `max`. */
export function boundedInteger(field: string, value: unknown, min: number, max: number, unit = ""): number {
  const number = typeof value === "number" ? value : undefined;
  const range = `an integer from ${min} to ${max}${unit}`;
  if (number === undefined || !Number.isSafeInteger(number)) throw new ControlInputError(field, `must be ${range}; got ${shown(value)}`);
  if (number < min || number > max) throw new ControlInputError(field, `must be ${range}; got ${shown(value)}`);
  return number;
}

/** Refuses members of a control body (or query) that the route does not read: a typo changes nothing silently. */
export function onlyKnownFields(where: string, record: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(record).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new ControlInputError(unknown[0]!, `is not a field of ${where}; known: ${known.join(", ")}`);
}

// The simulator never sets a timer: every lifecycle state is computed from timestamps when it is read,
// so a test moves time with `advance(ms)` instead of sleeping, and there is nothing to leak or cancel.

/** A source of the current time, in milliseconds since the Unix epoch. */
export interface Clock {
  now(): number;
}

/** The real time (`Date.now()`); the default clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until it is told to move: for tests and reproducible demos. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock to an absolute time (milliseconds since the epoch, or an ISO 8601 string). */
  set(time: number | string): void;
}

/** The default start of a manual clock: a fixed moment, so that generated timestamps are reproducible. */
export const MANUAL_CLOCK_START = Date.UTC(2025, 0, 1, 0, 0, 0);

export function createManualClock(start: number | string = MANUAL_CLOCK_START): ManualClock {
  let current = typeof start === "string" ? Date.parse(start) : start;
  return {
    now: () => current,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
      current += ms;
    },
    set(time: number | string) {
      current = typeof time === "string" ? Date.parse(time) : time;
    },
  };
}

/** RFC 3339 in UTC without fractional seconds, as the vendors' examples write it (`2024-03-06T02:35:13Z`). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

import { InvalidOptionError } from "./invalid-option-error.js";
import { sleep } from "./retry-policy.js";

/** Options of every waiter (`waitForServiceState`, `waitForClusterStatus`, ...). */
export interface WaitOptions {
  /** The overall deadline: give up after this many milliseconds. Default 30 minutes: creating a cluster takes several. */
  timeoutMs?: number;
  /** The first (and shortest) pause between two polls, in milliseconds. Default 2 000. */
  intervalMs?: number;
  /** The longest pause between two polls, in milliseconds; pauses grow by half each time up to it. Default 30 000. */
  maxIntervalMs?: number;
  /**
   * How much each pause varies at random, from 0 (exactly the interval) to 1 (anywhere from 0 to twice the
   * interval), so that many waiters started together do not poll together. Default 0.2 (±20 %).
   */
  jitter?: number;
  /** Cancels the wait (and the poll in flight): the waiter rejects with the signal's reason. */
  signal?: AbortSignal;
}

export type WaiterFailure = "timeout" | "failed" | "gone";

/** A waiter that stopped without reaching the wanted state: timed out, failed state, or resource gone. */
export class WaiterError extends Error {
  override readonly name = "WaiterError";
  readonly reason: WaiterFailure;
  /** The last state seen, when one was seen. */
  readonly lastState: string | undefined;

  constructor(reason: WaiterFailure, message: string, lastState?: string) {
    super(message);
    this.reason = reason;
    this.lastState = lastState;
  }
}

/** One look at the resource: the wanted value, or the state it is in now. */
export type PollOutcome<T> = { done: true; value: T } | { done: false; state?: string };

interface WaitSettings {
  timeoutMs: number;
  intervalMs: number;
  maxIntervalMs: number;
  jitter: number;
}

/** The waiter's settings with their defaults; an InvalidOptionError names a bad one. */
export function resolveWaitOptions(options: WaitOptions): WaitSettings {
  const settings = {
    timeoutMs: options.timeoutMs ?? 30 * 60_000,
    intervalMs: options.intervalMs ?? 2_000,
    maxIntervalMs: options.maxIntervalMs ?? Math.max(30_000, options.intervalMs ?? 0),
    jitter: options.jitter ?? 0.2,
  };
  for (const key of ["timeoutMs", "intervalMs", "maxIntervalMs"] as const) {
    if (typeof settings[key] !== "number" || !Number.isFinite(settings[key]) || settings[key] < 0) {
      throw new InvalidOptionError(key, "it must be a number of milliseconds ≥ 0");
    }
  }
  if (settings.maxIntervalMs < settings.intervalMs) {
    throw new InvalidOptionError("maxIntervalMs", `it must be at least intervalMs (${settings.intervalMs})`);
  }
  if (typeof settings.jitter !== "number" || !(settings.jitter >= 0 && settings.jitter <= 1)) {
    throw new InvalidOptionError("jitter", "it must be a number from 0 to 1");
  }
  return settings;
}

/**
 * Calls `poll` until it reports done, pausing with a growing, jittered interval between `intervalMs` and
 * `maxIntervalMs`. `poll` throws (e.g. a WaiterError "failed" or "gone") to stop early. Rejects with a
 * WaiterError "timeout" naming the last state after `timeoutMs` (a poll in flight then is cancelled), or
 * with the signal's reason when aborted. Timers are plain `setTimeout`s, so fake timers drive it in tests.
 */
export async function pollUntil<T>(
  poll: (signal: AbortSignal) => Promise<PollOutcome<T>>,
  describe: string,
  options: WaitOptions = {},
): Promise<T> {
  const { timeoutMs, intervalMs, maxIntervalMs, jitter } = resolveWaitOptions(options);
  const callerSignal = options.signal;
  if (callerSignal?.aborted) throw callerSignal.reason;
  let lastState: string | undefined;
  const timedOut = () =>
    new WaiterError("timeout", `Timed out after ${timeoutMs} ms waiting for ${describe}${lastState ? ` (last state: ${lastState})` : ""}`, lastState);

  const controller = new AbortController();
  const deadline = Date.now() + timeoutMs;
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException("The wait timed out.", "TimeoutError"));
  }, timeoutMs);
  (timer as { unref?: () => void }).unref?.();
  const onAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onAbort, { once: true });
  const signal = controller.signal;

  try {
    let interval = intervalMs;
    for (;;) {
      let outcome: PollOutcome<T>;
      try {
        outcome = await poll(signal);
      } catch (error) {
        if (expired && !callerSignal?.aborted) throw timedOut();
        throw error;
      }
      if (outcome.done) return outcome.value;
      lastState = outcome.state ?? lastState;
      const jittered = interval * (1 - jitter + Math.random() * 2 * jitter);
      const pause = Math.min(maxIntervalMs, jittered, Math.max(0, deadline - Date.now()));
      try {
        await sleep(pause, signal);
      } catch (error) {
        if (expired && !callerSignal?.aborted) throw timedOut();
        throw error;
      }
      if (expired || Date.now() >= deadline) throw timedOut();
      interval = Math.min(maxIntervalMs, interval * 1.5);
    }
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onAbort);
  }
}

/** What a state waiter waits on, for its messages: `{ what: "Cluster c1", stateWord: "status" }`. */
export interface WaitTarget {
  what: string;
  /** How the API calls the field: "state" (default) or "status". */
  stateWord?: string;
}

/**
 * The common shape of a state waiter: reads the resource with `read` until its state is `wanted`; a state
 * in `failureStates` (a list, or a test of each state seen) stops it with a WaiterError "failed" naming that state, and `read` resolving
 * `undefined` (the resource is gone) with a WaiterError "gone".
 */
export async function waitForState<Resource>(
  read: (signal: AbortSignal) => Promise<Resource | undefined>,
  stateOf: (resource: Resource) => string | undefined,
  wanted: string,
  failureStates: readonly string[] | ((state: string) => boolean),
  target: WaitTarget,
  options: WaitOptions,
): Promise<Resource> {
  const { what, stateWord = "state" } = target;
  const isFailure = typeof failureStates === "function" ? failureStates : (state: string) => failureStates.includes(state);
  if (typeof failureStates !== "function" && failureStates.includes(wanted)) {
    throw new InvalidOptionError(stateWord === "status" ? "failureStatuses" : "failureStates", `it contains the wanted ${stateWord} "${wanted}"`);
  }
  return pollUntil<Resource>(
    async (signal) => {
      const resource = await read(signal);
      if (resource === undefined) {
        throw new WaiterError("gone", `${what} no longer exists while waiting for ${stateWord} "${wanted}"`);
      }
      const state = stateOf(resource);
      if (state === wanted) return { done: true, value: resource };
      if (state !== undefined && state !== wanted && isFailure(state)) {
        throw new WaiterError("failed", `${what} went into ${stateWord} "${state}", from which "${wanted}" does not follow`, state);
      }
      return { done: false, ...(state !== undefined ? { state } : {}) };
    },
    `${what} to reach ${stateWord} "${wanted}"`,
    options,
  );
}

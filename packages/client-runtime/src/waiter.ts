import { sleep } from "./retry-policy.js";

/** Options of every waiter (`waitForServiceState`, `waitForClusterStatus`, ...). */
export interface WaitOptions {
  /** Give up after this many milliseconds. Default 30 minutes: creating a cluster takes several. */
  timeoutMs?: number;
  /** The first pause between two polls, in milliseconds. Default 2 000. */
  intervalMs?: number;
  /** The longest pause between two polls, in milliseconds; pauses grow by half each time. Default 30 000. */
  maxIntervalMs?: number;
  /** Cancels the wait (and the poll in flight). */
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

/**
 * Calls `poll` until it reports done, pausing with a growing, jittered interval. `poll` throws (e.g. a
 * WaiterError "failed" or "gone") to stop early. Rejects with a WaiterError "timeout" after `timeoutMs`,
 * or with the signal's reason when aborted.
 */
export async function pollUntil<T>(
  poll: (signal: AbortSignal) => Promise<PollOutcome<T>>,
  describe: string,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  let interval = options.intervalMs ?? 2_000;
  const maxInterval = options.maxIntervalMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let lastState: string | undefined;

  const timedOut = () =>
    new WaiterError("timeout", `Timed out after ${timeoutMs} ms waiting for ${describe}${lastState ? ` (last state: ${lastState})` : ""}`, lastState);

  for (;;) {
    let outcome: PollOutcome<T>;
    try {
      outcome = await poll(signal);
    } catch (error) {
      if (timeout.aborted && !options.signal?.aborted) throw timedOut();
      throw error;
    }
    if (outcome.done) return outcome.value;
    lastState = outcome.state ?? lastState;
    const pause = Math.min(interval * (0.8 + Math.random() * 0.4), Math.max(0, deadline - Date.now()));
    try {
      await sleep(pause, signal);
    } catch (error) {
      if (timeout.aborted && !options.signal?.aborted) throw timedOut();
      throw error;
    }
    if (Date.now() >= deadline) throw timedOut();
    interval = Math.min(maxInterval, interval * 1.5);
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WaiterError, pollUntil, waitForState, type WaitOptions } from "../src/index.js";

describe("pollUntil", () => {
  it("polls until done and resolves with the value", async () => {
    let polls = 0;
    const value = await pollUntil(async () => (++polls < 3 ? { done: false, state: "pending" } : { done: true, value: "ok" }), "x", { intervalMs: 1 });
    expect(value).toBe("ok");
    expect(polls).toBe(3);
  });

  it("fails with a WaiterError 'timeout' naming the last state", async () => {
    const error = await pollUntil(async () => ({ done: false, state: "Creating" }), "cluster c1 to be Running", { intervalMs: 5, timeoutMs: 40 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ reason: "timeout", lastState: "Creating" });
    expect((error as Error).message).toBe("Timed out after 40 ms waiting for cluster c1 to be Running (last state: Creating)");
  });

  it("stops when the caller aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 20);
    await expect(pollUntil(async () => ({ done: false }), "x", { intervalMs: 5, signal: controller.signal })).rejects.toThrow("stop");
  });

  it("passes on errors thrown by the poll", async () => {
    await expect(pollUntil(async () => { throw new WaiterError("gone", "gone"); }, "x")).rejects.toMatchObject({ reason: "gone" });
  });
});

describe("pollUntil on a fake clock", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** The pauses between polls, read off the fake clock. */
  async function pausesOf(polls: number, options: WaitOptions): Promise<number[]> {
    const times: number[] = [];
    const done = pollUntil(async () => {
      times.push(Date.now());
      return times.length >= polls ? { done: true, value: times } : { done: false, state: "Creating" };
    }, "x", options);
    for (let spin = 0; times.length < polls && spin < 100; spin += 1) await vi.advanceTimersToNextTimerAsync();
    await done;
    return times.slice(1).map((time, index) => time - times[index]!);
  }

  it("grows the pause by half from intervalMs up to maxIntervalMs", async () => {
    expect(await pausesOf(6, { intervalMs: 1000, maxIntervalMs: 3000, jitter: 0 })).toEqual([1000, 1500, 2250, 3000, 3000]);
  });

  it("spreads each pause by the jitter, within [1 - jitter, 1 + jitter] of the interval and never over the maximum", async () => {
    vi.spyOn(Math, "random").mockReturnValueOnce(0).mockReturnValueOnce(1).mockReturnValue(0.5);
    // Intervals 1000, 1500, 1600 (capped); random() 0, 1, 0.5 gives 0.5×, 1.5× (capped at 1600) and 1×.
    expect(await pausesOf(4, { intervalMs: 1000, maxIntervalMs: 1600, jitter: 0.5 })).toEqual([500, 1600, 1600]);
  });

  it("stops at the overall deadline, cancelling the poll in flight, naming the last state", async () => {
    let pollSignal: AbortSignal | undefined;
    let polls = 0;
    const outcome = pollUntil(async (signal) => {
      polls += 1;
      if (polls === 1) return { done: false, state: "Modifying" };
      pollSignal = signal;
      return new Promise<never>((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    }, "cluster c1 to reach status \"Running\"", { timeoutMs: 10_000, intervalMs: 1000, jitter: 0 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await outcome;
    expect(pollSignal?.aborted).toBe(true);
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ reason: "timeout", lastState: "Modifying", message: 'Timed out after 10000 ms waiting for cluster c1 to reach status "Running" (last state: Modifying)' });
  });

  it("stops at once when the caller aborts during a pause", async () => {
    const controller = new AbortController();
    let polls = 0;
    const outcome = pollUntil(async () => (polls++, { done: false }), "x", { intervalMs: 60_000, signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort(new Error("user left"));
    expect(await outcome).toMatchObject({ message: "user left" });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(polls).toBe(1);
  });

  it("refuses bad settings, naming them", async () => {
    await expect(pollUntil(async () => ({ done: true, value: 1 }), "x", { jitter: 2 })).rejects.toMatchObject({ option: "jitter" });
    await expect(pollUntil(async () => ({ done: true, value: 1 }), "x", { intervalMs: 5000, maxIntervalMs: 10 })).rejects.toMatchObject({ option: "maxIntervalMs" });
    await expect(pollUntil(async () => ({ done: true, value: 1 }), "x", { timeoutMs: -1 })).rejects.toMatchObject({ option: "timeoutMs" });
  });
});

describe("waitForState", () => {
  it("stops with a WaiterError 'failed' naming the state it reached", async () => {
    const states = ["rebuilding", "poweroff"];
    const error = await waitForState(async () => ({ state: states.shift() }), (r) => r.state, "running", ["poweroff"], { what: "Service cache" }, { intervalMs: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "WaiterError", reason: "failed", lastState: "poweroff", message: 'Service cache went into state "poweroff", from which "running" does not follow' });
  });

  it("stops with 'gone' when the resource disappears, and refuses a wanted state listed as a failure", async () => {
    await expect(waitForState(async () => undefined, () => "x", "running", [], { what: "Service cache" }, {})).rejects.toMatchObject({ reason: "gone" });
    await expect(waitForState(async () => ({}), () => "x", "running", ["running"], { what: "Service cache" }, {})).rejects.toMatchObject({ option: "failureStates" });
  });
});

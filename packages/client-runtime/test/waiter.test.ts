import { describe, expect, it } from "vitest";
import { WaiterError, pollUntil } from "../src/index.js";

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

// The simulator cannot be poisoned: every control input is bounded, a refusal names the field and changes
// nothing, reset restores the seed state (clock included), and the store keeps to its memory budget.
import { describe, expect, it } from "vitest";
import { MAX_ADVANCE_MS, MAX_CLOCK_OFFSET_MS, MAX_LATENCY_MS, MAX_RETRY_AFTER_SECONDS } from "../src/control-bounds.ts";
import { createManualClock, createSimulator, MANUAL_CLOCK_START, type Simulator } from "../src/index.ts";
import { requestExample } from "./support/spec.ts";

const createBody = (name: string, description?: string) => ({ ...requestExample("kakaocloud-redis", "createCluster", "create"), name, ...(description === undefined ? {} : { description }) });
const control = (sim: Simulator, method: string, path: string, body?: unknown) => sim.handle({ method, path: `/__simulator${path}`, body });
const snapshot = (sim: Simulator) => JSON.stringify(sim.control.dump());

describe("control inputs", () => {
  it("refuses an advance out of bounds, naming ms, and leaves clock and store as they were", async () => {
    const sim = createSimulator({ api: "kakaocloud-redis", clock: createManualClock() });
    const before = snapshot(sim);
    for (const path of ["/advance?ms=1e16", "/advance?ms=-1", "/advance?ms=abc", "/advance?ms=", `/advance?ms=${MAX_ADVANCE_MS + 1}`, "/advance?ms=5&x=1", "/advance"]) {
      const answer = await control(sim, "POST", path);
      expect(answer.status, path).toBe(400);
      expect((answer.body as { field: string }).field, path).toMatch(/^(ms|x)$/);
    }
    for (const body of [{ ms: 1e16 }, { ms: 1.5 }, { ms: "5" }, { ms: Number.NaN }, [1], "text"]) {
      expect((await control(sim, "POST", "/advance", body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(() => sim.control.advance(1e16)).toThrow(/ms: must be an integer/);
    expect(snapshot(sim)).toBe(before);
    // Nothing was poisoned: a create and a reset answer as ever.
    expect((await sim.handle({ method: "POST", path: "/v1/clusters", body: createBody("after") })).status).toBe(201);
    expect((await control(sim, "POST", "/reset")).status).toBe(200);
  });

  it("keeps the clock within 100 years of its source, advance by advance", async () => {
    const sim = createSimulator({ api: "redis-enterprise", clock: createManualClock() });
    let advances = 0;
    while ((await control(sim, "POST", `/advance?ms=${MAX_ADVANCE_MS}`)).status === 200) advances++;
    expect(advances).toBe(Math.floor(MAX_CLOCK_OFFSET_MS / MAX_ADVANCE_MS));
    expect((await sim.handle({ method: "GET", path: "/v1/local/services" })).status).toBe(200);
  });

  it("resets to the seed state, clock included, and refuses a seed out of bounds without resetting", async () => {
    const sim = createSimulator({ api: "kakaocloud-redis", clock: createManualClock() });
    const seeded = snapshot(sim);
    await sim.handle({ method: "POST", path: "/v1/clusters", body: createBody("gone-after-reset") });
    sim.control.advance(86_400_000);
    expect((await control(sim, "POST", "/reset?seed=1e300")).status).toBe(400);
    expect((await control(sim, "POST", "/reset", { seed: 2 ** 40 })).status).toBe(400);
    expect(sim.control.now()).toBe(MANUAL_CLOCK_START + 86_400_000);
    expect((await control(sim, "POST", "/reset")).status).toBe(200);
    expect(sim.control.now()).toBe(MANUAL_CLOCK_START);
    expect(snapshot(sim)).toBe(seeded);
  });

  it("refuses fault settings past their bounds, naming the field, and keeps the settings it had", async () => {
    const sim = createSimulator({ api: "kakaocloud-redis", clock: createManualClock() });
    sim.control.setFaults({ latencyMs: 5 });
    const before = snapshot(sim);
    const refused: [unknown, string][] = [
      [{ latencyMs: MAX_LATENCY_MS + 1 }, "latencyMs"],
      [{ latencyMs: 1e12 }, "latencyMs"],
      [{ latencyMs: [0, 600_000] }, "latencyMs[1]"],
      [{ retryAfterSeconds: 1e21 }, "retryAfterSeconds"],
      [{ retryAfterSeconds: MAX_RETRY_AFTER_SECONDS + 1 }, "retryAfterSeconds"],
      [{ errorRate: Number.NaN }, "errorRate"],
      [{ statuses: Array.from({ length: 50 }, () => 500) }, "statuses"],
      [{ operations: ["createCluster", "nope"] }, "operations[1]"],
      [{ unknownSetting: 1 }, "unknownSetting"],
    ];
    for (const [body, field] of refused) {
      const answer = await control(sim, "PUT", "/faults", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect((answer.body as { field: string }).field).toBe(field);
    }
    expect(snapshot(sim)).toBe(before);
    expect(() => createSimulator({ api: "kakaocloud-redis", faults: { latencyMs: 600_000 } })).toThrow(/latencyMs/);
  });
});

describe("the memory budget", () => {
  it("refuses a write past limits.storeBytes with the operation's documented 4xx, and takes writes again after a delete or a reset", async () => {
    const sim = createSimulator({ api: "kakaocloud-redis", clock: createManualClock(), limits: { storeBytes: 200_000 } });
    const big = "x".repeat(40_000);
    const statuses: number[] = [];
    const ids: string[] = [];
    for (let index = 0; index < 8; index++) {
      const answer = await sim.handle({ method: "POST", path: "/v1/clusters", body: createBody(`big-${index}`, big) });
      statuses.push(answer.status);
      if (answer.status === 201) ids.push((answer.body as { objectId: string }).objectId);
    }
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(3);
    const refusal = statuses.find((status) => status !== 201);
    // createCluster documents 400 for a request it refuses.
    expect(refusal).toBe(400);
    const refused = await sim.handle({ method: "POST", path: "/v1/clusters", body: createBody("one-more", big) });
    expect(JSON.stringify(refused.body)).toContain("memory budget");
    sim.control.advance(600_000);
    expect((await sim.handle({ method: "DELETE", path: `/v1/clusters/${ids[0]}` })).status).toBe(200);
    expect((await sim.handle({ method: "POST", path: "/v1/clusters", body: createBody("after-delete", big) })).status).toBe(201);
    sim.control.reset();
    expect((await sim.handle({ method: "POST", path: "/v1/clusters", body: createBody("after-reset", big) })).status).toBe(201);
  });
});

describe("a retried DELETE", () => {
  it("answers 404 once the resource is gone, as the vendor does (documented in the README)", async () => {
    const sim = createSimulator({ api: "exoscale-dbaas-valkey", clock: createManualClock() });
    const [service] = (sim.control.dump().resources as { services: { name: string }[] }).services;
    await sim.handle({ method: "PUT", path: `/dbaas-valkey/${service!.name}`, body: { "termination-protection": false } });
    const first = await sim.handle({ method: "DELETE", path: `/dbaas-valkey/${service!.name}` });
    expect(first.status).toBe(200);
    const retried = await sim.handle({ method: "DELETE", path: `/dbaas-valkey/${service!.name}` });
    expect(retried.status).toBe(404);
  });
});

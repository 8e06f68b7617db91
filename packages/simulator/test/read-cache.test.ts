// Reads answered again (src/read-cache.ts): the same read at the same instant, with no other call in
// between, is answered from the text it got before. On a manual clock every repeated read is such a read,
// so each test here would see a stale answer if anything that changes what a read shows did not count.
import { apiNames, loadSpecModule } from "@managed-redis/spec-facts";
import { describe, expect, it } from "vitest";
import { answerText, createManualClock, createSimulator, type ApiName, type SimRequest, type Simulator } from "../src/index.ts";
import { exoscaleDbaasValkey } from "../src/exoscale-dbaas-valkey/index.ts";
import { CONFLICT, problem } from "../src/problems.ts";
import { requestExample } from "./support/spec.ts";

const valkey = (name: string): SimRequest => ({ method: "GET", path: `/dbaas-valkey/${name}` });
const simulatorOf = (api: ApiName) => createSimulator({ api, clock: createManualClock(), validateAnswers: true });
const bodyOf = async (sim: Simulator, request: SimRequest) => (await sim.handle(request)).body as Record<string, any>;

describe("reads answered again", () => {
  it("answers the same read at the same instant with the same text, and a changed store with the new state", async () => {
    const sim = simulatorOf("exoscale-dbaas-valkey");
    const first = await sim.handle(valkey("my-valkey"));
    const again = await sim.handle(valkey("my-valkey"));
    expect(answerText(again)).toBe(answerText(first));
    const protectedBefore = (await bodyOf(sim, valkey("my-valkey")))["termination-protection"] as boolean;

    // No time passes: only the calls in between can make the next read differ.
    expect((await sim.handle({ method: "PUT", path: "/dbaas-valkey/my-valkey", body: { "termination-protection": !protectedBefore } })).status).toBe(200);
    expect((await bodyOf(sim, valkey("my-valkey")))["termination-protection"]).toBe(!protectedBefore);

    expect((await sim.handle({ method: "POST", path: "/dbaas-valkey/my-valkey/user", body: { username: "reader" } })).status).toBe(200);
    expect((await bodyOf(sim, valkey("my-valkey"))).users.map((user: { username: string }) => user.username)).toContain("reader");

    expect((await sim.handle({ method: "PUT", path: "/dbaas-valkey/my-valkey", body: requestExample("exoscale-dbaas-valkey", "update-dbaas-service-valkey", "plan") })).status).toBe(200);
    expect(await bodyOf(sim, valkey("my-valkey"))).toMatchObject({ state: "rebalancing", plan: "business-4" });
  });

  it("shows what a call that is not a read changed, even when it then refused", async () => {
    const sim = simulatorOf("exoscale-dbaas-valkey");
    const handlers = exoscaleDbaasValkey.handlers;
    const update = handlers["update-dbaas-service-valkey"];
    // A handler that changes the store and then throws: the refusal must not keep the old read.
    handlers["update-dbaas-service-valkey"] = (state, call, context) => {
      state.services.get(call.params.name)!.record.plan = "changed-then-refused";
      throw problem(CONFLICT, "refused after a change");
    };
    try {
      expect((await bodyOf(sim, valkey("my-valkey"))).plan).not.toBe("changed-then-refused");
      expect((await sim.handle({ method: "PUT", path: "/dbaas-valkey/my-valkey", body: {} })).status).toBe(409);
      expect((await bodyOf(sim, valkey("my-valkey"))).plan).toBe("changed-then-refused");
    } finally {
      handlers["update-dbaas-service-valkey"] = update;
    }
    expect((await sim.handle({ method: "DELETE", path: "/dbaas-valkey/cache" })).status).toBe(404);
    await sim.handle({ method: "PUT", path: "/dbaas-valkey/my-valkey", body: { "termination-protection": false } });
    expect((await sim.handle({ method: "DELETE", path: "/dbaas-valkey/my-valkey" })).status).toBe(200);
    expect((await sim.handle(valkey("my-valkey"))).status).toBe(404);
  });

  it("moves with the time: a read after advance(ms) shows the state of the new instant", async () => {
    const sim = simulatorOf("exoscale-dbaas-valkey");
    const create = requestExample("exoscale-dbaas-valkey", "create-dbaas-service-valkey", "minimal");
    expect((await sim.handle({ method: "POST", path: "/dbaas-valkey/cache", body: create })).status).toBe(200);
    expect((await bodyOf(sim, valkey("cache"))).state).toBe("rebuilding");
    expect((await bodyOf(sim, valkey("cache"))).state).toBe("rebuilding");
    sim.control.advance(10 * 60_000);
    expect((await bodyOf(sim, valkey("cache"))).state).toBe("running");
  });

  it("moves with the clock itself, not only with advance(ms)", async () => {
    const clock = createManualClock();
    const sim = createSimulator({ api: "exoscale-dbaas-valkey", clock, validateAnswers: true });
    await sim.handle({ method: "POST", path: "/dbaas-valkey/cache", body: requestExample("exoscale-dbaas-valkey", "create-dbaas-service-valkey", "minimal") });
    expect((await bodyOf(sim, valkey("cache"))).state).toBe("rebuilding");
    clock.advance(10 * 60_000);
    expect((await bodyOf(sim, valkey("cache"))).state).toBe("running");
  });

  it("starts over on reset: a resource made before it is gone for the read after it", async () => {
    const sim = simulatorOf("exoscale-dbaas-valkey");
    await sim.handle({ method: "POST", path: "/dbaas-valkey/cache", body: requestExample("exoscale-dbaas-valkey", "create-dbaas-service-valkey", "minimal") });
    expect((await sim.handle(valkey("cache"))).status).toBe(200);
    sim.control.reset();
    expect((await sim.handle(valkey("cache"))).status).toBe(404);
    // Over the control route as the stateful mock's clients reset it.
    await sim.handle({ method: "POST", path: "/dbaas-valkey/cache", body: requestExample("exoscale-dbaas-valkey", "create-dbaas-service-valkey", "minimal") });
    expect((await sim.handle(valkey("cache"))).status).toBe(200);
    expect((await sim.handle({ method: "POST", path: "/__simulator/reset" })).status).toBeLessThan(300);
    expect((await sim.handle(valkey("cache"))).status).toBe(404);
  });

  it("keeps reads of other resources, queries and headers apart", async () => {
    const sim = simulatorOf("kakaocloud-redis");
    const all = await bodyOf(sim, { method: "GET", path: "/v1/clusters" });
    expect(all.clusters.length).toBeGreaterThan(0);
    const filtered = await bodyOf(sim, { method: "GET", path: "/v1/clusters", query: { parameterGroupId: "no-such-group" } });
    expect(filtered.clusters).toEqual([]);
    expect((await bodyOf(sim, { method: "GET", path: "/v1/clusters?parameterGroupId=no-such-group" })).clusters).toEqual([]);
    expect((await bodyOf(sim, { method: "GET", path: "/v1/clusters" })).clusters).toHaveLength(all.clusters.length);

    const exoscale = simulatorOf("exoscale-dbaas-valkey");
    await exoscale.handle({ method: "POST", path: "/dbaas-valkey/cache", body: requestExample("exoscale-dbaas-valkey", "create-dbaas-service-valkey", "minimal") });
    expect((await bodyOf(exoscale, valkey("cache"))).name).toBe("cache");
    expect((await bodyOf(exoscale, valkey("my-valkey"))).name).toBe("my-valkey");
  });

  it("gives every caller its own copy of an answer given again", async () => {
    const sim = simulatorOf("exoscale-dbaas-valkey");
    const first = await bodyOf(sim, valkey("my-valkey"));
    first.users.length = 0;
    first.name = "changed by a caller";
    const again = await sim.handle(valkey("my-valkey"));
    again.headers["x-changed"] = "by a caller";
    const body = again.body as Record<string, any>;
    expect(body.name).toBe("my-valkey");
    expect(body.users.length).toBeGreaterThan(0);
    body.name = "changed again";
    const third = await sim.handle(valkey("my-valkey"));
    expect(third.headers["x-changed"]).toBeUndefined();
    expect(JSON.parse(answerText(third)!).name).toBe("my-valkey");
  });
});

// The cache rests on this: a read handler changes nothing, not even the random stream the ids come from.
describe("read handlers change nothing", () => {
  for (const api of apiNames) {
    it(`${api}: every GET, answered or refused, leaves the store and the next generated ids as they were`, async () => {
      const read = createSimulator({ api, clock: createManualClock() });
      const untouched = createSimulator({ api, clock: createManualClock() });
      const facts = (await loadSpecModule(api)).facts;
      const answered: number[] = [];
      for (const operation of facts.operations.filter((candidate) => candidate.method === "GET")) {
        const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
          const example = operation.parameters.find((parameter) => parameter.in === "path" && parameter.name === name)?.example;
          return encodeURIComponent(String(example ?? "no-such-id"));
        });
        // Twice at different instants, so that each answer is built by the handler.
        for (let i = 0; i < 2; i++) {
          answered.push((await read.handle({ method: "GET", path })).status);
          read.control.advance(1);
        }
      }
      expect(answered.filter((status) => status === 200).length).toBeGreaterThan(0);
      untouched.control.advance(read.control.now() - untouched.control.now());
      expect(read.control.dump()).toEqual(untouched.control.dump());
      // The same mutating call on both: the same ids, so no read drew from the random stream.
      const write = writeOf(api);
      expect((await read.handle(write)).body).toEqual((await untouched.handle(write)).body);
      expect(read.control.dump()).toEqual(untouched.control.dump());
    });
  }
});

function writeOf(api: ApiName): SimRequest {
  switch (api) {
    case "kakaocloud-redis":
      return { method: "POST", path: "/v1/clusters", body: { ...requestExample(api, "createCluster", "create"), name: "written" } };
    case "exoscale-dbaas-valkey":
      return { method: "POST", path: "/dbaas-valkey/written", body: requestExample(api, "create-dbaas-service-valkey", "minimal") };
    case "redis-enterprise":
      return { method: "POST", path: "/v1/local/services", body: requestExample(api, "updateLocalServices", "restartAlertMgr") };
  }
}

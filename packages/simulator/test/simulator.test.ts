import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { API_NAMES, answerText, createFetchHandler, createManualClock, createSimulator, type SimRequest, type SimResponse } from "../src/index.ts";
import { kakaocloudRedis } from "../src/kakaocloud-redis/index.ts";
import { answered, checkedSimulator, conformanceProblems, requestExample } from "./support/spec.ts";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const createBody = (name: string) => ({ ...requestExample("kakaocloud-redis", "createCluster", "create"), name });

describe("determinism", () => {
  const scenario: SimRequest[] = [
    { method: "POST", path: "/v1/clusters", body: createBody("a") },
    { method: "POST", path: "/v1/clusters", body: createBody("b") },
    { method: "GET", path: "/v1/clusters" },
  ];
  const run = async (seed: number) => {
    const sim = createSimulator({ api: "kakaocloud-redis", seed, clock: createManualClock() });
    const out = [];
    for (const request of scenario) out.push(await sim.handle(request));
    return out;
  };

  it("gives the same responses for the same seed and requests", async () => {
    expect(await run(42)).toEqual(await run(42));
  });

  it("gives other ids for another seed", async () => {
    const [a] = await run(42);
    const [b] = await run(43);
    expect(a!.body).not.toEqual(b!.body);
  });

  it("starts over on reset: same ids again, seed data back", async () => {
    const sim = createSimulator({ api: "kakaocloud-redis", seed: 5, clock: createManualClock() });
    const first = await sim.handle(scenario[0]!);
    await sim.handle({ method: "DELETE", path: "/v1/clusters/qqqqwwww-7347-4d87-a49f-e705e91db2fb" });
    sim.control.reset();
    expect((await sim.handle({ method: "GET", path: "/v1/clusters/qqqqwwww-7347-4d87-a49f-e705e91db2fb" })).status).toBe(200);
    expect(await sim.handle(scenario[0]!)).toEqual(first);
  });
});

describe("limits", () => {
  it("answers Kakao's documented 422 past the cluster cap", async () => {
    const sim = checkedSimulator({ api: "kakaocloud-redis", clock: createManualClock(), limits: { clusters: 3 } });
    expect((await sim.call({ method: "POST", path: "/v1/clusters", body: createBody("third") })).status).toBe(201);
    const refused = await sim.call({ method: "POST", path: "/v1/clusters", body: createBody("fourth") });
    expect(refused.status).toBe(422);
    expect((refused.body as { message: string }).message).toContain("3 clusters");
  });

  it("answers Exoscale's documented 400 past the service cap", async () => {
    const sim = checkedSimulator({ api: "exoscale-dbaas-valkey", clock: createManualClock(), limits: { services: 1 } });
    const refused = await sim.call({ method: "POST", path: "/dbaas-valkey/second", body: { plan: "startup-4" } });
    expect(refused.status).toBe(400);
    expect((refused.body as { message: string }).message).toMatch(/^Quota exceeded/);
  });
});

describe("concurrency", () => {
  it("turns 100 parallel creates into 100 distinct clusters, all listed", async () => {
    const sim = checkedSimulator({ api: "kakaocloud-redis", faults: { latencyMs: [0, 15] } });
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => sim.call({ method: "POST", path: "/v1/clusters", body: createBody(`parallel-${i}`) })),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const ids = new Set(responses.map((r) => (r.body as { objectId: string }).objectId));
    expect(ids.size).toBe(100);
    const list = (await sim.call({ method: "GET", path: "/v1/clusters" })).body as { clusters: { objectId: string }[] };
    const listed = new Set(list.clusters.map((c) => c.objectId));
    for (const id of ids) expect(listed.has(id)).toBe(true);
    expect(list.clusters).toHaveLength(102);
  });

  it("lets only one of 20 parallel creates with the same name win", async () => {
    const sim = checkedSimulator({ api: "exoscale-dbaas-valkey", faults: { latencyMs: [0, 10] } });
    const responses = await Promise.all(Array.from({ length: 20 }, () => sim.call({ method: "POST", path: "/dbaas-valkey/race", body: { plan: "startup-4" } })));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
  });
});

describe("fault injection", () => {
  it("adds the configured latency before answering", async () => {
    const waits: number[] = [];
    const sim = createSimulator({ api: "redis-enterprise", faults: { latencyMs: 250 }, sleep: async (ms) => void waits.push(ms) });
    await sim.handle({ method: "GET", path: "/v1/local/services" });
    expect(waits).toEqual([250]);
    sim.control.setFaults({ latencyMs: [10, 20] });
    await sim.handle({ method: "GET", path: "/v1/local/services" });
    expect(waits[1]).toBeGreaterThanOrEqual(10);
    expect(waits[1]).toBeLessThanOrEqual(20);
  });

  it("really waits with the default sleep", async () => {
    const sim = createSimulator({ api: "redis-enterprise", faults: { latencyMs: 60 } });
    const start = performance.now();
    await sim.handle({ method: "GET", path: "/v1/local/services" });
    expect(performance.now() - start).toBeGreaterThanOrEqual(55);
  });

  it("answers documented statuses with Retry-After at the configured rate", async () => {
    const sim = checkedSimulator({ api: "redis-enterprise", faults: { errorRate: 1, retryAfterSeconds: 7 } });
    const response = await sim.call({ method: "GET", path: "/v1/local/services" });
    // Redis Enterprise documents 503 (not 500 or 429), so 503 is the only candidate.
    expect(response.status).toBe(503);
    expect(response.headers["retry-after"]).toBe("7");
    expect(response.body).toHaveProperty("error_code");
  });

  it("falls back to the operation's documented 5xx when it documents none of the statuses", async () => {
    // 422 is documented by Kakao's writes, not by listClusters, which answers its documented 500 instead.
    const sim = checkedSimulator({ api: "kakaocloud-redis", faults: { errorRate: 1, statuses: [422] } });
    expect((await sim.call({ method: "GET", path: "/v1/clusters" })).status).toBe(500);
  });

  it("injects 429 and 503 with Retry-After into chosen operations a given number of times", async () => {
    const sim = checkedSimulator({ api: "kakaocloud-redis" });
    sim.control.setFaults({ statuses: [429], times: 2, operations: ["listClusters"], retryAfterSeconds: 3 });
    const first = await sim.call({ method: "GET", path: "/v1/clusters" });
    expect(first.status).toBe(429);
    expect(first.headers).toMatchObject({ "retry-after": "3", "x-simulator-fault": "injected" });
    expect(first.body).toEqual({ code: 429, message: "too many requests" });
    // Other operations are untouched, and do not use up the count.
    expect((await sim.call({ method: "GET", path: "/v1/redis/versions" })).status).toBe(200);
    expect((await sim.call({ method: "GET", path: "/v1/clusters" })).status).toBe(429);
    expect(sim.control.dump().faults.times).toBe(0);
    expect((await sim.call({ method: "GET", path: "/v1/clusters" })).status).toBe(200);

    sim.control.setFaults({ statuses: [503], times: 1, operations: [], retryAfterSeconds: null });
    const unavailable = await sim.call({ method: "GET", path: "/v1/redis/flavors" });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers["retry-after"]).toBeUndefined();
  });

  it("injects 429 and 503 into every Kakao and Exoscale operation, and 503 into every Redis Enterprise one", async () => {
    for (const api of ["kakaocloud-redis", "exoscale-dbaas-valkey"] as const) {
      const sim = createSimulator({ api });
      for (const status of [429, 503]) {
        for (const route of sim.routes) expect(route.statuses, `${api} ${route.operationId}`).toContain(status);
        expect(() => sim.control.setFaults({ statuses: [status], operations: sim.routes.map((route) => route.operationId) })).not.toThrow();
      }
    }
    const re = createSimulator({ api: "redis-enterprise" });
    expect(() => re.control.setFaults({ statuses: [503], operations: re.routes.map((route) => route.operationId) })).not.toThrow();
    expect(() => re.control.setFaults({ statuses: [429], operations: [] })).toThrow("statuses: no operation of the redis-enterprise spec documents any of 429");
  });

  it("faults roughly the configured share of calls, reproducibly, and only the chosen operations", async () => {
    const count = async () => {
      const sim = createSimulator({ api: "exoscale-dbaas-valkey", seed: 3, faults: { errorRate: 0.3, operations: ["get-dbaas-service-valkey"] } });
      let failed = 0;
      for (let i = 0; i < 200; i += 1) if ((await sim.handle({ method: "GET", path: "/dbaas-valkey/my-valkey" })).status !== 200) failed += 1;
      const settings = await sim.handle({ method: "GET", path: "/dbaas-settings-valkey" });
      return { failed, settings: settings.status };
    };
    const first = await count();
    expect(first.failed).toBeGreaterThan(35);
    expect(first.failed).toBeLessThan(85);
    expect(first.settings).toBe(200);
    expect(await count()).toEqual(first);
  });

  it("rejects invalid settings with a message naming the field", () => {
    const sim = createSimulator({ api: "redis-enterprise" });
    expect(() => sim.control.setFaults({ errorRate: 2 })).toThrow(/errorRate/);
    expect(() => sim.control.setFaults({ statuses: [200] })).toThrow(/statuses/);
    expect(() => sim.control.setFaults({ times: -1 })).toThrow(/^times: must be an integer/);
    expect(() => sim.control.setFaults({ times: 1.5 })).toThrow(/^times: must be an integer/);
    expect(() => sim.control.setFaults({ retryAfterSeconds: "soon" as unknown as number })).toThrow(/^retryAfterSeconds: must be an integer/);
    expect(() => sim.control.setFaults({ errorrate: 1 } as never)).toThrow(/^errorrate: is not a field of the fault settings/);
    expect(() => sim.control.setFaults({ operations: ["listServices"] })).toThrow('operations[0]: "listServices" is not an operation of redis-enterprise');
    expect(() => sim.control.setFaults({ statuses: [429], operations: ["listLocalServices"] })).toThrow("statuses: listLocalServices documents none of 429 in the redis-enterprise spec");
    // A refused setting changes nothing.
    expect(sim.control.dump().faults).toMatchObject({ errorRate: 0, times: null, operations: [] });
  });

  it("answers a bad setting over HTTP with a 400 naming the field", async () => {
    const sim = createSimulator({ api: "kakaocloud-redis" });
    const refused = await sim.handle({ method: "PUT", path: "/__simulator/faults", body: { statuses: [503], times: "two" } });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: 'times: must be an integer from 0 to 1000000, or null for no limit; got "two"', field: "times" });
  });
});

describe("control routes", () => {
  it("advances, dumps, sets faults and resets over HTTP-shaped requests", async () => {
    const sim = createSimulator({ api: "kakaocloud-redis", clock: createManualClock() });
    const fetchHandler = createFetchHandler(sim);
    const created = await fetchHandler(new Request("http://localhost:4010/v1/clusters", { method: "POST", body: JSON.stringify(createBody("via-fetch")) }));
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { objectId: string }).objectId;

    const advanced = await sim.handle({ method: "POST", path: "/__simulator/advance?ms=5000" });
    expect(advanced.body).toEqual({ advancedMs: 5000, now: "2025-01-01T00:00:05.000Z" });
    expect(((await sim.handle({ method: "GET", path: `/v1/clusters/${id}` })).body as any).status).toBe("Running");
    expect((await sim.handle({ method: "POST", path: "/__simulator/advance", body: { ms: 1000 } })).status).toBe(200);

    const state = (await sim.handle({ method: "GET", path: "/__simulator/state" })).body as any;
    expect(state).toMatchObject({ api: "kakaocloud-redis", seed: 1, now: "2025-01-01T00:00:06.000Z" });
    expect(state.resources.clusters.map((c: any) => c.name)).toEqual(["test-cluster", "test-instance-group", "via-fetch"]);
    expect(state.resources.clusters[2].shards).toHaveLength(2);

    const set = await sim.handle({ method: "PUT", path: "/__simulator/faults", body: { errorRate: 1, statuses: [500] } });
    expect(set.body).toMatchObject({ errorRate: 1, statuses: [500] });
    expect((await sim.handle({ method: "GET", path: "/v1/clusters" })).status).toBe(500);
    expect((await sim.handle({ method: "GET", path: "/__simulator/faults" })).body).toMatchObject({ errorRate: 1 });
    expect((await sim.handle({ method: "DELETE", path: "/__simulator/faults" })).body).toMatchObject({ errorRate: 0 });
    expect((await sim.handle({ method: "PUT", path: "/__simulator/faults", body: { errorRate: -1 } })).status).toBe(400);

    expect((await sim.handle({ method: "POST", path: "/__simulator/reset" })).status).toBe(200);
    expect((await sim.handle({ method: "GET", path: `/v1/clusters/${id}` })).status).toBe(404);
    expect((await sim.handle({ method: "POST", path: "/__simulator/reset", body: { seed: 9 } })).body).toMatchObject({ seed: 9 });
    expect((await sim.handle({ method: "POST", path: "/__simulator/advance?ms=-5" })).status).toBe(400);
    expect((await sim.handle({ method: "GET", path: "/__simulator/nope" })).status).toBe(404);
  });

  it("serves the control routes under Exoscale's /v2 as well", async () => {
    const sim = createSimulator({ api: "exoscale-dbaas-valkey", clock: createManualClock() });
    expect((await sim.handle({ method: "GET", path: "/v2/__simulator/state" })).status).toBe(200);
  });

  it("answers the vendor's error shape for paths and methods it does not serve", async () => {
    const sim = createSimulator({ api: "redis-enterprise" });
    expect(await sim.handle({ method: "GET", path: "/v1/nope" })).toMatchObject({ status: 404, body: { error_code: "not_found" } });
    expect((await sim.handle({ method: "DELETE", path: "/v1/local/services" })).status).toBe(405);
  });
});

describe("answers checked against the spec (validateAnswers)", () => {
  it("turns an answer that breaks the spec into a 500 problem naming the field, and lets a valid one through", async () => {
    const original = kakaocloudRedis.handlers.listFlavors;
    kakaocloudRedis.handlers.listFlavors = () => ({ status: 200, body: { flavors: [{ id: 7 } as never] } });
    try {
      const checked = createSimulator({ api: "kakaocloud-redis", validateAnswers: true });
      const broken = await checked.handle({ method: "GET", path: "/v1/redis/flavors" });
      expect(broken.status).toBe(500);
      expect(broken.headers["content-type"]).toBe("application/problem+json");
      expect(broken.body).toMatchObject({ type: "https://stoplight.io/prism/errors#VIOLATIONS", status: 500 });
      expect((broken.body as { detail: string }).detail).toContain("body.flavors.0.id must be string");
      const unchecked = createSimulator({ api: "kakaocloud-redis" });
      expect((await unchecked.handle({ method: "GET", path: "/v1/redis/flavors" })).status).toBe(200);
    } finally {
      kakaocloudRedis.handlers.listFlavors = original;
    }
    const checked = createSimulator({ api: "kakaocloud-redis", validateAnswers: true });
    expect((await checked.handle({ method: "GET", path: "/v1/redis/flavors" })).status).toBe(200);
  });

  it("checks every answer that differs from the last valid one, and answers the same valid one again", async () => {
    const original = kakaocloudRedis.handlers.listFlavors;
    let flavors: unknown[] = [];
    kakaocloudRedis.handlers.listFlavors = () => ({ status: 200, body: { flavors: flavors as never } });
    try {
      const checked = createSimulator({ api: "kakaocloud-redis", validateAnswers: true, clock: createManualClock() });
      // A read answers from the store and the time; this handler's answer changes as time moves (the same
      // read at the same instant is answered from the read cache, see "reads answered again" below).
      const get = () => {
        checked.control.advance(1);
        return checked.handle({ method: "GET", path: "/v1/redis/flavors" });
      };
      expect((await get()).status).toBe(200);
      expect((await get()).status).toBe(200);
      flavors = [{ id: 7 }];
      expect((await get()).status).toBe(500);
      flavors = [];
      expect((await get()).status).toBe(200);
    } finally {
      kakaocloudRedis.handlers.listFlavors = original;
    }
  });

  it("refuses a request the spec forbids with the documented status, naming each field, in the vendor's error shape", async () => {
    const sim = createSimulator({ api: "exoscale-dbaas-valkey", validateAnswers: true });
    const refused = await sim.handle({ method: "PUT", path: "/dbaas-valkey/my-valkey", body: { maintenance: { dow: "funday", time: "03:00:00" } } });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ message: expect.stringMatching(/^body\.maintenance\.dow must be equal to one of the allowed values: saturday/) });
    expect(JSON.parse(refused.headers["sl-violations"]!)).toEqual([expect.objectContaining({ location: ["request", "body", "maintenance", "dow"], code: "enum" })]);
  });
});

describe("spec conformance", () => {
  it("the checker itself rejects a body that breaks the schema and an undocumented status", () => {
    expect(conformanceProblems("kakaocloud-redis", "getCluster", { status: 200, headers: {}, body: { name: 1 } })).not.toEqual([]);
    expect(conformanceProblems("redis-enterprise", "listLocalServices", { status: 418, headers: {}, body: {} })).not.toEqual([]);
    expect(conformanceProblems("exoscale-dbaas-valkey", "get-dbaas-service-valkey", { status: 404, headers: {}, body: { nope: true } })).not.toEqual([]);
  });

  it.each(API_NAMES)("%s: every operation has been answered, and checked, with a success in this file", async (api) => {
    // A short tour through every operation; the checked simulator validates each answer.
    const sim = checkedSimulator({ api, clock: createManualClock(), delays: { provision: 0, modify: 0, scale: 0, maintenance: 0, operation: 0 } });
    if (api === "kakaocloud-redis") {
      const id = ((await sim.call({ method: "POST", path: "/v1/clusters", body: createBody("tour") })).body as any).objectId;
      await sim.call({ method: "GET", path: "/v1/redis/versions" });
      await sim.call({ method: "GET", path: "/v1/redis/flavors" });
      await sim.call({ method: "GET", path: "/v1/clusters" });
      await sim.call({ method: "GET", path: `/v1/clusters/${id}` });
      await sim.call({ method: "PATCH", path: `/v1/clusters/${id}`, body: { description: "x" } });
      await sim.call({ method: "POST", path: `/v1/clusters/${id}/parameter-group/apply` });
      await sim.call({ method: "POST", path: `/v1/clusters/${id}/shards`, body: requestExample(api, "addShard", "addShard") });
      await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards` });
      await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards/003` });
      await sim.call({ method: "POST", path: `/v1/clusters/${id}/shards/003/nodes`, body: { subnet: { id: "s" } } });
      const nodes = ((await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards/003/nodes` })).body as any).nodes;
      await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards/003/nodes/${nodes[3].id}` });
      await sim.call({ method: "DELETE", path: `/v1/clusters/${id}/shards/003/nodes/${nodes[3].id}` });
      await sim.call({ method: "DELETE", path: `/v1/clusters/${id}/shards/003` });
      await sim.call({ method: "DELETE", path: `/v1/clusters/${id}` });
    } else if (api === "exoscale-dbaas-valkey") {
      // The full example forks from a service that does not exist here; that alone would answer 400.
      const { "fork-from-service": _fork, ...full } = requestExample(api, "create-dbaas-service-valkey", "full");
      expect((await sim.call({ method: "POST", path: "/dbaas-valkey/tour", body: full })).status).toBe(200);
      await sim.call({ method: "GET", path: "/dbaas-valkey/tour" });
      await sim.call({ method: "PUT", path: "/dbaas-valkey/tour", body: requestExample(api, "update-dbaas-service-valkey", "full") });
      await sim.call({ method: "POST", path: "/dbaas-valkey/tour/migration/stop" });
      await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey/maintenance/start" });
      await sim.call({ method: "POST", path: "/dbaas-valkey/tour/user", body: { username: "u" } });
      await sim.call({ method: "GET", path: "/dbaas-valkey/tour/user" });
      await sim.call({ method: "PUT", path: "/dbaas-valkey/tour/user/u", body: requestExample(api, "update-dbaas-valkey-user-access-control", "read-only") });
      await sim.call({ method: "PUT", path: "/dbaas-valkey/tour/user/u/password/reset", body: {} });
      await sim.call({ method: "GET", path: "/dbaas-valkey/tour/user/u/password/reveal" });
      await sim.call({ method: "DELETE", path: "/dbaas-valkey/tour/user/u" });
      await sim.call({ method: "GET", path: "/dbaas-settings-valkey" });
      await sim.call({ method: "PUT", path: "/dbaas-valkey/tour", body: { "termination-protection": false } });
      await sim.call({ method: "DELETE", path: "/dbaas-valkey/tour" });
    } else {
      await sim.call({ method: "GET", path: "/v1/local/services" });
      await sim.call({ method: "POST", path: "/v1/local/services", body: { operation_type: "restart", services: ["alert_mgr"] } });
      await sim.call({ method: "POST", path: "/v1/services", body: { operation_type: "stop", services: ["alert_mgr"] } });
    }
    const succeeded = new Set([...(answered.get(api) ?? [])].filter((key) => /\s2\d\d$/.test(key)).map((key) => key.split(" ")[0]));
    expect([...succeeded].sort()).toEqual(sim.routes.map((r) => r.operationId).sort());
  });
});

describe("package hygiene", () => {
  it("the core imports no Node built-in, so MSW can run it in a browser", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of files(path.join(packageDir, "src"))) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/from\s+["'](node:|fs|path|http|crypto|url|os)["'/]/);
      expect(text, file).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
    }
  });
});

describe("answers leave the simulator as copies", () => {
  const getCluster = { method: "GET", path: "/v1/clusters/qqqqwwww-7347-4d87-a49f-e705e91db2fb" };

  it("keeps the store as it was when a caller changes an answer's body", async () => {
    const sim = createSimulator({ api: "kakaocloud-redis", clock: createManualClock() });
    const first = await sim.handle(getCluster);
    const body = first.body as { name: string; subnets: unknown[] };
    const subnets = body.subnets.length;
    body.name = "changed by a caller";
    body.subnets.length = 0;
    const again = (await sim.handle(getCluster)).body as { name: string; subnets: unknown[] };
    expect(again.name).toBe("test-cluster");
    expect(again.subnets).toHaveLength(subnets);
    expect(subnets).toBeGreaterThan(0);
    expect((sim.control.dump().resources as { clusters: { name: string }[] }).clusters.map((cluster) => cluster.name)).toContain("test-cluster");
  });

  it("answers with what the store held when the handler ran, whatever runs next", async () => {
    // A view shares the service's users with the store; the user created next must not show up in it.
    const sim = createSimulator({ api: "exoscale-dbaas-valkey", clock: createManualClock() });
    const [before, created] = await Promise.all([
      sim.handle({ method: "GET", path: "/dbaas-valkey/my-valkey" }),
      sim.handle({ method: "POST", path: "/dbaas-valkey/my-valkey/user", body: { username: "added-meanwhile" } }),
    ]);
    expect(created.status).toBe(200);
    const names = (answer: SimResponse) => (answer.body as { users: { username: string }[] }).users.map((user) => user.username);
    expect(names(await sim.handle({ method: "GET", path: "/dbaas-valkey/my-valkey" }))).toContain("added-meanwhile");
    expect(names(before)).not.toContain("added-meanwhile");
  });

  it("gives mounts the serialised text until the body is read, then nothing (the body may have changed)", async () => {
    const sim = createSimulator({ api: "kakaocloud-redis", clock: createManualClock() });
    const answer = await sim.handle(getCluster);
    const text = answerText(answer);
    expect(text).toBeDefined();
    expect(JSON.parse(text!)).toEqual(answer.body);
    expect(answerText(answer)).toBeUndefined();
    expect(await createFetchHandler(sim)(new Request("https://redis.kr-central-2.kakaocloud.com/v1/clusters/qqqqwwww-7347-4d87-a49f-e705e91db2fb")).then((response) => response.json())).toMatchObject({ name: "test-cluster" });
  });
});

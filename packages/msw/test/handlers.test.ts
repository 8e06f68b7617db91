// The MSW mount of the simulator, in Node (msw/node): the typed clients, left at their default base
// URLs, talk to the vendors' hosts and MSW answers from the simulator. No request leaves the process.
// The simulators run on manual clocks: a state lasts until the test moves time, so an assertion on a
// transient state (Creating, rebuilding, RESTARTING) holds however slowly the machine runs the test.
import { createExoscaleValkeyClient, unwrap as unwrapExoscale } from "@managed-redis/exoscale-dbaas-valkey";
import { ApiError, createKakaoCloudRedisClient, unwrap } from "@managed-redis/kakaocloud-redis";
import { createRedisEnterpriseClient } from "@managed-redis/redis-enterprise";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createManualClock, createSimulatorHandlers, defaultBaseUrls, mswPath } from "../src/index.ts";

const delays = { provision: 300, modify: 200, scale: 200, operation: 100, serviceStart: 200, serviceRestart: 200 };
const quickWait = { intervalMs: 40, maxIntervalMs: 150, timeoutMs: 5_000 };

const kakao = createSimulatorHandlers({ api: "kakaocloud-redis", delays, clock: createManualClock() });
const exoscale = createSimulatorHandlers({ api: "exoscale-dbaas-valkey", delays, clock: createManualClock() });
const redisEnterprise = createSimulatorHandlers({ api: "redis-enterprise", delays, clock: createManualClock() });
const server = setupServer(...kakao.handlers, ...exoscale.handlers, ...redisEnterprise.handlers);

let mockedResponses = 0;
server.events.on("response:mocked", () => {
  mockedResponses++;
});

/**
 * Awaits a waiter across a state change: lets it poll at least once while time stands still (it must
 * keep waiting), then moves the simulator's clock by `ms`, after which its next poll sees the new state.
 */
async function acrossAdvance<T>(simulator: { control: { advance(ms: number): unknown } }, waiting: Promise<T>, ms: number): Promise<T> {
  let settled = false;
  void waiting.then(
    () => (settled = true),
    () => (settled = true),
  );
  const before = mockedResponses;
  await vi.waitFor(() => expect(mockedResponses).toBeGreaterThan(before), { timeout: 4_000, interval: 10 });
  expect(settled).toBe(false);
  simulator.control.advance(ms);
  return waiting;
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  for (const { simulator } of [kakao, exoscale, redisEnterprise]) simulator.control.reset();
});
afterAll(() => server.close());

const kakaoClient = () => createKakaoCloudRedisClient({ token: "msw-test-token" });
const exoscaleClient = () => createExoscaleValkeyClient({ apiKey: "EXOmswtest", apiSecret: "msw-test-secret" });
const redisEnterpriseClient = () => createRedisEnterpriseClient({ host: "localhost", username: "admin@example.com", password: "msw-test-password" });

const kakaoCreateBody = {
  name: "msw-cluster",
  version: "7.2.11",
  port: 6379,
  shardCount: 1,
  nodeCountPerShard: 2,
  flavorId: "3830ebad-ea2f-4822-8a7d-9e301c86a58d",
  parameterGroupId: "bbbbcccc-1234-1234-5678-e705e91db2fb",
  subnets: [{ id: "11111111-0a69-4f8b-b56d-59ce12b4d55b" }],
  subnetAssignments: [{ primary: { id: "11111111-0a69-4f8b-b56d-59ce12b4d55b" }, replicas: [{ id: "11111111-0a69-4f8b-b56d-59ce12b4d55b" }] }],
  securityGroups: [{ id: "abcdxxxx-4870-4c4e-a267-2de13e38c2ea" }],
};

describe("createSimulatorHandlers", () => {
  it("defaults to each spec's server URL, the typed clients' default", () => {
    expect(kakao.baseUrl).toBe("https://redis.kr-central-2.kakaocloud.com");
    expect(exoscale.baseUrl).toBe(defaultBaseUrls["exoscale-dbaas-valkey"]);
    expect(redisEnterprise.baseUrl).toBe("https://localhost:9443");
    // One handler per operation of the spec, and one for the control routes.
    expect(kakao.handlers).toHaveLength(kakao.simulator.routes.length + 1);
  });

  it("turns spec path templates into MSW paths", () => {
    expect(mswPath("/v1/clusters/{cluster-id}/shards/{shard-id}")).toBe("/v1/clusters/:p0/shards/:p1");
  });

  it("KakaoCloud: create → Creating → waiter sees Running → update → Running → delete → 404", async () => {
    const client = kakaoClient();
    const { objectId } = await unwrap(client.POST("/v1/clusters", { body: kakaoCreateBody }));
    const listed = await unwrap(client.GET("/v1/clusters"));
    expect(listed.clusters.map((cluster) => cluster.name)).toEqual(["test-cluster", expect.any(String), "msw-cluster"]);
    expect(listed.clusters.at(-1)?.status).toBe("Creating");

    expect((await acrossAdvance(kakao.simulator, client.waitForClusterStatus(objectId, "Running", quickWait), delays.provision)).name).toBe("msw-cluster");
    await unwrap(client.PATCH("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } }, body: { description: "changed" } }));
    const changed = await unwrap(client.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } }));
    expect(changed).toMatchObject({ status: "Modifying", description: "changed" });
    await acrossAdvance(kakao.simulator, client.waitForClusterStatus(objectId, "Running", quickWait), delays.modify);

    await unwrap(client.DELETE("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } }));
    const thrown = await unwrap(client.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } })).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 404, operation: "getCluster" });
  });

  it("Exoscale: create → rebuilding → waiter sees running → plan change → running → delete → 404", async () => {
    const client = exoscaleClient();
    const name = "msw-valkey";
    const operation = await unwrapExoscale(client.POST("/dbaas-valkey/{name}", { params: { path: { name } }, body: { plan: "hobbyist-2" } }));
    expect(operation).toMatchObject({ state: "pending", reference: { link: `${defaultBaseUrls["exoscale-dbaas-valkey"]}/dbaas-valkey/${name}` } });
    expect((await unwrapExoscale(client.GET("/dbaas-valkey/{name}", { params: { path: { name } } }))).state).toBe("rebuilding");
    await acrossAdvance(exoscale.simulator, client.waitForServiceState(name, "running", quickWait), delays.provision);

    await unwrapExoscale(client.PUT("/dbaas-valkey/{name}", { params: { path: { name } }, body: { plan: "startup-8" } }));
    expect((await unwrapExoscale(client.GET("/dbaas-valkey/{name}", { params: { path: { name } } }))).state).toBe("rebalancing");
    expect((await acrossAdvance(exoscale.simulator, client.waitForServiceState(name, "running", quickWait), delays.modify)).plan).toBe("startup-8");

    await unwrapExoscale(client.DELETE("/dbaas-valkey/{name}", { params: { path: { name } } }));
    expect((await client.GET("/dbaas-valkey/{name}", { params: { path: { name } } })).response.status).toBe(404);
  });

  it("Redis Enterprise: restart → RESTARTING → RUNNING", async () => {
    const client = redisEnterpriseClient();
    const services = async () => (await client.GET("/v1/local/services")).data!;
    expect(await unwrap(client.POST("/v1/local/services", { body: { operation_type: "restart", services: ["alert_mgr"] } }))).toEqual({ alert_mgr: true });
    expect((await services()).alert_mgr?.status).toBe("RESTARTING");
    redisEnterprise.simulator.control.advance(delays.serviceRestart);
    expect((await services()).alert_mgr?.status).toBe("RUNNING");
  });

  it("serves the control routes under the API's base URL, as the stateful mock does", async () => {
    const base = kakao.baseUrl;
    await unwrap(kakaoClient().POST("/v1/clusters", { body: kakaoCreateBody }));
    const advanced = await fetch(`${base}/__simulator/advance?ms=${delays.provision}`, { method: "POST" });
    expect(advanced.status).toBe(200);
    const state = (await (await fetch(`${base}/__simulator/state`)).json()) as { resources: { clusters: { name: string; status: string }[] } };
    expect(state.resources.clusters.find((cluster) => cluster.name === "msw-cluster")?.status).toBe("Running");

    await fetch(`${base}/__simulator/faults`, { method: "PUT", body: JSON.stringify({ errorRate: 1, statuses: [500], operations: ["listFlavors"] }), headers: { "content-type": "application/json" } });
    const faulted = await kakaoClient().GET("/v1/redis/flavors");
    expect(faulted.response.status).toBe(500);
    expect(faulted.response.headers.get("x-simulator-fault")).toBe("injected");
    await fetch(`${base}/__simulator/reset`, { method: "POST" });
    expect((await kakaoClient().GET("/v1/redis/flavors")).response.status).toBe(200);
  });

  it("is deterministic: the same seed and calls give the same answers, with a manual clock", async () => {
    const run = async () => {
      const { handlers, simulator } = createSimulatorHandlers({ api: "kakaocloud-redis", seed: 42, clock: createManualClock(), baseUrl: "https://kakao.test" });
      const local = setupServer(...handlers);
      server.close();
      local.listen({ onUnhandledRequest: "error" });
      try {
        const client = createKakaoCloudRedisClient({ token: "t", baseUrl: "https://kakao.test" });
        const { objectId } = await unwrap(client.POST("/v1/clusters", { body: kakaoCreateBody }));
        simulator.control.advance(5_000);
        return await unwrap(client.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } }));
      } finally {
        local.close();
        server.listen({ onUnhandledRequest: "error" });
      }
    };
    const first = await run();
    expect(first.status).toBe("Running");
    expect(await run()).toEqual(first);
  });
});

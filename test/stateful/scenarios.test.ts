// One scenario per API through its typed client against the stateful mock: create, the waiter sees the
// resource reach its running state, update or scale, delete, then 404. Every answer the client got is
// then checked against the bundled spec (documented status, body valid against the schema).
import { ApiError, ConflictError, unwrap, WaiterError } from "@managed-redis/client-runtime";
import type { RunningMock } from "@managed-redis/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exoscaleClient,
  kakaoClient,
  quickWait,
  recordingFetch,
  redisEnterpriseClient,
  ResponseChecker,
  specExample,
  startStatefulMock,
} from "./lib/stateful-mocks.ts";

const mocks = {} as Record<"kakao" | "exoscale" | "redisEnterprise", RunningMock>;

beforeAll(async () => {
  [mocks.kakao, mocks.exoscale, mocks.redisEnterprise] = await Promise.all([
    startStatefulMock("kakaocloud-redis"),
    startStatefulMock("exoscale-dbaas-valkey"),
    startStatefulMock("redis-enterprise"),
  ]);
});

afterAll(async () => {
  await Promise.all(Object.values(mocks).map((mock) => mock.close()));
});

describe("KakaoCloud through createKakaoCloudRedisClient", () => {
  it("create → Running → update → Running → add a shard → Running → delete → 404, every answer as documented", async () => {
    const { fetch, exchanges } = recordingFetch();
    const kakao = kakaoClient(mocks.kakao.url, { fetch });
    const body = { ...specExample<Record<string, unknown>>("kakaocloud-redis", "createCluster.create"), name: "scenario-cluster" };

    const { objectId } = await unwrap(kakao.POST("/v1/clusters", { body: body as never }));
    const listed = await unwrap(kakao.GET("/v1/clusters"));
    expect(listed.clusters.find((cluster) => cluster.objectId === objectId)?.status).toBe("Creating");

    const running = await kakao.waitForClusterStatus(objectId, "Running", quickWait);
    expect(running).toMatchObject({ name: "scenario-cluster", status: "Running", shardCount: 2 });

    await unwrap(kakao.PATCH("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } }, body: specExample("kakaocloud-redis", "updateCluster.request") as never }));
    const modifying = await unwrap(kakao.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } }));
    expect(modifying).toMatchObject({ status: "Modifying", description: "modify description" });
    await kakao.waitForClusterStatus(objectId, "Running", quickWait);

    await unwrap(kakao.POST("/v1/clusters/{cluster-id}/shards", { params: { path: { "cluster-id": objectId } }, body: specExample("kakaocloud-redis", "addShard.request") as never }));
    expect((await unwrap(kakao.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } }))).status).toBe("Scaling(horizontal)");
    const scaled = await kakao.waitForClusterStatus(objectId, "Running", quickWait);
    expect(scaled.shardCount).toBe(3);
    const shards = await unwrap(kakao.GET("/v1/clusters/{cluster-id}/shards", { params: { path: { "cluster-id": objectId } } }));
    expect(shards.shards).toHaveLength(3);

    await unwrap(kakao.DELETE("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } }));
    const gone = await kakao.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } });
    expect(gone.response.status).toBe(404);
    await expect(kakao.waitForClusterStatus(objectId, "Running", quickWait)).rejects.toMatchObject({ name: "WaiterError", reason: "gone" });

    const { checked, problems } = new ResponseChecker("kakaocloud-redis").check(exchanges);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it("reports a duplicate name as the documented 409, thrown as ApiError", async () => {
    const kakao = kakaoClient(mocks.kakao.url);
    // The create example with the name of the seeded cluster (the getCluster example's `test-cluster`).
    const body = { ...specExample<Record<string, unknown>>("kakaocloud-redis", "createCluster.create"), name: "test-cluster" };
    const thrown = await kakao.createCluster({ body: body as never }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(ConflictError);
    expect(thrown).toMatchObject({ status: 409, operationId: "createCluster" });
    const viaUnwrap = await unwrap(kakao.POST("/v1/clusters", { body: body as never })).catch((error: unknown) => error);
    expect(viaUnwrap).toBeInstanceOf(ApiError);
    expect(viaUnwrap).toMatchObject({ status: 409, operationId: "createCluster" });
  });
});

describe("Exoscale through createExoscaleValkeyClient", () => {
  it("create → running → plan change → running → delete → 404, every answer as documented", async () => {
    const { fetch, exchanges } = recordingFetch();
    const exo = exoscaleClient(mocks.exoscale.url, { fetch });
    const name = "scenario-valkey";

    const operation = await unwrap(exo.POST("/dbaas-valkey/{name}", { params: { path: { name } }, body: specExample("exoscale-dbaas-valkey", "create-dbaas-service-valkey.minimal") as never }));
    expect(operation.state).toBe("pending");
    expect((await unwrap(exo.GET("/dbaas-valkey/{name}", { params: { path: { name } } }))).state).toBe("rebuilding");

    const running = await exo.waitForServiceState(name, "running", quickWait);
    expect(running).toMatchObject({ name, plan: "startup-4", state: "running" });

    await unwrap(exo.PUT("/dbaas-valkey/{name}", { params: { path: { name } }, body: specExample("exoscale-dbaas-valkey", "update-dbaas-service-valkey.plan") as never }));
    expect((await unwrap(exo.GET("/dbaas-valkey/{name}", { params: { path: { name } } }))).state).toBe("rebalancing");
    const resized = await exo.waitForServiceState(name, "running", quickWait);
    expect(resized.plan).toBe("business-4");

    await unwrap(exo.DELETE("/dbaas-valkey/{name}", { params: { path: { name } } }));
    const gone = await exo.GET("/dbaas-valkey/{name}", { params: { path: { name } } });
    expect(gone.response.status).toBe(404);
    const thrown = await exo.waitForServiceState(name, "running", quickWait).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(WaiterError);
    expect(thrown).toMatchObject({ reason: "gone" });

    const { checked, problems } = new ResponseChecker("exoscale-dbaas-valkey").check(exchanges);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(6);
  });

  it("users with access control, then a version upgrade: rebuilding → running on the new version, every answer as documented", async () => {
    const { fetch, exchanges } = recordingFetch();
    const exo = exoscaleClient(mocks.exoscale.url, { fetch });
    const name = "acl-valkey";
    const path = { params: { path: { name } } };
    const users = { params: { path: { "service-name": name } } };

    await unwrap(exo.POST("/dbaas-valkey/{name}", { ...path, body: { plan: "startup-4", version: "7.2" } }));
    expect((await exo.waitForServiceState(name, "running", quickWait)).version).toBe("7.2.0");

    const readOnly = specExample<{ username: string; "access-control": Record<string, string[]> }>("exoscale-dbaas-valkey", "create-dbaas-valkey-user.read-only");
    await unwrap(exo.POST("/dbaas-valkey/{service-name}/user", { ...users, body: readOnly }));
    const listed = await unwrap(exo.GET("/dbaas-valkey/{service-name}/user", users));
    expect(listed.users?.find((user) => user.username === readOnly.username)).toEqual({ "access-control": readOnly["access-control"], type: "normal", username: readOnly.username });

    const rules = { categories: ["+@all"], channels: ["events"], commands: [], keys: ["*"] };
    const changed = await unwrap(exo.PUT("/dbaas-valkey/{service-name}/user/{username}", { params: { path: { "service-name": name, username: readOnly.username } }, body: { "access-control": rules } }));
    expect(changed.state).toBe("pending");
    expect((await unwrap(exo.GET("/dbaas-valkey/{service-name}/user", users))).users?.find((user) => user.username === readOnly.username)?.["access-control"]).toEqual(rules);

    await unwrap(exo.PUT("/dbaas-valkey/{name}", { ...path, body: { version: "8" } }));
    expect(await unwrap(exo.GET("/dbaas-valkey/{name}", path))).toMatchObject({ state: "rebuilding", version: "8.0.2" });
    await exo.waitForServiceState(name, "running", quickWait);
    const downgrade = await exo.PUT("/dbaas-valkey/{name}", { ...path, body: { version: "7" } });
    expect(downgrade.response.status).toBe(400);

    await unwrap(exo.DELETE("/dbaas-valkey/{name}", path));
    const { checked, problems } = new ResponseChecker("exoscale-dbaas-valkey").check(exchanges);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(8);
  });

  it("refuses to delete the seeded, termination-protected service with the documented 403", async () => {
    const exo = exoscaleClient(mocks.exoscale.url);
    const { response } = await exo.DELETE("/dbaas-valkey/{name}", { params: { path: { name: "my-valkey" } } });
    expect(response.status).toBe(403);
  });
});

describe("Redis Enterprise through createRedisEnterpriseClient", () => {
  it("restart → RESTARTING → RUNNING, stop → STOPPED, start → STARTING → RUNNING, every answer as documented", async () => {
    const { fetch, exchanges } = recordingFetch();
    const cluster = redisEnterpriseClient(mocks.redisEnterprise.url, { fetch });
    const statusOf = async (service: string) => (await unwrap(cluster.GET("/v1/local/services")))[service]?.status;
    const waitFor = async (service: string, status: string) => {
      const deadline = Date.now() + quickWait.timeoutMs;
      while ((await statusOf(service)) !== status) {
        if (Date.now() > deadline) throw new Error(`${service} did not reach ${status}`);
        await new Promise((resolve) => setTimeout(resolve, quickWait.intervalMs));
      }
    };

    expect(await unwrap(cluster.POST("/v1/local/services", { body: { operation_type: "restart", services: ["alert_mgr"] } }))).toEqual({ alert_mgr: true });
    expect(await statusOf("alert_mgr")).toBe("RESTARTING");
    await waitFor("alert_mgr", "RUNNING");

    await unwrap(cluster.POST("/v1/services", { body: { operation_type: "stop", services: ["alert_mgr"] } }));
    expect(await statusOf("alert_mgr")).toBe("STOPPED");
    await unwrap(cluster.POST("/v1/services", { body: { operation_type: "start", services: ["alert_mgr"] } }));
    expect(await statusOf("alert_mgr")).toBe("STARTING");
    await waitFor("alert_mgr", "RUNNING");

    // A service the node does not run: `false`, and nothing is added.
    expect(await unwrap(cluster.POST("/v1/local/services", { body: { operation_type: "restart", services: ["no_such_service"] } }))).toEqual({ no_such_service: false });
    expect(await statusOf("no_such_service")).toBeUndefined();

    const { checked, problems } = new ResponseChecker("redis-enterprise").check(exchanges);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(6);
  });

  it("an invalid operation_type never reaches the simulator: the documented 400 names the field in `description`", async () => {
    const cluster = redisEnterpriseClient(mocks.redisEnterprise.url, { retry: false });
    const thrown = await unwrap(cluster.POST("/v1/local/services", { body: { operation_type: "reboot", services: ["alert_mgr"] } as never })).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).status).toBe(400);
    expect((thrown as ApiError).message).toContain("body.operation_type must be equal to one of the allowed values: stop, start, restart");
  });
});

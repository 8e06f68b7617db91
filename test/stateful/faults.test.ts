// Faults set through the control routes, seen by the typed clients: retried where the client retries
// (idempotent methods, 429/503, honouring Retry-After), reported where it does not.
import { ApiError, unwrap } from "@managed-redis/client-runtime";
import type { RunningMock } from "@managed-redis/mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { kakaoClient, recordingFetch, redisEnterpriseClient, ResponseChecker, specExample, startStatefulMock } from "./lib/stateful-mocks.ts";

let kakao: RunningMock;
let redisEnterprise: RunningMock;

beforeAll(async () => {
  [kakao, redisEnterprise] = await Promise.all([startStatefulMock("kakaocloud-redis"), startStatefulMock("redis-enterprise")]);
});

afterEach(async () => {
  await Promise.all([kakao, redisEnterprise].map((mock) => fetch(`${mock.url}/__simulator/faults`, { method: "DELETE" })));
});

afterAll(async () => {
  await Promise.all([kakao?.close(), redisEnterprise?.close()]);
});

async function setFaults(mock: RunningMock, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${mock.url}/__simulator/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

describe("injected faults and the clients' retries", () => {
  it("Redis Enterprise: a 503 window with Retry-After is ridden out by the client's retries", async () => {
    await setFaults(redisEnterprise, { errorRate: 1, statuses: [503], retryAfterSeconds: 1, operations: ["listLocalServices"] });
    // The window closes after the second faulted attempt: the third one gets through.
    const { fetch, exchanges } = recordingFetch(async (exchange, all) => {
      if (all.filter((seen) => seen.status === 503).length === 2) await globalThis.fetch(`${redisEnterprise.url}/__simulator/faults`, { method: "DELETE" });
    });
    const client = redisEnterpriseClient(redisEnterprise.url, { fetch, retry: { retries: 3, baseDelayMs: 10 } });
    const started = Date.now();
    const services = await unwrap(client.GET("/v1/local/services"));
    const elapsed = Date.now() - started;

    expect(services).toHaveProperty("alert_mgr");
    expect(exchanges.map((exchange) => exchange.status)).toEqual([503, 503, 200]);
    expect(exchanges[0]!.headers.get("retry-after")).toBe("1");
    expect(exchanges[0]!.headers.get("x-simulator-fault")).toBe("injected");
    expect(elapsed).toBeGreaterThanOrEqual(1_900); // Retry-After: 1, twice
    // The injected answers are documented ones (RE documents 503 with a body).
    expect(new ResponseChecker("redis-enterprise").check(exchanges).problems).toEqual([]);
  });

  it("Redis Enterprise: a lasting outage ends in an ApiError after the configured retries", async () => {
    await setFaults(redisEnterprise, { errorRate: 1, statuses: [503], retryAfterSeconds: 0 });
    const { fetch, exchanges } = recordingFetch();
    const client = redisEnterpriseClient(redisEnterprise.url, { fetch, retry: { retries: 2, baseDelayMs: 10 } });
    const thrown = await unwrap(client.GET("/v1/local/services")).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 503 });
    expect(exchanges).toHaveLength(3);
  });

  it("KakaoCloud: a faulted POST is not retried (not idempotent); the fault is the documented 500", async () => {
    await setFaults(kakao, { errorRate: 1, statuses: [500], operations: ["createCluster"] });
    const { fetch, exchanges } = recordingFetch();
    const client = kakaoClient(kakao.url, { fetch, retry: { retries: 3, baseDelayMs: 10, statuses: [500, 503] } });
    const body = { ...specExample<Record<string, unknown>>("kakaocloud-redis", "createCluster.create"), name: "never-created" };
    const { response } = await client.POST("/v1/clusters", { body: body as never });
    expect(response.status).toBe(500);
    expect(exchanges).toHaveLength(1);
    expect(new ResponseChecker("kakaocloud-redis").check(exchanges).problems).toEqual([]);
  });

  it("KakaoCloud: a share of faulted GETs, seeded, is retried to success when the client retries 500", async () => {
    await setFaults(kakao, { errorRate: 0.5, statuses: [500], operations: ["listClusters"], retryAfterSeconds: 0 });
    const { fetch, exchanges } = recordingFetch();
    const client = kakaoClient(kakao.url, { fetch, retry: { retries: 8, baseDelayMs: 1, maxDelayMs: 5, statuses: [500] } });
    const lists = await Promise.all(Array.from({ length: 20 }, () => unwrap(client.GET("/v1/clusters"))));
    expect(lists.every((list) => list.clusters.length >= 2)).toBe(true);
    const faulted = exchanges.filter((exchange) => exchange.headers.get("x-simulator-fault") === "injected");
    expect(faulted.length).toBeGreaterThan(0);
    expect(exchanges.length).toBe(20 + faulted.length);
  });

  it("latency is injected before the answer", async () => {
    await setFaults(kakao, { latencyMs: 300, operations: ["listFlavors"] });
    const client = kakaoClient(kakao.url);
    const started = Date.now();
    await unwrap(client.GET("/v1/redis/flavors"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

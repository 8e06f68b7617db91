// Retries, the logger and the waiters against the stateful mocks with injected faults, on a fake clock:
// vitest fakes `setTimeout` and `Date`, so the clients' backoffs and polling pauses and the simulator's
// lifecycles (which read `Date.now()`) move together, and a Retry-After of minutes costs no real time.
import { ApiError, unwrap, type FetchLike, type Logger, type TransportOptions } from "@managed-redis/client-runtime";
import type { RunningMock } from "@managed-redis/mock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { exoscaleClient as exoscaleClientOf, kakaoClient as kakaoClientOf, recordingFetch, redisEnterpriseClient as redisEnterpriseClientOf, ResponseChecker, specExample, startStatefulMock } from "./lib/stateful-mocks.ts";

let kakao: RunningMock;
let exoscale: RunningMock;
let redisEnterprise: RunningMock;

beforeAll(async () => {
  [kakao, exoscale, redisEnterprise] = await Promise.all([
    startStatefulMock("kakaocloud-redis"),
    startStatefulMock("exoscale-dbaas-valkey"),
    startStatefulMock("redis-enterprise"),
  ]);
});
afterAll(async () => {
  await Promise.all([kakao?.close(), exoscale?.close(), redisEnterprise?.close()]);
});

beforeEach(() => {
  // Only what the clients and the simulator's clock use: the HTTP machinery keeps its own timers.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  // EXO2 signing runs Web Crypto on libuv's thread pool: count it as work in flight too, so that the
  // clock never jumps while a request is being signed.
  for (const method of ["sign", "importKey"] as const) {
    const original = crypto.subtle[method].bind(crypto.subtle) as (...args: unknown[]) => Promise<unknown>;
    vi.spyOn(crypto.subtle, method).mockImplementation(((...args: unknown[]) => {
      inFlight += 1;
      return original(...args).finally(() => (inFlight -= 1));
    }) as never);
  }
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await Promise.all([kakao, exoscale, redisEnterprise].map((mock) => fetch(`${mock.url}/__simulator/faults`, { method: "DELETE" })));
});

async function setFaults(mock: RunningMock, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${mock.url}/__simulator/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) });
  expect(response.status, await response.clone().text()).toBe(200);
}

// Requests on their way: the fake clock only moves while none is (a real answer takes no fake time).
let inFlight = 0;
/** A fetch for the clients that counts the requests in flight, around `inner` (default: the global fetch). */
function counted(inner: (request: Request, init?: RequestInit) => Promise<Response> = (request, init) => globalThis.fetch(request, init)) {
  return async (request: Request, init?: RequestInit): Promise<Response> => {
    inFlight += 1;
    try {
      const response = await inner(request, init);
      // The body is read after fetch returns: keep the clock still until it has been.
      const body = await response.clone().arrayBuffer();
      void body;
      return response;
    } finally {
      inFlight -= 1;
    }
  };
}

/**
 * Drives a call to its end: fires the next timer only when the client is just waiting (no request in
 * flight, and nothing changed for a few turns of the event loop, so that the client's own timer is set
 * before the clock jumps), and lets real I/O run otherwise.
 */
async function onFakeClock<T>(call: Promise<T>): Promise<{ value?: T; error?: unknown; elapsedMs: number }> {
  const started = Date.now();
  let outcome: { value?: T; error?: unknown } | undefined;
  call.then((value) => (outcome = { value }), (error: unknown) => (outcome = { error }));
  let quiet = 0;
  let lastTimers = -1;
  for (let spins = 0; !outcome; spins += 1) {
    if (spins > 100_000) throw new Error("the call never settled");
    await new Promise((resolve) => setImmediate(resolve));
    const timers = vi.getTimerCount();
    quiet = inFlight === 0 && timers === lastTimers ? quiet + 1 : 0;
    lastTimers = timers;
    if (!outcome && quiet >= 20 && timers > 0) {
      await vi.advanceTimersToNextTimerAsync();
      quiet = 0;
    }
  }
  return { ...outcome, elapsedMs: Date.now() - started };
}

// The clients of these tests: no per-attempt timeout (its timer would be fired by the fake clock while a
// real request is on its way), and every request counted.
type Options = TransportOptions & { fetch?: FetchLike };
const kakaoClient = (url: string, options: Options = {}) => kakaoClientOf(url, { ...options, timeoutMs: false, fetch: counted(options.fetch) });
const exoscaleClient = (url: string, options: Options = {}) => exoscaleClientOf(url, { ...options, timeoutMs: false, fetch: counted(options.fetch) });
const redisEnterpriseClient = (url: string, options: Options = {}) => redisEnterpriseClientOf(url, { ...options, timeoutMs: false, fetch: counted(options.fetch) });

function recordingLogger() {
  const lines: { level: string; message: string; details: unknown }[] = [];
  const at = (level: string) => (message: string, details?: unknown) => void lines.push({ level, message, details });
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { logger, lines };
}

describe("retries against injected 429 and 503", () => {
  it("KakaoCloud: two injected 429s with Retry-After: 3 are waited out exactly, one log line per attempt", async () => {
    await setFaults(kakao, { statuses: [429], times: 2, operations: ["listClusters"], retryAfterSeconds: 3 });
    const { fetch, exchanges } = recordingFetch();
    const sentAt: number[] = [];
    const { logger, lines } = recordingLogger();
    const client = kakaoClient(kakao.url, { fetch: (request, init) => (sentAt.push(Date.now()), fetch(request, init)), logger, logLevel: "debug" });
    const { value } = await onFakeClock(unwrap(client.GET("/v1/clusters")));

    expect(value?.clusters.length).toBeGreaterThan(0);
    expect(exchanges.map((exchange) => exchange.status)).toEqual([429, 429, 200]);
    expect(sentAt.map((time) => time - sentAt[0]!)).toEqual([0, 3_000, 6_000]);
    expect(lines.map((line) => line.level)).toEqual(["info", "info", "debug"]);
    expect(lines[0]!.message).toMatch(/^managed-redis: GET http:\/\/127\.0\.0\.1:\d+\/v1\/clusters → 429 in \d+ ms \(attempt 1\); retry in 3000 ms: status 429, Retry-After 3000 ms$/);
    expect(lines[2]!.message).toMatch(/→ 200 in \d+ ms \(attempt 3\)$/);
    expect(new ResponseChecker("kakaocloud-redis").check(exchanges).problems).toEqual([]);
  });

  it("Exoscale: every attempt is signed again, and a wait across the minute gets a fresh EXO2 signature", async () => {
    await setFaults(exoscale, { statuses: [503], times: 1, operations: ["get-dbaas-service-valkey"], retryAfterSeconds: 90 });
    const signatures: string[] = [];
    const sentAt: number[] = [];
    const { fetch, exchanges } = recordingFetch();
    const signing = async (request: Request, init?: RequestInit) => {
      signatures.push(request.headers.get("authorization") ?? "");
      sentAt.push(Date.now());
      return fetch(request, init);
    };
    const client = exoscaleClient(exoscale.url, { fetch: signing, retry: { maxRetryAfterMs: 120_000 } });
    const { value } = await onFakeClock(unwrap(client.GET("/dbaas-valkey/{name}", { params: { path: { name: "my-valkey" } } })));

    expect(value?.name).toBe("my-valkey");
    expect(exchanges.map((exchange) => exchange.status)).toEqual([503, 200]);
    expect(sentAt[1]! - sentAt[0]!).toBe(90_000);
    const expiries = signatures.map((header) => Number(/expires=(\d+)/.exec(header)?.[1]));
    expect(signatures).toHaveLength(2);
    expect(signatures[1]).not.toBe(signatures[0]);
    expect(expiries[1]! - expiries[0]!).toBeGreaterThanOrEqual(60);
  });

  it("Redis Enterprise: a Retry-After past the cap fails at once with the wait in the ApiError, logged at warn", async () => {
    await setFaults(redisEnterprise, { statuses: [503], times: 1, retryAfterSeconds: 300 });
    const { fetch, exchanges } = recordingFetch();
    const { logger, lines } = recordingLogger();
    const client = redisEnterpriseClient(redisEnterprise.url, { fetch, logger, retry: { maxRetryAfterMs: 60_000 } });
    const { error, elapsedMs } = await onFakeClock(unwrap(client.GET("/v1/local/services")));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 300_000, operation: "listLocalServices" });
    expect(elapsedMs).toBe(0);
    expect(exchanges).toHaveLength(1);
    expect(lines.map((line) => line.level)).toEqual(["warn"]);
    expect(lines[0]!.message).toContain("Retry-After 300000 ms is over retry.maxRetryAfterMs (60000 ms): not waiting");
  });

  it("KakaoCloud: a create (POST) meets the injected 503 once and is not retried unless the call opts in", async () => {
    const body = { ...specExample<Record<string, unknown>>("kakaocloud-redis", "createCluster.create"), name: "opted-in" };
    await setFaults(kakao, { statuses: [503], times: 1, operations: ["createCluster"], retryAfterSeconds: 1 });
    let recorded = recordingFetch();
    const once = await onFakeClock(kakaoClient(kakao.url, { fetch: recorded.fetch }).POST("/v1/clusters", { body: body as never }));
    expect(once.value?.response.status).toBe(503);
    expect(recorded.exchanges).toHaveLength(1);

    await setFaults(kakao, { statuses: [503], times: 1, operations: ["createCluster"], retryAfterSeconds: 1 });
    recorded = recordingFetch();
    const optedIn = await onFakeClock(kakaoClient(kakao.url, { fetch: recorded.fetch }).POST("/v1/clusters", { body: body as never, retry: { nonIdempotent: true } }));
    expect(optedIn.value?.response.status).toBe(201);
    expect(recorded.exchanges.map((exchange) => exchange.status)).toEqual([503, 201]);
  });

  it("KakaoCloud: a DELETE whose answer was lost and whose retry finds the cluster gone is reported as deleted", async () => {
    const client = kakaoClient(kakao.url);
    const body = { ...specExample<Record<string, unknown>>("kakaocloud-redis", "createCluster.create"), name: "lost-answer" };
    const { value: created } = await onFakeClock(unwrap(client.POST("/v1/clusters", { body: body as never })));
    const clusterId = created!.objectId;
    await onFakeClock(client.waitForClusterStatus(clusterId, "Running", { intervalMs: 500 }));

    // The first DELETE reaches the mock and deletes the cluster, but its answer is lost on the way back.
    let attempts = 0;
    const losing = async (request: Request, init?: RequestInit) => {
      const response = await globalThis.fetch(request, init);
      attempts += 1;
      if (attempts === 1) throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
      return response;
    };
    const deleting = kakaoClient(kakao.url, { fetch: losing });
    const { value } = await onFakeClock(deleting.DELETE("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": clusterId }, query: { keepAutomaticBackups: false } } as never }));
    expect(value?.error, JSON.stringify(value?.error)).toBeUndefined();
    expect(attempts).toBe(2);
    expect(value?.response.status).toBe(204);
    expect(value?.response.headers.get("x-managed-redis-outcome")).toBe("deleted-on-retry");
    expect((await client.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": clusterId } } })).response.status).toBe(404);
  });
});

describe("waiters against the simulator's lifecycles", () => {
  it("KakaoCloud: waits for a new cluster to be Running through injected 503s, on the simulator's own delays", async () => {
    const client = kakaoClient(kakao.url);
    const body = { ...specExample<Record<string, unknown>>("kakaocloud-redis", "createCluster.create"), name: "waited-for" };
    const { value: created } = await onFakeClock(unwrap(client.POST("/v1/clusters", { body: body as never })));
    await setFaults(kakao, { statuses: [503], times: 2, operations: ["getCluster"], retryAfterSeconds: 1 });
    const { fetch, exchanges } = recordingFetch();
    const waiting = kakaoClient(kakao.url, { fetch });
    const { value: cluster, elapsedMs } = await onFakeClock(waiting.waitForClusterStatus(created!.objectId, "Running", { intervalMs: 100, maxIntervalMs: 200, jitter: 0 }));

    expect(cluster?.status).toBe("Running");
    // The mock's provision delay is 400 ms of the (fake) clock: the wait lasted at least that long.
    expect(elapsedMs).toBeGreaterThanOrEqual(400);
    expect(exchanges.slice(0, 2).map((exchange) => exchange.status)).toEqual([503, 503]);
    expect(exchanges.at(-1)!.status).toBe(200);
  });

  it("Exoscale: waits for a new service to go from rebuilding to running, growing its pauses up to the maximum", async () => {
    const client = exoscaleClient(exoscale.url);
    const body = specExample("exoscale-dbaas-valkey", "create-dbaas-service-valkey.minimal");
    await onFakeClock(unwrap(client.POST("/dbaas-valkey/{name}", { params: { path: { name: "waited-valkey" } }, body: body as never })));
    const { fetch, exchanges } = recordingFetch();
    const waiting = exoscaleClient(exoscale.url, { fetch });
    const { value: service, error, elapsedMs } = await onFakeClock(waiting.waitForServiceState("waited-valkey", "running", { intervalMs: 100, maxIntervalMs: 150, jitter: 0 }));
    expect(error, String(error) + exchanges.map((e) => e.status + e.body.slice(0, 200)).slice(0, 3).join("\n")).toBeUndefined();
    expect(service?.state).toBe("running");
    expect(JSON.parse(exchanges[0]!.body)).toMatchObject({ state: "rebuilding" });
    // Polls at 0, 100, 250 and 400 ms (pauses 100, 150, 150): the 400 ms provision delay is over at the fourth.
    expect(elapsedMs).toBe(400);
  });

  it("Redis Enterprise: the overall deadline stops a wait for a state that never comes, naming the last state", async () => {
    const client = redisEnterpriseClient(redisEnterprise.url);
    const { error, elapsedMs } = await onFakeClock(client.waitForLocalServiceState("alert_mgr", "STOPPED", { timeoutMs: 5_000, intervalMs: 1_000, jitter: 0 }));
    expect(error).toMatchObject({ name: "WaiterError", reason: "timeout", lastState: "RUNNING" });
    expect((error as Error).message).toBe('Timed out after 5000 ms waiting for Service alert_mgr of the local node to reach state "STOPPED" (last state: RUNNING)');
    expect(elapsedMs).toBe(5_000);
  });
});

describe("the logger never shows a credential", () => {
  it("for all three authentication schemes, at debug with bodies, through retries and failures", async () => {
    const secrets = ["stateful-test-token", "stateful-test-secret", "stateful-test-password"];
    const sentCredentials: string[] = [];
    const { logger, lines } = recordingLogger();
    const capturing = async (request: Request, init?: RequestInit) => {
      for (const name of ["x-auth-token", "authorization"]) {
        const value = request.headers.get(name);
        if (value) sentCredentials.push(value, value.replace(/^Basic /, ""), value.slice(value.lastIndexOf("signature=") + "signature=".length));
      }
      return globalThis.fetch(request, init);
    };
    const options = { fetch: capturing, logger, logLevel: "debug" as const, logBodies: true };
    await setFaults(kakao, { statuses: [503], times: 1, retryAfterSeconds: 1 });
    await setFaults(exoscale, { statuses: [429], times: 1, retryAfterSeconds: 1 });
    await setFaults(redisEnterprise, { statuses: [503], times: 1, retryAfterSeconds: 1 });

    await onFakeClock(unwrap(kakaoClient(kakao.url, options).GET("/v1/clusters")));
    const exo = exoscaleClient(exoscale.url, options);
    await onFakeClock(unwrap(exo.GET("/dbaas-valkey/{name}", { params: { path: { name: "my-valkey" } } })));
    // A body with a password in it, both ways: revealed passwords are redacted by key.
    await onFakeClock(exo.GET("/dbaas-valkey/{service-name}/user/{username}/password/reveal", { params: { path: { "service-name": "my-valkey", username: "default" } } }));
    await onFakeClock(unwrap(redisEnterpriseClient(redisEnterprise.url, options).GET("/v1/local/services")));
    const restarting = redisEnterpriseClient(redisEnterprise.url, options);
    await onFakeClock(restarting.POST("/v1/local/services", { body: { operation_type: "restart", services: ["alert_mgr"] } }));

    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.some((line) => line.message.includes("response body:"))).toBe(true);
    const everything = JSON.stringify(lines);
    for (const secret of [...secrets, ...sentCredentials.filter((value) => value.length >= 8)]) expect(everything).not.toContain(secret);
    const messages = lines.map((line) => line.message).join("\n");
    expect(messages).toContain('"password":"[REDACTED]"');
    // Exoscale's connection URIs carry the password too.
    expect(messages).toContain("rediss://default:[REDACTED]@");
    expect(everything).not.toMatch(/AVNS_/);
  });
});

// Retries, Retry-After, the retried DELETE and the logger, on a fake clock: every wait is asserted by
// moving vitest's fake timers, never by waiting.
import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  ConnectionError,
  DELETED_ON_RETRY_HEADER,
  createTransport,
  guardClient,
  unwrap,
  type Authenticator,
  type FetchLike,
  type Logger,
  type TransportOptions,
} from "../src/index.js";

type TestPaths = {
  "/v1/things/{id}": {
    get: { parameters: { path: { id: string } }; responses: { 200: { content: { "application/json": { id: string } } } } };
    post: { parameters: { path: { id: string } }; requestBody: { content: { "application/json": { name: string } } }; responses: { 200: { content: { "application/json": { id: string } } } } };
    delete: { parameters: { path: { id: string } }; responses: { 200: { content: { "application/json": { id: string } } } } };
  };
};
const params = { path: { id: "a" } };
const operationIds = { "GET /v1/things/{id}": "getThing", "POST /v1/things/{id}": "createThing", "DELETE /v1/things/{id}": "deleteThing" };
const SECRET = "s3cr3t-token-value";

type Answer = { status: number; headers?: Record<string, string>; body?: unknown } | "network-error";

/** A fetch double that answers from a script and records what it was sent (with the auth header). */
function scriptedFetch(script: Answer[]) {
  const sent: { method: string; url: string; auth: string | null; body: string }[] = [];
  const fetch: FetchLike = async (request, init) => {
    const signal = init?.signal ?? request.signal;
    if (signal?.aborted) throw signal.reason;
    sent.push({ method: request.method, url: request.url, auth: request.headers.get("x-test-auth"), body: request.body ? await request.text() : "" });
    const answer = script[Math.min(sent.length - 1, script.length - 1)]!;
    if (answer === "network-error") throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers: { "content-type": "application/json", ...answer.headers } });
  };
  return { fetch, sent };
}

let authentications = 0;
const countingAuth: Authenticator = {
  authenticate(request) {
    authentications += 1;
    request.headers.set("X-Test-Auth", `${SECRET}-${authentications}`);
    return request;
  },
  secrets: (sent) => [SECRET, sent?.headers.get("X-Test-Auth") ?? ""],
};

function makeClient(fetch: FetchLike, options: TransportOptions = {}) {
  const baseUrl = "https://api.example.test/api";
  const transport = createTransport({ authenticator: countingAuth, baseUrl, operationIds, fetch, timeoutMs: false, ...options });
  return guardClient(createClient<TestPaths>({ baseUrl, fetch: transport }), { operationIds });
}

/** Runs a call to its end, moving the fake clock through every wait; returns the total time waited. */
async function settle<T>(call: Promise<T>): Promise<{ value?: T; error?: unknown; waitedMs: number }> {
  const start = Date.now();
  let outcome: { value?: T; error?: unknown } | undefined;
  call.then((value) => (outcome = { value }), (error: unknown) => (outcome = { error }));
  for (let spins = 0; !outcome && spins < 1000; spins += 1) await vi.advanceTimersToNextTimerAsync();
  if (!outcome) throw new Error("the call never settled");
  return { ...outcome, waitedMs: Date.now() - start };
}

beforeEach(() => {
  vi.useFakeTimers();
  authentications = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("retries on a fake clock", () => {
  it("retries a GET on 408, 500, 502 and 504 with exponential backoff and full jitter", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const { fetch, sent } = scriptedFetch([{ status: 408 }, { status: 500 }, { status: 502 }, { status: 504 }, { status: 200, body: { id: "a" } }]);
    const { value, waitedMs } = await settle(makeClient(fetch, { retry: { retries: 4, baseDelayMs: 100, maxDelayMs: 500 } }).GET("/v1/things/{id}", { params }));
    expect(value?.data).toEqual({ id: "a" });
    expect(sent).toHaveLength(5);
    // random() = 1 gives the top of each jitter range: 100, 200, 400, then capped at 500.
    expect(waitedMs).toBe(100 + 200 + 400 + 500);
  });

  it("waits exactly what Retry-After asks, in seconds and as an HTTP date", async () => {
    vi.setSystemTime(Date.parse("2026-01-01T00:00:00Z"));
    const { fetch, sent } = scriptedFetch([
      { status: 429, headers: { "retry-after": "3" } },
      { status: 503, headers: { "retry-after": "Thu, 01 Jan 2026 00:00:10 GMT" } },
      { status: 200, body: { id: "a" } },
    ]);
    const { waitedMs } = await settle(makeClient(fetch).GET("/v1/things/{id}", { params }));
    expect(sent).toHaveLength(3);
    expect(waitedMs).toBe(10_000);
  });

  it("fails fast past maxRetryAfterMs, with the wait in the ApiError", async () => {
    const { fetch, sent } = scriptedFetch([{ status: 429, headers: { "retry-after": "120" }, body: { message: "slow down" } }]);
    const { error, waitedMs } = await settle(unwrap(makeClient(fetch, { retry: { maxRetryAfterMs: 60_000 } }).GET("/v1/things/{id}", { params })));
    expect(sent).toHaveLength(1);
    expect(waitedMs).toBe(0);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, operation: "getThing" });
    expect((error as Error).message).toContain("retry after 120 s");
  });

  it("puts the wait in the error thrown by throwOnError too", async () => {
    const { fetch } = scriptedFetch([{ status: 503, headers: { "retry-after": "600" } }]);
    const { error } = await settle(makeClient(fetch, { throwOnError: true }).GET("/v1/things/{id}", { params }));
    expect(error).toMatchObject({ status: 503, retryAfterMs: 600_000 });
  });

  it("authenticates every attempt again", async () => {
    const { fetch, sent } = scriptedFetch([{ status: 503 }, "network-error", { status: 200, body: { id: "a" } }]);
    await settle(makeClient(fetch).GET("/v1/things/{id}", { params }));
    expect(sent.map((request) => request.auth)).toEqual([`${SECRET}-1`, `${SECRET}-2`, `${SECRET}-3`]);
  });

  it("never retries a POST unless the client or the call opts in", async () => {
    const script: Answer[] = [{ status: 503 }, { status: 200, body: { id: "a" } }];
    let double = scriptedFetch(script);
    await settle(makeClient(double.fetch).POST("/v1/things/{id}", { params, body: { name: "n" } }));
    expect(double.sent).toHaveLength(1);

    double = scriptedFetch(script);
    const perClient = await settle(makeClient(double.fetch, { retry: { nonIdempotent: true } }).POST("/v1/things/{id}", { params, body: { name: "n" } }));
    expect(perClient.value?.data).toEqual({ id: "a" });
    expect(double.sent.map((request) => request.body)).toEqual(['{"name":"n"}', '{"name":"n"}']);

    double = scriptedFetch(script);
    await settle(makeClient(double.fetch).POST("/v1/things/{id}", { params, body: { name: "n" }, retry: { nonIdempotent: true } }));
    expect(double.sent).toHaveLength(2);
  });

  it("sends a call once with `retry: false`, and takes a call's own count", async () => {
    let double = scriptedFetch([{ status: 503 }]);
    await settle(makeClient(double.fetch).GET("/v1/things/{id}", { params, retry: false }));
    expect(double.sent).toHaveLength(1);
    double = scriptedFetch([{ status: 503 }]);
    await settle(makeClient(double.fetch, { retry: false }).GET("/v1/things/{id}", { params, retry: { retries: 3 } }));
    expect(double.sent).toHaveLength(4);
  });

  it("refuses a bad call option, naming it", async () => {
    const { fetch } = scriptedFetch([{ status: 200, body: {} }]);
    const { error } = await settle(makeClient(fetch).GET("/v1/things/{id}", { params, retry: { retries: -1 } }));
    expect(error).toMatchObject({ name: "InvalidOptionError", option: "retry.retries" });
  });

  it("reports a retried DELETE that finds the resource gone as deleted", async () => {
    const { fetch, sent } = scriptedFetch([{ status: 502 }, { status: 404, body: { message: "no such thing" } }]);
    const { value } = await settle(makeClient(fetch).DELETE("/v1/things/{id}", { params }));
    expect(sent).toHaveLength(2);
    expect(value?.error).toBeUndefined();
    expect(value?.response.status).toBe(204);
    expect(value?.response.headers.get(DELETED_ON_RETRY_HEADER)).toBe("deleted-on-retry");
  });

  it("keeps a DELETE's 404 when no earlier attempt can have deleted it (after a 429, or on the first attempt)", async () => {
    let double = scriptedFetch([{ status: 404, body: { message: "gone" } }]);
    let result = await settle(makeClient(double.fetch).DELETE("/v1/things/{id}", { params }));
    expect(result.value?.response.status).toBe(404);
    double = scriptedFetch([{ status: 429 }, { status: 404, body: { message: "gone" } }]);
    result = await settle(makeClient(double.fetch).DELETE("/v1/things/{id}", { params }));
    expect(result.value?.response.status).toBe(404);
  });

  it("reports a DELETE whose first attempt got no answer and whose retry finds it gone as deleted", async () => {
    const { fetch } = scriptedFetch(["network-error", { status: 404 }]);
    const { value } = await settle(makeClient(fetch).DELETE("/v1/things/{id}", { params }));
    expect(value?.response.status).toBe(204);
  });

  it("stops at once when the caller aborts during a backoff, sending nothing more", async () => {
    const { fetch, sent } = scriptedFetch([{ status: 503, headers: { "retry-after": "30" } }]);
    const controller = new AbortController();
    const call = makeClient(fetch).GET("/v1/things/{id}", { params, signal: controller.signal });
    const outcome = call.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort(new Error("user left"));
    expect(await outcome).toMatchObject({ message: "user left" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
  });

  it("gives up after the retries with the last failure", async () => {
    const { fetch, sent } = scriptedFetch(["network-error"]);
    const { error } = await settle(makeClient(fetch).GET("/v1/things/{id}", { params }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(sent).toHaveLength(3);
  });
});

function recordingLogger() {
  const lines: { level: string; message: string; details: unknown }[] = [];
  const at = (level: string) => (message: string, details?: unknown) => lines.push({ level, message, details });
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { logger, lines };
}

describe("logger", () => {
  it("writes one line per attempt: method, redacted URL, status, duration, request id, retry reason", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { fetch } = scriptedFetch([{ status: 503, headers: { "x-request-id": "r1" } }, { status: 200, body: { id: "a" }, headers: { "x-request-id": "r2" } }]);
    const { logger, lines } = recordingLogger();
    await settle(makeClient(fetch, { logger, logLevel: "debug", retry: { baseDelayMs: 100 } }).GET("/v1/things/{id}", { params }));
    expect(lines.map((line) => [line.level, line.message])).toEqual([
      ["info", "managed-redis: GET https://api.example.test/api/v1/things/a → 503 in 0 ms (attempt 1, request id r1); retry in 50 ms: status 503"],
      ["debug", "managed-redis: GET https://api.example.test/api/v1/things/a → 200 in 0 ms (attempt 2, request id r2)"],
    ]);
    expect(lines[0]!.details).toMatchObject({ method: "GET", status: 503, attempt: 1, requestId: "r1", retryInMs: 50, reason: "status 503" });
  });

  it("logs at warn and above by default: a success is silent, a server error is not", async () => {
    const { logger, lines } = recordingLogger();
    await settle(makeClient(scriptedFetch([{ status: 200, body: {} }]).fetch, { logger }).GET("/v1/things/{id}", { params }));
    expect(lines).toEqual([]);
    await settle(makeClient(scriptedFetch([{ status: 500 }]).fetch, { logger, retry: false }).GET("/v1/things/{id}", { params }));
    expect(lines.map((line) => line.level)).toEqual(["warn"]);
  });

  it("says why a failed answer is not retried", async () => {
    const { logger, lines } = recordingLogger();
    await settle(makeClient(scriptedFetch([{ status: 429, headers: { "retry-after": "3600" } }]).fetch, { logger }).GET("/v1/things/{id}", { params }));
    expect(lines[0]!.message).toMatch(/Retry-After 3600000 ms is over retry.maxRetryAfterMs \(60000 ms\): not waiting$/);
  });

  it("logs no credential and no body unless asked, then redacted", async () => {
    const { logger, lines } = recordingLogger();
    const answer = { status: 400, body: { message: `bad token ${SECRET}-1`, password: "generated-password" } };
    const client = makeClient(scriptedFetch([answer]).fetch, { logger, logLevel: "debug" });
    await settle(client.POST("/v1/things/{id}", { params, body: { name: `n ${SECRET}` } }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).not.toContain("request body");
    const withBodies = makeClient(scriptedFetch([answer]).fetch, { logger, logLevel: "debug", logBodies: true });
    await settle(withBodies.POST("/v1/things/{id}", { params, body: { name: `n ${SECRET}` } }));
    const line = lines[1]!.message;
    expect(line).toContain('request body: {"name":"n [REDACTED]"}');
    expect(line).toContain('response body: {"message":"bad token [REDACTED]-1","password":"[REDACTED]"}');
    expect(JSON.stringify(lines)).not.toContain(SECRET);
    expect(JSON.stringify(lines)).not.toContain("generated-password");
  });

  it("redacts secret-looking query values and a credential in the URL", async () => {
    const { logger, lines } = recordingLogger();
    const baseUrl = "https://api.example.test/api";
    const transport = createTransport({ authenticator: countingAuth, baseUrl, operationIds, fetch: scriptedFetch([{ status: 200, body: {} }]).fetch, logger, logLevel: "debug" });
    await transport(new Request(`${baseUrl}/v1/things/a?access_token=abc123&page=2&echo=${SECRET}`));
    expect(lines[0]!.message).toContain("/v1/things/a?access_token=%5BREDACTED%5D&page=2&echo=[REDACTED]");
  });

  it("turns on from MANAGED_REDIS_LOG, to console, and refuses a bad level naming the option", async () => {
    vi.stubEnv("MANAGED_REDIS_LOG", "debug");
    const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    try {
      await settle(makeClient(scriptedFetch([{ status: 200, body: {} }]).fetch).GET("/v1/things/{id}", { params }));
      expect(debug).toHaveBeenCalledTimes(1);
      expect(String(debug.mock.calls[0]![0])).toMatch(/^managed-redis: GET .* → 200/);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(() => makeClient(scriptedFetch([]).fetch, { logLevel: "verbose" as "debug" })).toThrow("`logLevel`");
    expect(() => makeClient(scriptedFetch([]).fetch, { logger: {} as Logger })).toThrow("`logger`");
  });
});

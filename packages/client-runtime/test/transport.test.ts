import createClient from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, ConnectionError, InvalidOptionError, RedirectError, RequestError, TlsError, TimeoutError, createTransport, guardClient, unwrap, type Authenticator, type TransportOptions } from "../src/index.js";
import { startLocalServer, type LocalServer } from "@managed-redis/test-support/local-server";

// A minimal spec shape: enough for openapi-fetch's types.
type TestPaths = {
  "/v1/things/{id}": {
    get: { parameters: { path: { id: string } }; responses: { 200: { content: { "application/json": { id: string } } } } };
    put: { parameters: { path: { id: string } }; requestBody: { content: { "application/json": { name: string } } }; responses: { 200: { content: { "application/json": { id: string } } } } };
    post: { parameters: { path: { id: string } }; requestBody: { content: { "application/json": { name: string } } }; responses: { 200: { content: { "application/json": { id: string } } } } };
    patch: { parameters: { path: { id: string } }; responses: { 200: { content: { "application/json": { id: string } } } } };
    delete: { parameters: { path: { id: string } }; responses: { 200: { content: { "application/json": { id: string } } } } };
  };
};

const SECRET = "s3cr3t-token-value";
const staticAuth: Authenticator = {
  authenticate(request) {
    request.headers.set("X-Test-Auth", SECRET);
    return request;
  },
  secrets: () => [SECRET],
};

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function makeClient(options: TransportOptions = {}, authenticator: Authenticator = staticAuth) {
  const baseUrl = `${server.url}/api`;
  const fetch = createTransport({
    authenticator,
    baseUrl,
    operationIds,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  return guardClient(createClient<TestPaths>({ baseUrl, fetch }), { timeoutMs: options.timeoutMs, operationIds, maxResponseBytes: options.maxResponseBytes });
}
const params = { path: { id: "a" } };
const operationIds = { "GET /v1/things/{id}": "getThing", "PUT /v1/things/{id}": "putThing", "POST /v1/things/{id}": "postThing" };

describe("retries", () => {
  it("retries a GET on 503 up to the configured count, then returns the last answer", async () => {
    server.handle(() => ({ status: 503, body: { message: "busy" } }));
    const { error, response } = await makeClient({ retry: { retries: 3, baseDelayMs: 1 } }).GET("/v1/things/{id}", { params });
    expect(response.status).toBe(503);
    expect(error).toEqual({ message: "busy" });
    expect(server.requests).toHaveLength(4);
  });

  it("retries a GET on 429 and succeeds when the server recovers", async () => {
    server.handle((_request, index) => (index < 2 ? { status: 429 } : { status: 200, body: { id: "a" } }));
    const { data } = await makeClient().GET("/v1/things/{id}", { params });
    expect(data).toEqual({ id: "a" });
    expect(server.requests).toHaveLength(3);
  });

  it("replays the body of a retried PUT and authenticates every attempt", async () => {
    server.handle((_request, index) => (index === 0 ? { status: 503 } : { status: 200, body: { id: "a" } }));
    await makeClient().PUT("/v1/things/{id}", { params, body: { name: "n" } });
    expect(server.requests.map((request) => request.body)).toEqual(['{"name":"n"}', '{"name":"n"}']);
    expect(server.requests.map((request) => request.headers["x-test-auth"])).toEqual([SECRET, SECRET]);
  });

  it("never retries a POST or a PATCH", async () => {
    server.handle(() => ({ status: 503 }));
    const client = makeClient();
    await client.POST("/v1/things/{id}", { params, body: { name: "n" } });
    await client.PATCH("/v1/things/{id}", { params });
    expect(server.requests.map((request) => request.method)).toEqual(["POST", "PATCH"]);
  });

  it("does not retry other statuses (501, 404)", async () => {
    server.handle((_request, index) => ({ status: index === 0 ? 501 : 404 }));
    const client = makeClient();
    await client.GET("/v1/things/{id}", { params });
    await client.GET("/v1/things/{id}", { params });
    expect(server.requests).toHaveLength(2);
  });

  it("is switched off by `retry: false`", async () => {
    server.handle(() => ({ status: 503 }));
    await makeClient({ retry: false }).GET("/v1/things/{id}", { params });
    expect(server.requests).toHaveLength(1);
  });

  it("honours Retry-After in seconds", async () => {
    server.handle((_request, index) => (index === 0 ? { status: 429, headers: { "retry-after": "1" } } : { status: 200, body: { id: "a" } }));
    const started = Date.now();
    await makeClient().GET("/v1/things/{id}", { params });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  it("does not wait for a Retry-After longer than maxRetryAfterMs", async () => {
    server.handle(() => ({ status: 503, headers: { "retry-after": "120" } }));
    const { response } = await makeClient({ retry: { maxRetryAfterMs: 1000 } }).GET("/v1/things/{id}", { params });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a GET after a network error", async () => {
    server.handle((_request, index) => (index === 0 ? { destroy: true } : { status: 200, body: { id: "a" } }));
    const { data } = await makeClient().GET("/v1/things/{id}", { params });
    expect(data).toEqual({ id: "a" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a POST after a network error", async () => {
    server.handle(() => ({ destroy: true }));
    await expect(makeClient().POST("/v1/things/{id}", { params, body: { name: "n" } })).rejects.toThrow(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("timeouts", () => {
  it("fails with a TimeoutError naming the request after timeoutMs", async () => {
    server.handle(() => ({ delayMs: 500, body: {} }));
    const error = await makeClient({ timeoutMs: 50, retry: false }).GET("/v1/things/{id}", { params }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe("getThing (GET /api/v1/things/a) timed out after 50 ms");
  });

  it("retries an idempotent request that timed out", async () => {
    server.handle((_request, index) => (index === 0 ? { delayMs: 300, body: {} } : { body: { id: "a" } }));
    const { data } = await makeClient({ timeoutMs: 100 }).GET("/v1/things/{id}", { params });
    expect(data).toEqual({ id: "a" });
  });

  it("can be switched off with `timeoutMs: false`: no timer's signal reaches fetch", async () => {
    server.handle(() => ({ body: { id: "a" } }));
    const signals: Array<AbortSignal | null | undefined> = [];
    const recordingFetch = (request: Request, init?: RequestInit) => {
      signals.push(init?.signal);
      return fetch(request, init);
    };
    const { data } = await makeClient({ timeoutMs: false, fetch: recordingFetch }).GET("/v1/things/{id}", { params });
    expect(data).toEqual({ id: "a" });
    expect(signals).toEqual([undefined]);
    await makeClient({ timeoutMs: 5_000, fetch: recordingFetch }).GET("/v1/things/{id}", { params });
    expect(signals[1]).toBeInstanceOf(AbortSignal);
  });

  it("reports a timeout while the body is read as the same TimeoutError, naming the request", async () => {
    server.handle(() => ({ bodyDelayMs: 400, body: { id: "slow" } }));
    const error = await makeClient({ timeoutMs: 100, retry: false }).GET("/v1/things/{id}", { params }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ method: "GET", path: "/api/v1/things/a", operation: "getThing", timeoutMs: 100 });
  });

  it("refuses an empty path parameter before any request, naming it", async () => {
    const before = server.requests.length;
    const error = await makeClient({}).GET("/v1/things/{id}", { params: { path: { id: "" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ option: "params.path.id" });
    expect(server.requests.length).toBe(before);
  });

  it("stops at once, without retrying, when the caller's signal aborts", async () => {
    server.handle(() => ({ delayMs: 300, body: {} }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(makeClient().GET("/v1/things/{id}", { params, signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(server.requests).toHaveLength(1);
  });
});

describe("errors", () => {
  it("returns typed `error` by default, and unwrap() throws an ApiError with operation and body", async () => {
    server.handle(() => ({ status: 404, body: { message: "no such thing" } }));
    const client = makeClient();
    const result = await client.GET("/v1/things/{id}", { params });
    expect(result.error).toEqual({ message: "no such thing" });
    const error = await unwrap(result).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, method: "GET", path: "/api/v1/things/a", operation: "getThing", body: { message: "no such thing" } });
    expect((error as ApiError).message).toBe("getThing (GET /api/v1/things/a) failed with HTTP 404: no such thing");
  });

  it("unwrap() returns data on success", async () => {
    server.handle(() => ({ body: { id: "a" } }));
    const thing = await unwrap(makeClient().GET("/v1/things/{id}", { params }));
    expect(thing.id).toBe("a");
  });

  it("throws an ApiError for non-2xx answers with throwOnError", async () => {
    server.handle(() => ({ status: 409, body: "plain text conflict" }));
    const error = await makeClient({ throwOnError: true }).PUT("/v1/things/{id}", { params, body: { name: "n" } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConflictError", status: 409, method: "PUT", operationId: "putThing", body: "plain text conflict" });
  });
});

describe("refresh after 401", () => {
  it("asks the authenticator to refresh once and sends the request again with its body", async () => {
    let token = "old-token";
    let refreshes = 0;
    const refreshing: Authenticator = {
      authenticate(request) {
        request.headers.set("X-Test-Auth", token);
        return request;
      },
      async refresh() {
        refreshes += 1;
        token = `new-token-${refreshes}`;
        return true;
      },
      secrets: () => [token],
    };
    server.handle(() => ({ status: 401 }));
    const { response } = await makeClient({}, refreshing).POST("/v1/things/{id}", { params, body: { name: "n" } });
    expect(response.status).toBe(401);
    expect(refreshes).toBe(1);
    expect(server.requests.map((request) => [request.headers["x-test-auth"], request.body])).toEqual([
      ["old-token", '{"name":"n"}'],
      ["new-token-1", '{"name":"n"}'],
    ]);
  });
});

describe("redirects, certificates and limits", () => {
  const answer = (init: ResponseInit & { body?: string } = {}) => new Response(init.body ?? '{"id":"a"}', init);

  it("asks every fetch not to follow redirects (the client follows same-origin ones itself)", async () => {
    const seen: Array<RequestRedirect | undefined> = [];
    const recordingFetch = async (_request: Request, init?: RequestInit) => {
      seen.push(init?.redirect);
      return answer();
    };
    await makeClient({ fetch: recordingFetch }).GET("/v1/things/{id}", { params });
    await makeClient({ fetch: recordingFetch, timeoutMs: false }).GET("/v1/things/{id}", { params });
    expect(seen).toEqual(["manual", "manual"]);
  });

  it("stops at a browser's opaque redirect, whose target it cannot check", async () => {
    const opaque = { type: "opaqueredirect", status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
    const error = await makeClient({ fetch: async () => opaque }).GET("/v1/things/{id}", { params }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 0, location: undefined, operation: "getThing" });
  });

  it("reports an untrusted certificate as a TlsError with a hint, and does not retry it", async () => {
    let attempts = 0;
    const failingFetch = async () => {
      attempts += 1;
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("self-signed certificate in certificate chain"), { code: "SELF_SIGNED_CERT_IN_CHAIN" }) });
    };
    const error = await makeClient({ fetch: failingFetch, retry: { retries: 3, baseDelayMs: 1 } }).GET("/v1/things/{id}", { params }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TlsError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "SELF_SIGNED_CERT_IN_CHAIN", operation: "getThing", host: new URL(server.url).host });
    expect((error as Error).message).toContain("NODE_EXTRA_CA_CERTS");
    expect(attempts).toBe(1);
  });

  it("passes on an error that is not about the network (a bug in a custom fetch) as it is", async () => {
    const bug = new RangeError("bug in a custom fetch");
    await expect(makeClient({ fetch: async () => Promise.reject(bug) }).GET("/v1/things/{id}", { params })).rejects.toBe(bug);
  });

  it("refuses a maxResponseBytes that is not a positive number, naming it", () => {
    for (const maxResponseBytes of [0, -1, Number.NaN]) {
      expect(() => makeClient({ maxResponseBytes })).toThrow(expect.objectContaining({ name: "InvalidOptionError", option: "maxResponseBytes" }));
    }
  });

  it("reads any size with maxResponseBytes: false", async () => {
    server.handle(() => ({ body: { id: "x".repeat(100_000) } }));
    const { data } = await makeClient({ maxResponseBytes: false }).GET("/v1/things/{id}", { params });
    expect(data?.id).toHaveLength(100_000);
  });

  it("serialises every RequestError with its message and fields", async () => {
    server.handle(() => ({ status: 301, headers: { location: "https://elsewhere.example/x" } }));
    const error = await makeClient().GET("/v1/things/{id}", { params }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "RedirectError",
      message: "getThing (GET /api/v1/things/a) was redirected (301) to https://elsewhere.example: only redirects within " + server.url + " are followed",
      method: "GET",
      path: "/api/v1/things/a",
      operationId: "getThing",
      status: 301,
      location: "https://elsewhere.example/x",
    });
  });
});

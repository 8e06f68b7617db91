// The generated methods against a local server: the request each one sends, the body it resolves to, the
// ApiError (and its subclass) it throws, `.withResponse()`, and the standalone functions on the base client.
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApiError,
  ConflictError,
  InvalidOptionError,
  NotFoundError,
  RateLimitError,
  ServerError,
  createKakaoCloudRedisBaseClient,
  createKakaoCloudRedisClient,
  getCluster,
  isApiErrorOf,
  listClusters,
  operationIds,
} from "../src/index.js";
import { startLocalServer, type LocalServer } from "@managed-redis/test-support/local-server";

const TOKEN = "gAAAAABkakao-static-token-0001";
let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const kakao = () => createKakaoCloudRedisClient({ token: TOKEN, baseUrl: server.url, retry: false });

describe("one method per operation", () => {
  it("has a method for every operation of the spec, named by its camelCased operationId", () => {
    const client = kakao();
    for (const operationId of Object.values(operationIds)) {
      expect(typeof (client as unknown as Record<string, unknown>)[operationId], operationId).toBe("function");
    }
    // openapi-fetch's own methods stay.
    expect(typeof client.GET).toBe("function");
    expect(typeof client.POST).toBe("function");
  });

  it("sends path parameters by their camelCased names, the query and the body, and resolves to the body", async () => {
    server.handle(() => ({ body: { objectId: "n1" } }));
    const client = kakao();
    const node = await client.getNode({ clusterId: "c 1", shardId: "s1", nodeId: "n1" });
    expect(node).toEqual({ objectId: "n1" });
    expect(server.requests[0]).toMatchObject({ method: "GET", url: "/v1/clusters/c%201/shards/s1/nodes/n1" });

    server.handle(() => ({ body: { objectId: "c1" } }));
    await client.deleteCluster({ clusterId: "c1", query: { keepAutomaticBackups: true } });
    expect(server.requests[1]).toMatchObject({ method: "DELETE", url: "/v1/clusters/c1?keepAutomaticBackups=true" });

    await client.updateCluster({ clusterId: "c1", body: { description: "d" } });
    expect(server.requests[2]).toMatchObject({ method: "PATCH", url: "/v1/clusters/c1" });
    expect(JSON.parse(server.requests[2]!.body)).toEqual({ description: "d" });
    expect(server.requests[2]!.headers["x-auth-token"]).toBe(TOKEN);
  });

  it("refuses an empty path parameter before any request, naming the argument", async () => {
    const error = await kakao().getCluster({ clusterId: " " }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ option: "clusterId" });
    expect(server.requests).toHaveLength(0);
  });

  it("passes a signal and extra headers of one call", async () => {
    server.handle(() => ({ body: { clusters: [] } }));
    await kakao().listClusters({}, { headers: { "X-Trace": "t1" } });
    expect(server.requests[0]!.headers["x-trace"]).toBe("t1");
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(kakao().listClusters({}, { signal: controller.signal })).rejects.toThrow("stop");
  });

  it("gives the Response with .withResponse()", async () => {
    server.handle(() => ({ headers: { "x-request-id": "ok-1" }, body: { clusters: [] } }));
    const { data, response } = await kakao().listClusters().withResponse();
    expect(data).toEqual({ clusters: [] });
    expect(response.headers.get("x-request-id")).toBe("ok-1");
  });

  it("works as standalone functions on the base client, which has no bound methods", async () => {
    server.handle(() => ({ body: { objectId: "c1" } }));
    const base = createKakaoCloudRedisBaseClient({ token: TOKEN, baseUrl: server.url });
    expect("getCluster" in base).toBe(false);
    expect(await getCluster(base, { clusterId: "c1" })).toEqual({ objectId: "c1" });
  });
});

describe("errors that help", () => {
  it("throws an ApiError with status, headers, request id and operationId (listClusters against a 404)", async () => {
    server.handle(() => ({ status: 404, headers: { "x-request-id": "r1" }, body: { code: 404, message: "not found" } }));
    const error = await kakao().listClusters().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      name: "NotFoundError",
      status: 404,
      requestId: "r1",
      operationId: "listClusters",
      method: "GET",
      path: "/v1/clusters",
      url: `${server.url}/v1/clusters`,
      body: { code: 404, message: "not found" },
    });
    expect((error as ApiError).headers).toMatchObject({ "x-request-id": "r1", "content-type": "application/json" });
    expect((error as Error).message).toBe("listClusters (GET /v1/clusters) failed with HTTP 404: not found (request id r1)");
  });

  it("falls back to request-id, and has none when the server sends neither", async () => {
    server.handle(() => ({ status: 400, headers: { "request-id": "r2" }, body: {} }));
    expect(await kakao().listClusters().catch((caught: unknown) => caught)).toMatchObject({ requestId: "r2" });
    server.handle(() => ({ status: 400, body: {} }));
    expect(await kakao().listClusters().catch((caught: unknown) => caught)).toMatchObject({ requestId: undefined });
  });

  it.each([
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [400, ApiError],
  ] as const)("throws the subclass for %i", async (status, Class) => {
    server.handle(() => ({ status, headers: { "retry-after": "7" }, body: { message: "no" } }));
    const error = await kakao().getCluster({ clusterId: "c1" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe(Class.name);
    if (status === 429) expect(error).toMatchObject({ retryAfterMs: 7000 });
  });

  it("rejects .withResponse() with the same error, and does not leave the data promise unhandled", async () => {
    server.handle(() => ({ status: 409, body: { message: "taken" } }));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const error = await kakao().createCluster({ body: {} as never }).withResponse().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConflictError);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("narrows the body with isApiErrorOf, by method name", async () => {
    server.handle(() => ({ status: 404, body: { code: 404, message: "gone" } }));
    const error = await kakao().getCluster({ clusterId: "c1" }).catch((caught: unknown) => caught);
    expect(isApiErrorOf(error, "getCluster")).toBe(true);
    expect(isApiErrorOf(error, "listClusters")).toBe(false);
    if (isApiErrorOf(error, "getCluster")) expect(error.body?.message).toBe("gone");
  });

  it("keeps credentials out of headers, URL, body and message", async () => {
    server.handle(() => ({
      status: 401,
      headers: { "x-request-id": TOKEN, "set-cookie": "session=abc123", "x-echo": `token ${TOKEN}` },
      body: { message: `bad token ${TOKEN}` },
    }));
    const error = (await kakao().listClusters({ query: { parameterGroupName: TOKEN } }).catch((caught: unknown) => caught)) as ApiError;
    expect(error.headers["set-cookie"]).toBe("[REDACTED]");
    expect(error.headers["x-echo"]).toBe("token [REDACTED]");
    expect(error.requestId).toBe("[REDACTED]");
    expect(error.url).toContain("parameterGroupName=[REDACTED]");
    for (const shown of [JSON.stringify(error), inspect(error), error.message, String(error.stack)]) {
      expect(shown).not.toContain(TOKEN);
      expect(shown).not.toContain("abc123");
    }
  });

  it("names the request in a connection failure", async () => {
    const offline = createKakaoCloudRedisClient({ token: TOKEN, baseUrl: "http://127.0.0.1:1", retry: false });
    const error = await offline.getCluster({ clusterId: "c1" }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ConnectionError", method: "GET", path: "/v1/clusters/c1", operationId: "getCluster" });
  });

  it("standalone functions throw the same errors", async () => {
    server.handle(() => ({ status: 404, headers: { "x-request-id": "r3" }, body: {} }));
    const base = createKakaoCloudRedisBaseClient({ token: TOKEN, baseUrl: server.url });
    await expect(listClusters(base)).rejects.toMatchObject({ status: 404, requestId: "r3", operationId: "listClusters" });
  });
});

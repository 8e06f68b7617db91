import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApiError,
  DEFAULT_BASE_URL,
  InvalidOptionError,
  createKakaoCloudRedisClient,
  knownClusterStatuses,
  unwrap,
  type KakaoCloudRedisClientOptions,
} from "../src/index.js";
import { startLocalServer, type LocalServer } from "@managed-redis/test-support/local-server";

const TOKEN = "gAAAAABkakao-static-token-0001";
const cluster = {
  projectId: "p",
  objectId: "c1",
  name: "test-cluster",
  version: "7.0.12",
  port: 6379,
  clusterEnabled: true,
  recoveryEnabled: true,
  shardCount: 1,
  totalNodeCount: 2,
  flavorId: "3830ebad-ea2f-4822-8a7d-9e301c86a58d",
  status: "Creating",
  createdAt: "2024-03-06T02:35:13Z",
};

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = (options: Partial<KakaoCloudRedisClientOptions> = { token: TOKEN }) =>
  createKakaoCloudRedisClient({ baseUrl: server.url, retry: { baseDelayMs: 1 }, ...options });

describe("authentication", () => {
  it("sends a static token as X-Auth-Token", async () => {
    server.handle(() => ({ body: { clusters: [] } }));
    await client().GET("/v1/clusters");
    expect(server.requests[0]?.headers["x-auth-token"]).toBe(TOKEN);
  });

  it("asks a token provider once, then reuses the token", async () => {
    let calls = 0;
    server.handle(() => ({ body: { clusters: [] } }));
    const kakao = client({ tokenProvider: async () => `token-${++calls}` });
    await kakao.GET("/v1/clusters");
    await kakao.GET("/v1/clusters");
    expect(calls).toBe(1);
    expect(server.requests.map((request) => request.headers["x-auth-token"])).toEqual(["token-1", "token-1"]);
  });

  it("calls the provider again after a 401 and resends the request, once", async () => {
    let calls = 0;
    server.handle((request) => (request.headers["x-auth-token"] === "token-2" ? { status: 201, body: { objectId: "c1" } } : { status: 401, body: { message: "expired" } }));
    const kakao = client({ tokenProvider: () => `token-${++calls}` });
    const { data } = await kakao.POST("/v1/clusters/{cluster-id}/shards", {
      params: { path: { "cluster-id": "c1" } },
      body: { subnetAssignment: { primarySubnetId: "s1", replicaSubnetIds: [] } } as never,
    });
    expect(data).toEqual({ objectId: "c1" });
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).toBe(server.requests[0]?.body);
  });

  it("gives up after one renewal when the new token is refused too", async () => {
    let calls = 0;
    server.handle(() => ({ status: 401, body: { message: "expired" } }));
    const { response } = await client({ tokenProvider: () => `token-${++calls}` }).GET("/v1/clusters");
    expect(response.status).toBe(401);
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it("does not resend on 401 with a static token", async () => {
    server.handle(() => ({ status: 401 }));
    await client().GET("/v1/clusters");
    expect(server.requests).toHaveLength(1);
  });

  it("requires a token or a provider, naming the option", () => {
    expect(() => createKakaoCloudRedisClient({})).toThrow(expect.objectContaining({ name: "InvalidOptionError", option: "token" }));
    expect(() => createKakaoCloudRedisClient({ token: "" })).toThrow(expect.objectContaining({ option: "token" }));
  });

  // fetch would refuse such a token with a TypeError quoting it, taken for a network error and retried.
  it.each([
    ["a trailing newline", `${TOKEN}\n`],
    ["a line break inside", "gAAAAAB-first-half\r\nX-Injected: 1"],
    ["a control character", `${TOKEN}\u0000`],
    ["a character beyond Latin-1", `${TOKEN}€`],
    ["a trailing space", `${TOKEN} `],
  ])("refuses a token with %s at construction, without quoting it", (_what, token) => {
    let error: unknown;
    try {
      createKakaoCloudRedisClient({ token, baseUrl: server.url });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ option: "token" });
    for (const text of [String(error), (error as Error).stack ?? "", inspect(error)]) expect(text).not.toContain(token.trim());
  });

  it("refuses a token from the provider that a header cannot carry, without sending or quoting it", async () => {
    const token = "gAAAAABk-provided-token\n";
    const error = await client({ tokenProvider: () => token }).GET("/v1/clusters").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ option: "tokenProvider" });
    expect(inspect(error)).not.toContain(token.trim());
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a baseUrl with a user name or password in it, without quoting them", () => {
    expect(() => createKakaoCloudRedisClient({ token: TOKEN, baseUrl: "https://admin:hunter22@redis.example" })).toThrow(
      expect.objectContaining({ option: "baseUrl", message: expect.not.stringContaining("hunter22") }),
    );
  });
});

describe("base URL", () => {
  it("defaults to the kr-central-2 endpoint", async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(request.url);
      return new Response('{"clusters":[]}', { headers: { "content-type": "application/json" } });
    };
    await createKakaoCloudRedisClient({ token: TOKEN, fetch }).GET("/v1/clusters");
    expect(DEFAULT_BASE_URL).toBe("https://redis.kr-central-2.kakaocloud.com");
    expect(seen).toEqual(["https://redis.kr-central-2.kakaocloud.com/v1/clusters"]);
  });

  it("uses baseUrl when given", async () => {
    server.handle(() => ({ body: { clusters: [] } }));
    await client().GET("/v1/clusters", { params: { query: { parameterGroupName: "pg" } } });
    expect(server.requests[0]?.url).toBe("/v1/clusters?parameterGroupName=pg");
  });
});

describe("errors", () => {
  it("throws an ApiError naming the operation, without the token", async () => {
    server.handle((request) => ({ status: 403, body: { code: 403, message: `token ${request.headers["x-auth-token"]} lacks permission` } }));
    const error = await unwrap(client().GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": "c1" } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, method: "GET", path: "/v1/clusters/c1", operation: "getCluster" });
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })]) expect(text).not.toContain(TOKEN);
  });

  it("throws on every failure with throwOnError", async () => {
    server.handle(() => ({ status: 404, body: { message: "no such cluster" } }));
    await expect(client({ token: TOKEN, throwOnError: true }).DELETE("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": "c1" } } })).rejects.toMatchObject({
      status: 404,
      operation: "deleteCluster",
      message: "deleteCluster (DELETE /v1/clusters/c1) failed with HTTP 404: no such cluster",
    });
  });
});

describe("waitForClusterStatus", () => {
  const fast = { intervalMs: 5, maxIntervalMs: 10 };

  it("polls until the cluster has the status and returns it", async () => {
    server.handle((_request, index) => ({ body: { ...cluster, status: index < 2 ? "Creating" : "Running" } }));
    const result = await client().waitForClusterStatus("c1", "Running", fast);
    expect(result.status).toBe("Running");
    expect(server.requests.map((request) => request.url)).toEqual(Array(3).fill("/v1/clusters/c1"));
  });

  it("fails when the cluster goes into a failure status", async () => {
    server.handle(() => ({ body: { ...cluster, status: "Error" } }));
    await expect(client().waitForClusterStatus("c1", "Running", fast)).rejects.toMatchObject({ name: "WaiterError", reason: "failed", lastState: "Error" });
  });

  it("uses the caller's failure statuses when given", async () => {
    server.handle(() => ({ body: { ...cluster, status: "Scaling(horizontal)" } }));
    await expect(client().waitForClusterStatus("c1", "Running", { ...fast, failureStatuses: ["Scaling(horizontal)"] })).rejects.toMatchObject({ reason: "failed" });
  });

  it("fails when the cluster disappears", async () => {
    server.handle(() => ({ status: 404, body: { message: "not found" } }));
    await expect(client().waitForClusterStatus("c1", "Running", fast)).rejects.toMatchObject({ reason: "gone" });
  });

  it("times out", async () => {
    server.handle(() => ({ body: cluster }));
    await expect(client().waitForClusterStatus("c1", "Running", { ...fast, timeoutMs: 500 })).rejects.toMatchObject({ reason: "timeout", lastState: "Creating" });
  });

  it("rejects an empty cluster id before any request", async () => {
    await expect(client().waitForClusterStatus(" ", "Running")).rejects.toMatchObject({ option: "clusterId" });
    expect(server.requests).toHaveLength(0);
  });

  it("rejects an empty path parameter of any call before any request, naming it", async () => {
    const error = await client()
      .DELETE("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": "" } } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InvalidOptionError", option: "params.path.cluster-id" });
    expect(server.requests).toHaveLength(0);
  });

  it("knows the documented statuses", () => {
    expect(knownClusterStatuses).toContain("Running");
  });
});

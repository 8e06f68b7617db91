// Every ```ts example of README.md runs here against a local server standing in for KakaoCloud. Only the
// documented options change: `baseUrl` (KAKAO_REDIS_BASE_URL), the IAM URL and the credentials.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { extractReadmeBlocks, removeReadmeBlocks, typecheckReadmeBlocks } from "@managed-redis/test-support/readme-blocks";
import { startLocalServer, type LocalServer } from "@managed-redis/test-support/local-server";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const blocks = extractReadmeBlocks(packageDir, "@managed-redis/kakaocloud-redis");
const cluster = {
  projectId: "p", objectId: "c-new", name: "sessions", version: "7.0.12", port: 6379, clusterEnabled: true, recoveryEnabled: true,
  shardCount: 1, totalNodeCount: 2, flavorId: "3830ebad-ea2f-4822-8a7d-9e301c86a58d", status: "Running", createdAt: "2024-03-06T02:35:13Z",
};

let server: LocalServer;
let polls = 0;
beforeAll(async () => {
  server = await startLocalServer((request) => {
    if (request.url === "/identity/v3/auth/tokens") return { status: 201, headers: { "X-Subject-Token": "iam-token-1" }, body: {} };
    const token = request.headers["x-auth-token"];
    if (token !== "readme-token" && token !== "iam-token-1") return { status: 401, body: { message: "unauthorized" } };
    if (request.method === "GET" && request.url === "/v1/clusters") return { body: { clusters: [cluster] } };
    if (request.method === "GET" && request.url === "/v1/redis/versions") return { body: { versions: ["7.0.12"] } };
    if (request.method === "POST" && request.url === "/v1/clusters") return { status: 201, body: { objectId: "c-new" } };
    if (request.url === "/v1/clusters/c-new") return { body: { ...cluster, status: ++polls < 3 ? "Creating" : "Running" } };
    return { status: 404, body: { code: 404, message: "cluster not found" } };
  });
  Object.assign(process.env, {
    KAKAO_API_TOKEN: "readme-token",
    KAKAO_REDIS_BASE_URL: server.url,
    KAKAO_IAM_URL: server.url,
    KAKAO_ACCESS_KEY_ID: "access-key-id",
    KAKAO_ACCESS_KEY_SECRET: "access-key-secret",
    POLL_INTERVAL_MS: "5",
  });
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(async () => {
  await server.close();
  removeReadmeBlocks(packageDir);
  vi.restoreAllMocks();
});

describe("README examples", () => {
  it("has an example per auth mode, for errors and for the waiter", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  // The compiler loads the generated types and @types/node: slow on a busy machine.
  it("type-check", () => {
    expect(typecheckReadmeBlocks(packageDir, blocks)).toBe("");
  }, 90_000);

  for (const block of blocks) {
    it(`runs example ${block.index} (${block.heading})`, async () => {
      const before = server.requests.length;
      await import(block.file);
      expect(server.requests.length).toBeGreaterThan(before);
    });
  }

  it("the IAM example sent the access key and used the token it returned", () => {
    const iam = server.requests.find((request) => request.url === "/identity/v3/auth/tokens");
    expect(JSON.parse(iam?.body ?? "{}").auth.identity.application_credential).toEqual({ id: "access-key-id", secret: "access-key-secret" });
    expect(server.requests.some((request) => request.headers["x-auth-token"] === "iam-token-1")).toBe(true);
  });
});

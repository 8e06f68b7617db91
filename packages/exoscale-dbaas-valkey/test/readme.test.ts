// Every ```ts example of README.md runs here against a local server standing in for Exoscale, which checks
// each signature. Only the documented options change: `baseUrl` (EXOSCALE_API_URL) and the credentials.
import { createHmac } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { extractReadmeBlocks, removeReadmeBlocks, typecheckReadmeBlocks } from "@managed-redis/test-support/readme-blocks";
import { startLocalServer, type LocalServer, type RecordedRequest } from "@managed-redis/test-support/local-server";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const blocks = extractReadmeBlocks(packageDir, "@managed-redis/exoscale-dbaas-valkey");
const API_KEY = "EXOreadme000000000000000000";
const API_SECRET = "readme-secret-abcdefghijklmnopqrstuvwxyz012345";

function signedCorrectly(request: RecordedRequest): boolean {
  const match = /^EXO2-HMAC-SHA256 credential=([^,]+),expires=(\d+),signature=(.+)$/.exec(String(request.headers.authorization));
  if (!match || match[1] !== API_KEY) return false;
  const message = `${request.method} ${request.url}\n${request.body}\n\n\n${match[2]}`;
  return createHmac("sha256", API_SECRET).update(message).digest("base64") === match[3];
}

let server: LocalServer;
let polls = 0;
const service = { name: "sessions", type: "valkey", plan: "hobbyist-2", "prometheus-uri": {} };
beforeAll(async () => {
  server = await startLocalServer((request) => {
    if (!signedCorrectly(request)) return { status: 403, body: { message: "bad signature" } };
    if (request.method === "GET" && request.url === "/v2/dbaas-valkey/sessions/user") return { body: { users: [{ username: "default", type: "primary" }] } };
    if (request.url !== "/v2/dbaas-valkey/sessions") return { status: 404, body: { message: "service not found" } };
    if (request.method === "POST") return { body: { id: "0b4c1e0c-7ad4-4a0b-b6a8-2b3b1a1d9e11", state: "pending" } };
    return { body: { ...service, state: ++polls < 3 ? "rebuilding" : "running" } };
  });
  Object.assign(process.env, { EXOSCALE_API_KEY: API_KEY, EXOSCALE_API_SECRET: API_SECRET, EXOSCALE_API_URL: `${server.url}/v2`, POLL_INTERVAL_MS: "5" });
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(async () => {
  await server.close();
  removeReadmeBlocks(packageDir);
  vi.restoreAllMocks();
});

describe("README examples", () => {
  it("has an example for authentication, the waiter and errors", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
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

  it("every request was signed correctly", () => {
    expect(server.requests.every(signedCorrectly)).toBe(true);
  });
});

// Every ```ts example of README.md runs here against a local HTTPS server with a self-signed certificate,
// standing in for a cluster node. Only the documented options change: host, port, credentials and the CA file.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { extractReadmeBlocks, removeReadmeBlocks, typecheckReadmeBlocks } from "@managed-redis/test-support/readme-blocks";
import { startLocalServer, type LocalServer } from "@managed-redis/test-support/local-server";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const blocks = extractReadmeBlocks(packageDir, "@managed-redis/redis-enterprise");
const certPath = fileURLToPath(new URL("./fixtures/localhost-cert.pem", import.meta.url));
const basic = `Basic ${Buffer.from("readme@example.com:readme-password").toString("base64")}`;

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer(
    (request) => {
      if (request.headers.authorization !== basic) return { status: 401, body: { error_code: "unauthorized", description: "Wrong credentials" } };
      if (request.method === "GET" && request.url === "/v1/local/services") {
        return { body: { alert_mgr: { status: "RUNNING", start_time: "2024-05-13T18:38:00Z", uptime: "3 days, 0:58:59" } } };
      }
      if (request.method === "POST" && request.url === "/v1/local/services") return { body: { alert_mgr: true } };
      return { status: 404, body: { error_code: "not_found", description: "No such path" } };
    },
    { tls: { cert: readFileSync(certPath, "utf8"), key: readFileSync(fileURLToPath(new URL("./fixtures/localhost-key.pem", import.meta.url)), "utf8") } },
  );
  Object.assign(process.env, {
    RE_HOST: "localhost",
    RE_PORT: new URL(server.url).port,
    RE_USERNAME: "readme@example.com",
    RE_PASSWORD: "readme-password",
    RE_CA_CERT: certPath,
  });
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(async () => {
  await server.close();
  removeReadmeBlocks(packageDir);
  vi.restoreAllMocks();
});

describe("README examples", () => {
  it("has an example per TLS mode and for errors", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it("type-check", () => {
    expect(typecheckReadmeBlocks(packageDir, blocks)).toBe("");
  }, 90_000);

  // The browser example is type-checked here and, as published, by test/consumers; the same calls run
  // in Chromium in test/browser-msw. In Node it would get the Node build, which trusts no self-signed cert.
  for (const block of blocks.filter((candidate) => candidate.heading !== "In a browser")) {
    it(`runs example ${block.index} (${block.heading})`, async () => {
      const before = server.requests.length;
      await import(block.file);
      expect(server.requests.length).toBeGreaterThan(before);
    });
  }
});

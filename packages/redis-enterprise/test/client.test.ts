import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, TlsError, createRedisEnterpriseClient, unwrap, type RedisEnterpriseClientOptions } from "../src/index.js";
import { createRedisEnterpriseClient as createBrowserClient } from "../src/browser.js";
import { startLocalServer, type LocalServer } from "@managed-redis/test-support/local-server";

// A self-signed certificate for localhost/127.0.0.1, made once with `openssl req -x509` for these tests only.
const cert = readFileSync(new URL("./fixtures/localhost-cert.pem", import.meta.url), "utf8");
const key = readFileSync(new URL("./fixtures/localhost-key.pem", import.meta.url), "utf8");

const USERNAME = "demo@redislabs.com";
const PASSWORD = "correct-horse-battery";
const services = { alert_mgr: { status: "RUNNING", start_time: "2024-05-13T18:38:00Z", uptime: "3 days, 0:58:59" } };

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer(() => ({ body: services }), { tls: { cert, key } });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ body: services }));
});

const port = () => Number(new URL(server.url).port);
const client = (options: Partial<RedisEnterpriseClientOptions> = {}) =>
  createRedisEnterpriseClient({ host: "127.0.0.1", port: port(), username: USERNAME, password: PASSWORD, ca: cert, retry: { baseDelayMs: 1 }, ...options });

describe("TLS", () => {
  it("trusts the cluster's self-signed certificate given as `ca`", async () => {
    const { data } = await client().GET("/v1/local/services");
    expect(data?.alert_mgr?.status).toBe("RUNNING");
  });

  it("refuses the self-signed certificate by default, without retrying", async () => {
    const error = await client({ ca: undefined }).GET("/v1/local/services").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TlsError);
    expect(error).toMatchObject({ operation: "listLocalServices", method: "GET", path: "/v1/local/services", code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    expect((error as TlsError).message).toContain("as the `ca` option");
    expect(server.requests).toHaveLength(0);
  });

  it("skips verification only with insecureSkipTlsVerify: true", async () => {
    const { data } = await client({ ca: undefined, insecureSkipTlsVerify: true }).GET("/v1/local/services");
    expect(data).toEqual(services);
  });

  it("does not take `ca` and `insecureSkipTlsVerify` together: one of them would be ignored", () => {
    expect(() => client({ insecureSkipTlsVerify: true })).toThrow(expect.objectContaining({ option: "insecureSkipTlsVerify" }));
  });

  it("does not combine a custom fetch with `ca`", () => {
    expect(() => client({ fetch: async () => new Response() })).toThrow(expect.objectContaining({ option: "fetch" }));
  });
});

describe("the browser build (every runtime but Node)", () => {
  const options = { host: "127.0.0.1", username: USERNAME, password: PASSWORD };

  it("refuses `ca` and `insecureSkipTlsVerify`, which only Node can honour, naming the option", () => {
    expect(() => createBrowserClient({ ...options, ca: cert })).toThrow(expect.objectContaining({ option: "ca" }));
    expect(() => createBrowserClient({ ...options, insecureSkipTlsVerify: true })).toThrow(expect.objectContaining({ option: "insecureSkipTlsVerify" }));
  });

  it("calls the cluster with the global fetch, the browser's TLS", async () => {
    const plain = await startLocalServer(() => ({ body: services }));
    try {
      const { data } = await createBrowserClient({ ...options, baseUrl: plain.url }).GET("/v1/local/services");
      expect(data).toEqual(services);
      expect(plain.requests[0]?.headers.authorization).toMatch(/^Basic /);
    } finally {
      await plain.close();
    }
  });
});

describe("authentication", () => {
  it("sends HTTP Basic credentials", async () => {
    await client().GET("/v1/local/services");
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")}`);
  });

  it.each([
    [{ password: "" }, "password"],
    [{ username: undefined }, "username"],
    [{ host: undefined }, "host"],
    [{ host: "https://cluster:9443" }, "host"],
    [{ port: 70_000 }, "port"],
  ])("fails before any request on bad input: %o", (override, option) => {
    expect(() => client(override as Partial<RedisEnterpriseClientOptions>)).toThrow(expect.objectContaining({ option }));
  });

  it.each([
    ["password", "a trailing newline", { password: `${PASSWORD}\n` }],
    ["password", "a control character", { password: `${PASSWORD}\u001b` }],
    ["username", "a line break", { username: `${USERNAME}\r\n` }],
  ])("refuses a %s with %s, without quoting the password", (option, _what, override) => {
    let error: unknown;
    try {
      client(override);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ name: "InvalidOptionError", option });
    for (const text of [String(error), (error as Error).stack ?? "", inspect(error)]) expect(text).not.toContain(PASSWORD);
  });

  it("takes a password beyond Latin-1 (Basic sends it as UTF-8)", async () => {
    await client({ password: "pässwörd-ключ" }).GET("/v1/local/services");
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${USERNAME}:pässwörd-ключ`).toString("base64")}`);
  });
});

describe("base URL", () => {
  it("is https://{host}:9443 by default", async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(request.url);
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    await createRedisEnterpriseClient({ host: "cluster.example.com", username: USERNAME, password: PASSWORD, fetch }).GET("/v1/local/services");
    expect(seen).toEqual(["https://cluster.example.com:9443/v1/local/services"]);
  });

  it("is overridden by baseUrl", async () => {
    await client({ host: undefined, baseUrl: server.url }).GET("/v1/local/services");
    expect(server.requests).toHaveLength(1);
  });
});

describe("retries and errors", () => {
  it("retries the GET on 503 but never the POST", async () => {
    server.handle(() => ({ status: 503, body: { error_code: "busy", description: "Try again" } }));
    await client().GET("/v1/local/services");
    await client().POST("/v1/services", { body: { operation_type: "restart", services: ["alert_mgr"] } });
    expect(server.requests.map((request) => request.method)).toEqual(["GET", "GET", "GET", "POST"]);
  });

  it("throws an ApiError without the password or the Basic header", async () => {
    server.handle((request) => ({ status: 401, body: { error_code: "unauthorized", description: `bad credentials ${request.headers.authorization} (${PASSWORD})` } }));
    const error = await unwrap(client().GET("/v1/local/services")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, operation: "listLocalServices", path: "/v1/local/services" });
    const basic = Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64");
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(basic);
    }
  });

  it("times out", async () => {
    server.handle(() => ({ delayMs: 300, body: services }));
    await expect(client({ timeoutMs: 50, retry: false }).GET("/v1/local/services")).rejects.toMatchObject({ name: "TimeoutError" });
  });
});

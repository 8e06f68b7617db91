import { createHmac } from "node:crypto";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApiError,
  InvalidOptionError,
  WaiterError,
  createExoscaleValkeyClient,
  exoscaleZones,
  unwrap,
  type ExoscaleValkeyClientOptions,
} from "../src/index.js";
import { startLocalServer, type LocalServer, type RecordedRequest } from "@managed-redis/test-support/local-server";

const API_KEY = "EXOtestkey0000000000000000";
const API_SECRET = "test-secret-0123456789abcdefghijklmnopqrstuv";

// Checks a request's Authorization header the way the API does: recompute the HMAC from what arrived.
function verifySignature(request: RecordedRequest): { ok: boolean; signedQueryArgs?: string } {
  const header = String(request.headers.authorization ?? "");
  const match = /^EXO2-HMAC-SHA256 credential=([^,]+)(?:,signed-query-args=([^,]+))?,expires=(\d+),signature=(.+)$/.exec(header);
  if (!match || match[1] !== API_KEY) return { ok: false };
  const url = new URL(request.url, "http://x");
  const names = match[2] ? match[2].split(";") : [];
  const values = names.map((name) => url.searchParams.get(name)).join("");
  const message = `${request.method} ${url.pathname}\n${request.body}\n${values}\n\n${match[3]}`;
  const expected = createHmac("sha256", API_SECRET).update(message).digest("base64");
  return { ok: expected === match[4], ...(match[2] ? { signedQueryArgs: match[2] } : {}) };
}

const service = { name: "cache", type: "valkey", plan: "hobbyist-2", state: "running", "prometheus-uri": {} };

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = (options: Partial<ExoscaleValkeyClientOptions> = {}) =>
  createExoscaleValkeyClient({ apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: `${server.url}/v2`, retry: { baseDelayMs: 1 }, ...options });

describe("request signing", () => {
  it("signs a GET with the path as sent, including /v2", async () => {
    server.handle(() => ({ body: service }));
    const { data } = await client().GET("/dbaas-valkey/{name}", { params: { path: { name: "cache" } } });
    expect(data?.state).toBe("running");
    expect(server.requests[0]?.url).toBe("/v2/dbaas-valkey/cache");
    expect(verifySignature(server.requests[0]!)).toEqual({ ok: true });
  });

  it("signs the JSON body exactly as sent", async () => {
    server.handle(() => ({ body: { id: "4c0f1d0e-3bb5-4a02-8a3a-6b2d4b7b7b7b", state: "pending" } }));
    await client().POST("/dbaas-valkey/{name}", {
      params: { path: { name: "cache" } },
      body: { plan: "hobbyist-2", maintenance: { dow: "sunday", time: "02:00:00" } },
    });
    expect(server.requests[0]?.body).toBe('{"plan":"hobbyist-2","maintenance":{"dow":"sunday","time":"02:00:00"}}');
    expect(verifySignature(server.requests[0]!)).toEqual({ ok: true });
  });

  it("works without /v2 (a local mock) and signs the path that is sent", async () => {
    server.handle(() => ({ body: service }));
    await client({ baseUrl: server.url }).GET("/dbaas-valkey/{name}", { params: { path: { name: "cache" } } });
    expect(server.requests[0]?.url).toBe("/dbaas-valkey/cache");
    expect(verifySignature(server.requests[0]!).ok).toBe(true);
  });

  it("signs a retried PUT again, body included", async () => {
    server.handle((_request, index) => (index === 0 ? { status: 503 } : { body: { state: "pending" } }));
    await client().PUT("/dbaas-valkey/{name}", { params: { path: { name: "cache" } }, body: { "termination-protection": true } });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) expect(verifySignature(request).ok).toBe(true);
  });
});

describe("base URL", () => {
  it("maps zone to https://api-{zone}.exoscale.com/v2 and defaults to ch-gva-2", async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(request.url);
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    await createExoscaleValkeyClient({ apiKey: API_KEY, apiSecret: API_SECRET, zone: "de-fra-1", fetch }).GET("/dbaas-settings-valkey");
    await createExoscaleValkeyClient({ apiKey: API_KEY, apiSecret: API_SECRET, fetch }).GET("/dbaas-settings-valkey");
    expect(seen).toEqual(["https://api-de-fra-1.exoscale.com/v2/dbaas-settings-valkey", "https://api-ch-gva-2.exoscale.com/v2/dbaas-settings-valkey"]);
  });

  it("rejects an unknown zone with the list of valid zones", () => {
    const attempt = () => createExoscaleValkeyClient({ apiKey: API_KEY, apiSecret: API_SECRET, zone: "mars-1" as never });
    expect(attempt).toThrow(InvalidOptionError);
    expect(attempt).toThrow(`Invalid option \`zone\`: unknown zone "mars-1"; valid zones are ${exoscaleZones.join(", ")}`);
  });

  it("takes the zones from the spec", () => {
    expect(exoscaleZones).toContain("ch-gva-2");
    expect(exoscaleZones).toContain("de-fra-1");
  });
});

describe("bad input fails before any request", () => {
  it.each([
    [{ apiKey: "", apiSecret: API_SECRET }, "apiKey"],
    [{ apiKey: API_KEY }, "apiSecret"],
    [{ apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: "not a url" }, "baseUrl"],
  ])("names the option: %o", (options, option) => {
    expect(() => createExoscaleValkeyClient(options as ExoscaleValkeyClientOptions)).toThrow(expect.objectContaining({ option }));
  });

  it.each([
    ["apiKey", "a trailing newline", { apiKey: `${API_KEY}\n` }],
    ["apiKey", "a character beyond Latin-1", { apiKey: `${API_KEY}€` }],
    ["apiKey", "a leading space", { apiKey: ` ${API_KEY}` }],
    ["apiSecret", "a trailing newline", { apiSecret: `${API_SECRET}\n` }],
    ["apiSecret", "a control character", { apiSecret: `${API_SECRET}\u0007` }],
  ])("refuses an %s with %s, without quoting it", (option, _what, override) => {
    const options = { apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: server.url, ...override };
    let error: unknown;
    try {
      createExoscaleValkeyClient(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ option });
    for (const text of [String(error), (error as Error).stack ?? "", inspect(error)]) expect(text).not.toContain(API_SECRET);
  });

  it("rejects an empty service name in the waiter", async () => {
    await expect(client().waitForServiceState("")).rejects.toMatchObject({ option: "name" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("errors", () => {
  it("never shows the API secret or the signature, even when the server echoes the signed header", async () => {
    server.handle((request) => ({ status: 403, body: { message: `bad signature: ${request.headers.authorization}`, secret: API_SECRET } }));
    const error = await unwrap(client().GET("/dbaas-valkey/{name}", { params: { path: { name: "cache" } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, method: "GET", path: "/v2/dbaas-valkey/cache", operation: "get-dbaas-service-valkey" });
    const signed = String(server.requests[0]?.headers.authorization);
    const signature = signed.slice(signed.indexOf("signature=") + "signature=".length);
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? ""]) {
      expect(text).not.toContain(API_SECRET);
      expect(text).not.toContain(signature);
    }
  });
});

describe("waitForServiceState", () => {
  const fast = { intervalMs: 5, maxIntervalMs: 10 };

  it("polls until the service is running", async () => {
    server.handle((_request, index) => ({ body: { ...service, state: index < 2 ? "rebuilding" : "running" } }));
    const result = await client().waitForServiceState("cache", "running", fast);
    expect(result.state).toBe("running");
    expect(server.requests).toHaveLength(3);
  });

  it("fails when the service is powered off while waiting for running", async () => {
    server.handle(() => ({ body: { ...service, state: "poweroff" } }));
    await expect(client().waitForServiceState("cache", "running", fast)).rejects.toMatchObject({ name: "WaiterError", reason: "failed", lastState: "poweroff" });
  });

  it("fails when the service disappears", async () => {
    server.handle((_request, index) => (index === 0 ? { body: { ...service, state: "rebuilding" } } : { status: 404, body: { message: "not found" } }));
    const error = await client().waitForServiceState("cache", "running", fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ reason: "gone" });
  });

  it("times out with the last state", async () => {
    server.handle(() => ({ body: { ...service, state: "rebuilding" } }));
    await expect(client().waitForServiceState("cache", "running", { ...fast, timeoutMs: 500 })).rejects.toMatchObject({ reason: "timeout", lastState: "rebuilding" });
  });

  it("stops when the caller aborts", async () => {
    server.handle(() => ({ body: { ...service, state: "rebuilding" } }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("cancelled by test")), 30);
    await expect(client().waitForServiceState("cache", "running", { ...fast, signal: controller.signal })).rejects.toThrow("cancelled by test");
  });
});

// The HTTP edge: each defect of issue #13 on the mock's side, refused with the right 4xx before the
// pipeline or the simulator sees it, and the mock still answering afterwards. node:http rather than
// fetch: these requests set Host, send bodies fetch will not, and announce lengths they do not send.
import http from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxBodyBytes, maxControlBodyBytes, maxJsonDepth } from "../src/http/limits.ts";
import { startMock, type RunningMock } from "../src/index.ts";
import { credentials } from "./support/requests.ts";

const createBody = JSON.parse(readFileSync(new URL("./fixtures/kakaocloud-create-cluster.json", import.meta.url), "utf8")) as Record<string, unknown>;
let staticKakao: RunningMock;
let kakao: RunningMock;
let widened: RunningMock;

beforeAll(async () => {
  [staticKakao, kakao, widened] = await Promise.all([
    startMock({ api: "kakaocloud-redis", port: 0, logLevel: "silent" }),
    startMock({ api: "kakaocloud-redis", port: 0, logLevel: "silent", stateful: true }),
    startMock({ api: "redis-enterprise", port: 0, logLevel: "silent", corsOrigins: ["http://devbox.local:5173"], allowedHosts: ["devbox.local"] }),
  ]);
});

afterAll(async () => {
  await Promise.all([staticKakao?.close(), kakao?.close(), widened?.close()]);
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): Record<string, unknown>;
}

function send(mock: RunningMock, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer | (() => AsyncIterable<Buffer>) } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const auth = mock.api === "kakaocloud-redis" ? credentials["kakaocloud-redis"] : credentials["redis-enterprise"];
    const request = http.request(`${mock.url}${path}`, { method, headers: { ...auth, ...options.headers }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
      });
    });
    request.on("error", reject);
    const body = options.body;
    if (typeof body === "function") {
      void (async () => {
        for await (const chunk of body()) if (!request.write(chunk)) await new Promise((done) => request.once("drain", done));
        request.end();
      })().catch(() => request.destroy());
    } else request.end(body);
  });
}

const json = { "content-type": "application/json" };

describe("the mock's HTTP edge", () => {
  it.each(["/v1/clusters/%zz", "/v1/clusters/%", "/v1/clusters/%FF", "/v1/clusters/%C0%AF", "/v1/clusters/%E2%82", "/v1/clusters?name=%zz", "/__simulator/%zz", "/__simulator/advance?ms=%E2"])(
    "answers the malformed escape in %s with 400 MALFORMED_URL, static and stateful",
    async (path) => {
      for (const mock of [staticKakao, kakao]) {
        const answer = await send(mock, "GET", path);
        expect(answer.status, `${mock.url} ${path}`).toBe(400);
        expect(answer.json()).toMatchObject({ type: expect.stringContaining("MALFORMED_URL"), message: expect.stringContaining("percent-escape") });
      }
    },
  );

  it(`refuses JSON nested deeper than ${maxJsonDepth} with 400, on API and control routes, and keeps serving`, async () => {
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    for (const [mock, path] of [[staticKakao, "/v1/clusters"], [kakao, "/v1/clusters"], [kakao, "/__simulator/faults"]] as const) {
      const answer = await send(mock, path.includes("faults") ? "PUT" : "POST", path, { headers: json, body: deep });
      expect(answer.status).toBe(400);
      expect(answer.json().type).toContain("TOO_DEEPLY_NESTED");
    }
    const atLimit = `${"[".repeat(maxJsonDepth)}${"]".repeat(maxJsonDepth)}`;
    expect((await send(staticKakao, "POST", "/v1/clusters", { headers: json, body: atLimit })).status).toBe(422);
    expect((await send(kakao, "GET", "/v1/clusters")).status).toBe(200);
  });

  it.each([";;;", "application/json, text/plain", "application/json;;", "/json", "application/json; charset"])("answers Content-Type %j with 400 MALFORMED_CONTENT_TYPE", async (contentType) => {
    for (const mock of [staticKakao, kakao]) {
      const answer = await send(mock, "POST", "/v1/clusters", { headers: { "content-type": contentType }, body: JSON.stringify(createBody) });
      expect(answer.status).toBe(400);
      expect(answer.json().type).toContain("MALFORMED_CONTENT_TYPE");
    }
  });

  it("answers a media type no operation takes, or JSON in another charset, with 415", async () => {
    for (const contentType of ["text/plain", "application/xml", "application/json; charset=latin1"]) {
      const answer = await send(kakao, "POST", "/v1/clusters", { headers: { "content-type": contentType }, body: "{}" });
      expect(answer.status, contentType).toBe(415);
    }
  });

  it("takes a chunked body on every route, static and stateful", async () => {
    const chunked = () =>
      (async function* () {
        const text = JSON.stringify({ ...createBody, name: "chunked-body" });
        for (let at = 0; at < text.length; at += 7) yield Buffer.from(text.slice(at, at + 7));
      })();
    const created = await send(kakao, "POST", "/v1/clusters", { headers: json, body: chunked });
    expect(created.status).toBe(201);
    expect((await send(staticKakao, "POST", "/v1/clusters", { headers: json, body: chunked })).status).toBe(201);
    const faults = await send(kakao, "PUT", "/__simulator/faults", { headers: json, body: () => (async function* () { yield Buffer.from('{"latencyMs"'); yield Buffer.from(": 0}"); })() });
    expect(faults.status).toBe(200);
    await send(kakao, "POST", "/__simulator/reset");
  });

  it(`refuses an announced body over ${maxBodyBytes} bytes with 413 before reading it`, async () => {
    // The length is announced and nothing is sent: the answer comes without waiting for the body.
    const answer = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${kakao.url}/v1/clusters`, { method: "POST", headers: { ...credentials["kakaocloud-redis"], ...json, "content-length": String(maxBodyBytes + 1) }, agent: false }, (response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", reject);
      request.flushHeaders();
    });
    expect(answer).toBe(413);
  });

  it(`refuses a chunked body once it passes the limit, ${maxControlBodyBytes} bytes on control routes`, async () => {
    const stream = (total: number) => () =>
      (async function* () {
        for (let sent = 0; sent < total; sent += 16 * 1024) yield Buffer.alloc(16 * 1024, 0x20);
      })();
    const control = await send(kakao, "PUT", "/__simulator/faults", { headers: json, body: stream(maxControlBodyBytes + 32 * 1024) });
    expect(control.status).toBe(413);
    expect(control.json().type).toContain("PAYLOAD_TOO_LARGE");
    const api = await send(kakao, "POST", "/v1/clusters", { headers: json, body: stream(maxBodyBytes + 64 * 1024) });
    expect(api.status).toBe(413);
    expect((await send(kakao, "GET", "/v1/clusters")).status).toBe(200);
  });

  it("answers only pages on this machine, without echoing another origin or allowing it credentials", async () => {
    for (const origin of ["http://localhost:5173", "http://127.0.0.1:8080", "https://[::1]:3000", "http://app.localhost:3000"]) {
      const answer = await send(kakao, "GET", "/v1/clusters", { headers: { origin } });
      expect(answer.status, origin).toBe(200);
      expect(answer.headers["access-control-allow-origin"], origin).toBe(origin);
    }
    for (const origin of ["https://evil.example", "http://localhost.evil.example", "null", "http://127.0.0.1.evil.example"]) {
      for (const [method, path] of [["GET", "/v1/clusters"], ["DELETE", "/v1/clusters/x"], ["OPTIONS", "/v1/clusters"], ["GET", "/__simulator/state"]] as const) {
        const headers: Record<string, string> = method === "OPTIONS" ? { origin, "access-control-request-method": "DELETE" } : { origin };
        const answer = await send(kakao, method, path, { headers });
        expect(answer.status, `${origin} ${method} ${path}`).toBe(403);
        expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
        expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
      }
    }
  });

  it("widens CORS to the origins given (corsOrigins) and Host to the names given (allowedHosts)", async () => {
    const allowed = await send(widened, "GET", "/v1/local/services", { headers: { origin: "http://devbox.local:5173", host: `devbox.local:${widened.port}` } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers["access-control-allow-origin"]).toBe("http://devbox.local:5173");
    expect((await send(widened, "GET", "/v1/local/services", { headers: { origin: "http://devbox.local:5174" } })).status).toBe(403);
    await expect(startMock({ api: "redis-enterprise", port: 0, corsOrigins: ["devbox.local"] })).rejects.toThrow(/corsOrigins: "devbox.local" is not an origin/);
  });

  it("refuses a Host that is not a name of the mock (DNS rebinding) on API and control routes, and takes IP addresses and loopback names", async () => {
    for (const host of ["evil.example", `evil.example:${kakao.port}`, "localhost.evil.example", "127.0.0.1.nip.io"]) {
      for (const path of ["/v1/clusters", "/__simulator/state"]) {
        const answer = await send(kakao, "GET", path, { headers: { host } });
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.json()).toMatchObject({ type: expect.stringContaining("HOST_NOT_ALLOWED"), detail: expect.stringContaining("DNS rebinding") });
      }
    }
    for (const host of [`localhost:${kakao.port}`, `127.0.0.1:${kakao.port}`, `[::1]:${kakao.port}`, "192.168.1.20:4010", "api.localhost"]) {
      expect((await send(kakao, "GET", "/v1/clusters", { headers: { host } })).status, host).toBe(200);
    }
  });
});

describe("the stateful mock's control routes", () => {
  const state = async () => {
    const dump = (await send(kakao, "GET", "/__simulator/state")).json();
    return { ...dump, now: undefined, offset: Date.parse(String(dump.now)) - Date.now() };
  };

  it("refuses an advance past its bounds, naming the field, and changes nothing: creates and reset still work", async () => {
    const before = await state();
    for (const ms of ["1e16", "-1", "NaN", "0x10", "", "1.5", "99999999999999999", "Infinity"]) {
      const answer = await send(kakao, "POST", `/__simulator/advance?ms=${encodeURIComponent(ms)}`);
      expect(answer.status, ms).toBe(400);
      expect(answer.json(), ms).toMatchObject({ field: "ms", error: expect.stringContaining("ms: must be an integer from 0 to") });
    }
    for (const body of ['{"ms": 1e16}', '{"ms": -5}', '{"ms": "5000"}', '{"ms": 5, "extra": 1}', "[5000]", "{}"]) {
      expect((await send(kakao, "POST", "/__simulator/advance", { headers: json, body })).status, body).toBe(400);
    }
    const after = await state();
    expect({ ...after, offset: undefined }).toEqual({ ...before, offset: undefined });
    expect(Math.abs(after.offset - before.offset)).toBeLessThan(60_000);
    expect((await send(kakao, "POST", "/v1/clusters", { headers: json, body: JSON.stringify({ ...createBody, name: "after-poison" }) })).status).toBe(201);
    expect((await send(kakao, "POST", "/__simulator/reset")).status).toBe(200);
  });

  it("resets to the seed state, clock included", async () => {
    expect((await send(kakao, "POST", "/__simulator/advance?ms=86400000")).status).toBe(200);
    expect((await state()).offset).toBeGreaterThan(86_000_000);
    expect((await send(kakao, "POST", "/__simulator/reset")).status).toBe(200);
    expect(Math.abs((await state()).offset)).toBeLessThan(60_000);
  });

  it("refuses fault settings past their bounds, naming the field, and keeps the settings it had", async () => {
    const before = (await send(kakao, "GET", "/__simulator/faults")).json();
    const refused = {
      '{"latencyMs": 600000}': "latencyMs",
      '{"latencyMs": 1e12}': "latencyMs",
      '{"latencyMs": [5, 1]}': "latencyMs",
      '{"retryAfterSeconds": 1e21}': "retryAfterSeconds",
      '{"errorRate": 2}': "errorRate",
      '{"statuses": [200]}': "statuses[0]",
      '{"operations": ["noSuchOperation"]}': "operations[0]",
      '{"latencyMS": 5}': "latencyMS",
    };
    for (const [body, field] of Object.entries(refused)) {
      const answer = await send(kakao, "PUT", "/__simulator/faults", { headers: json, body });
      expect(answer.status, body).toBe(400);
      expect(answer.json().field, body).toBe(field);
    }
    expect((await send(kakao, "GET", "/__simulator/faults")).json()).toEqual(before);
  });

  it("does not let an injected latency hold up close()", async () => {
    const slow = await startMock({ api: "redis-enterprise", port: 0, logLevel: "silent", stateful: true });
    const set = await fetch(`${slow.url}/__simulator/faults`, { method: "PUT", headers: json, body: JSON.stringify({ latencyMs: 30_000 }) });
    expect(set.status).toBe(200);
    const pending = fetch(`${slow.url}/v1/local/services`, { headers: credentials["redis-enterprise"] }).then(
      (response) => response.status,
      () => "cut off",
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closed = await Promise.race([slow.close().then(() => "closed"), new Promise((resolve) => setTimeout(() => resolve("still waiting for the latency"), 20_000))]);
    expect(closed).toBe("closed");
    // The wait ended at close: the request was answered, not cut off when the grace period ran out.
    expect(await pending).toBe(200);
  });

  it("answers a retried DELETE of a deleted cluster with 404, as KakaoCloud does", async () => {
    const created = await send(kakao, "POST", "/v1/clusters", { headers: json, body: JSON.stringify({ ...createBody, name: "deleted-twice" }) });
    const { objectId } = created.json() as { objectId: string };
    await send(kakao, "POST", "/__simulator/advance?ms=600000");
    expect((await send(kakao, "DELETE", `/v1/clusters/${objectId}`)).status).toBe(200);
    expect((await send(kakao, "DELETE", `/v1/clusters/${objectId}`)).status).toBe(404);
    await send(kakao, "POST", "/__simulator/reset");
  });
});

// The client half of the hostile-input gate: every client against servers that misbehave as a careless
// or hostile server would (redirects to other origins, echoes of the credentials, bodies cut off, huge or
// endless bodies, HTML where JSON is due, dropped connections, malformed HTTP, stalls, untrusted TLS).
// Each client package runs the same cases with its own client (test/hostile-servers.test.ts); after every
// case, no credential the client was given or made (a token, a password, a Basic value, an EXO2 signed
// header or its signature) may appear in any form of the outcome: message, toString, JSON, util.inspect
// (hidden properties included), stack, or anywhere along the cause chain. Test code only.
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type * as runtime from "@managed-redis/client-runtime";
import type { FetchResult, TransportOptions } from "@managed-redis/client-runtime";
import { startLocalServer, type LocalServer, type RecordedRequest, type Reply } from "./local-server.js";

export interface ClientCalls {
  /** A GET of one resource (`getCluster`, `get-dbaas-service-valkey`, `listLocalServices`). */
  get(): Promise<FetchResult>;
  /** A POST with a JSON body (`createCluster`, `create-dbaas-service-valkey`, `updateServices`). */
  post(): Promise<FetchResult>;
}

/**
 * The client package's own exports of the runtime's error classes: a client bundles the built runtime,
 * so `instanceof` must use the classes it re-exports, not the runtime's sources.
 */
export type RuntimeExports = Pick<
  typeof runtime,
  "ApiError" | "ConnectionError" | "RedirectError" | "ResponseDecodeError" | "ResponseTooLargeError" | "TimeoutError" | "TlsError" | "unwrap"
>;

export interface ClientUnderTest {
  name: string;
  exports: RuntimeExports;
  /** Serve HTTPS with this certificate, which `create` trusts (Redis Enterprise speaks HTTPS only). */
  tls?: { cert: string; key: string };
  /** The path of the API's root under the server (`/v2` for Exoscale), prefixed to redirect targets. */
  basePath?: string;
  /** The credentials given to the client. */
  secrets: readonly string[];
  create(baseUrl: string, options: TransportOptions): ClientCalls;
  /** Whether a request arrived with valid credentials (for EXO2: a signature of its own method, path and body). */
  authenticated(request: RecordedRequest): boolean;
}

type ErrorClass = abstract new (...args: never[]) => Error;

interface Outcome {
  result?: FetchResult;
  data?: unknown;
  error?: unknown;
}

interface Env {
  hostile: LocalServer;
  elsewhere: LocalServer;
  client: ClientUnderTest;
  /** The API root on the hostile server: `${hostile.url}${basePath}`. */
  root: string;
  /** Set by a streaming reply once the client has closed the connection. */
  clientClosed: boolean;
}

interface HostileCase {
  name: string;
  method?: "get" | "post";
  options?: TransportOptions;
  /** Call `unwrap()` on the result, to get the ApiError of a failed answer. */
  unwrap?: boolean;
  /** Where the client is pointed: the hostile server (default), a closed port, or an HTTPS server whose certificate nobody trusts. */
  target?: "closed-port" | "untrusted-tls";
  reply?: (request: RecordedRequest, index: number, env: Env) => Reply;
  check(outcome: Outcome, env: Env): void | Promise<void>;
}

const REDIRECTS = [301, 302, 303, 307, 308] as const;
const SMALL_LIMIT = 64 * 1024;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

/** Every credential value a request carried: the headers, and the parts a server may echo alone. */
function credentialsOf(request: RecordedRequest): string[] {
  const values: string[] = [];
  for (const name of ["x-auth-token", "authorization"]) {
    const value = request.headers[name];
    if (typeof value !== "string") continue;
    values.push(value);
    if (value.startsWith("Basic ")) values.push(value.slice(6));
    const signature = /signature=(.+)$/.exec(value)?.[1];
    if (signature) values.push(signature);
  }
  return values;
}

/** What a hostile server echoes: every credential header of the request, as one string. */
const echo = (request: RecordedRequest) => credentialsOf(request).slice(0, 1).join(" ") || "no-credentials";

const expectError =
  (type: ErrorClass, fields: Record<string, unknown> = {}) =>
  ({ error }: Outcome) => {
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject(fields);
  };

/** Sends the status, the headers and the start of a body, then drops the connection. */
const cutOff = (status: number, headers: Record<string, string>, start: string): Reply => ({
  respond: (res) => {
    res.writeHead(status, headers);
    res.write(start);
    setTimeout(() => res.destroy(), 10);
  },
});

const streamForever = (status: number) => (res: import("node:http").ServerResponse, env: Env) => {
  res.writeHead(status, { "content-type": "application/json" });
  const chunk = Buffer.alloc(16 * 1024, 0x20);
  const timer = setInterval(() => res.write(chunk), 1);
  res.on("close", () => {
    clearInterval(timer);
    env.clientClosed = true;
  });
};

function hostileCases(env: () => Env, exports: RuntimeExports): HostileCase[] {
  const { ApiError, ConnectionError, RedirectError, ResponseDecodeError, ResponseTooLargeError, TimeoutError, TlsError } = exports;
  const elsewhere = () => env().elsewhere.url;
  const redirectsAway = REDIRECTS.flatMap((status) =>
    (["get", "post"] as const).map(
      (method): HostileCase => ({
        name: `a ${status} to another origin (${method.toUpperCase()}) is not followed, and names that origin`,
        method,
        reply: (request) => ({ status, headers: { location: `${elsewhere()}/collect?credential=${encodeURIComponent(echo(request))}` } }),
        check: (outcome) => {
          expectError(RedirectError, { status })(outcome);
          expect((outcome.error as Error).message).toContain(elsewhere());
        },
      }),
    ),
  );
  const redirectsHome = REDIRECTS.flatMap((status) =>
    (["get", "post"] as const).map(
      (method): HostileCase => ({
        name: `a ${status} within the origin (${method.toUpperCase()}) is followed with fresh credentials`,
        method,
        reply: (_request, index, { client }) =>
          index === 0 ? { status, headers: { location: `${client.basePath ?? ""}/moved?to=here` } } : { body: { moved: true } },
        check: ({ result, error }, { hostile, client }) => {
          expect(error).toBeUndefined();
          expect(result?.data).toEqual({ moved: true });
          const [first, second] = hostile.requests;
          expect(second?.url).toBe(`${client.basePath ?? ""}/moved?to=here`);
          expect(client.authenticated(second!)).toBe(true);
          const becomesGet = status === 303 || (method === "post" && status !== 307 && status !== 308);
          expect(second?.method).toBe(becomesGet ? "GET" : first?.method);
          expect(second?.body).toBe(becomesGet ? "" : first?.body);
        },
      }),
    ),
  );

  return [
    // Servers that echo what they were sent.
    {
      name: "a 401 echoing every request header in a JSON body",
      unwrap: true,
      reply: (request) => ({ status: 401, body: { message: `rejected ${echo(request)}`, headers: request.headers } }),
      check: expectError(ApiError, { status: 401 }),
    },
    {
      name: "a 403 echoing the credentials as keys and nested values",
      unwrap: true,
      reply: (request) => ({ status: 403, body: { [echo(request)]: "rejected", detail: { seen: [echo(request)] } } }),
      check: expectError(ApiError, { status: 403 }),
    },
    {
      name: "a 500 echoing the credentials in a text/plain body",
      unwrap: true,
      reply: (request) => ({ status: 500, headers: { "content-type": "text/plain" }, body: `internal error for ${echo(request)}` }),
      check: expectError(ApiError, { status: 500 }),
    },
    {
      name: "a 400 echoing the credentials percent-encoded",
      unwrap: true,
      reply: (request) => ({ status: 400, body: { message: `bad ${encodeURIComponent(echo(request))}` } }),
      check: expectError(ApiError, { status: 400 }),
    },
    {
      name: "a 400 echoing the credentials with JSON-escaped slashes (\\/)",
      unwrap: true,
      reply: (request) => ({
        status: 400,
        headers: { "content-type": "application/json" },
        body: `{"message":${JSON.stringify(`bad ${echo(request)}`).replaceAll("/", "\\/")}}`,
      }),
      check: expectError(ApiError, { status: 400 }),
    },
    {
      name: "a 422 echoing the credentials, with throwOnError",
      options: { throwOnError: true },
      reply: (request) => ({ status: 422, body: { message: echo(request) } }),
      check: expectError(ApiError, { status: 422 }),
    },
    {
      name: "a 409 to a POST echoing its body and credentials",
      method: "post",
      unwrap: true,
      reply: (request) => ({ status: 409, body: { message: `conflict: ${echo(request)}`, body: request.body } }),
      check: expectError(ApiError, { status: 409 }),
    },
    // Redirects.
    ...redirectsAway,
    {
      name: "a 307 to the same server under another host name (localhost) is another origin",
      reply: (_request, _index, { hostile }) => ({ status: 307, headers: { location: hostile.url.replace("127.0.0.1", "localhost") } }),
      check: expectError(RedirectError, { status: 307 }),
    },
    {
      name: "a 302 to the same host and port under another scheme is another origin",
      reply: (_request, _index, { hostile }) => ({
        status: 302,
        headers: { location: hostile.url.startsWith("https:") ? hostile.url.replace("https:", "http:") : hostile.url.replace("http:", "https:") },
      }),
      check: expectError(RedirectError, { status: 302 }),
    },
    {
      name: "a 308 with a protocol-relative Location to another port is another origin",
      reply: () => ({ status: 308, headers: { location: `//${new URL(elsewhere()).host}/x` } }),
      check: expectError(RedirectError, { status: 308 }),
    },
    ...redirectsHome,
    {
      name: "a redirect loop within the origin stops after 5 redirects",
      reply: (_request, index, { client }) => ({ status: 302, headers: { location: `${client.basePath ?? ""}/loop/${index}` } }),
      check: (outcome, { hostile }) => {
        expectError(RedirectError, { status: 302 })(outcome);
        expect(hostile.requests).toHaveLength(6);
      },
    },
    {
      name: "a redirect to a Location that is not a URL",
      reply: () => ({ status: 301, headers: { location: "http://[not-an-address" } }),
      check: expectError(RedirectError, { status: 301 }),
    },
    {
      name: "a 302 without a Location is the answer",
      unwrap: true,
      reply: () => ({ status: 302, body: { message: "found nothing" } }),
      check: expectError(ApiError, { status: 302 }),
    },
    // Bodies that are not what they claim.
    {
      name: "an HTML page on a 200 (with Content-Length) that echoes the credentials",
      reply: (request) => ({ status: 200, headers: { "content-type": "text/html" }, body: `<html><body>Sign in again, ${echo(request)}</body></html>` }),
      check: expectError(ResponseDecodeError, { status: 200, reason: "invalid-json", contentType: "text/html" }),
    },
    {
      name: "an HTML page on a 200 (chunked)",
      reply: (request) => ({
        respond: (res) => {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.write("<!doctype html><title>502 Bad Gateway</title>");
          res.end(`<p>${echo(request)}</p>`);
        },
      }),
      check: expectError(ResponseDecodeError, { status: 200, reason: "invalid-json" }),
    },
    {
      name: "a 200 body cut off before its Content-Length",
      reply: (request) => cutOff(200, { "content-type": "application/json", "content-length": "1000" }, `{"echo":"${echo(request)}`),
      check: expectError(ResponseDecodeError, { status: 200, reason: "truncated" }),
    },
    {
      name: "a chunked 200 body cut off mid-way",
      reply: () => cutOff(200, { "content-type": "application/json" }, '{"clusters":['),
      check: expectError(ResponseDecodeError, { status: 200, reason: "truncated" }),
    },
    {
      name: "a 500 error body cut off",
      reply: (request) => cutOff(500, { "content-type": "application/json", "content-length": "500" }, `{"message":"${echo(request)}`),
      check: expectError(ResponseDecodeError, { status: 500, reason: "truncated" }),
    },
    {
      name: "an empty 200 body is no data, not an error",
      reply: () => ({ status: 200, headers: { "content-type": "application/json" } }),
      check: ({ error, result }) => {
        expect(error).toBeUndefined();
        expect(result?.data).toBeUndefined();
      },
    },
    // Bodies too large to hold.
    {
      name: "a 200 declaring 9 MB is refused before its body is read (default limit 8 MiB)",
      reply: () => ({
        respond: (res) => {
          res.writeHead(200, { "content-type": "application/json", "content-length": "9000000" });
          res.write('{"clusters":[');
        },
      }),
      check: expectError(ResponseTooLargeError, { status: 200, maxResponseBytes: 8 * 1024 * 1024 }),
    },
    {
      name: "an endless chunked 200 stops at maxResponseBytes and the download is cancelled",
      options: { maxResponseBytes: SMALL_LIMIT },
      reply: (_request, _index, env) => ({ respond: (res) => streamForever(200)(res, env) }),
      check: async (outcome, env) => {
        expectError(ResponseTooLargeError, { status: 200, maxResponseBytes: SMALL_LIMIT })(outcome);
        // The server saw the connection closed: the client did not keep reading.
        await expect.poll(() => env.clientClosed, { timeout: 2_000 }).toBe(true);
      },
    },
    {
      name: "an endless chunked 500 error body stops at maxResponseBytes",
      options: { maxResponseBytes: SMALL_LIMIT },
      reply: (_request, _index, env) => ({ respond: (res) => streamForever(500)(res, env) }),
      check: expectError(ResponseTooLargeError, { status: 500, maxResponseBytes: SMALL_LIMIT }),
    },
    {
      name: "a gzip bomb (20 kB that inflate to 20 MB) stops at maxResponseBytes",
      options: { maxResponseBytes: SMALL_LIMIT },
      reply: () => ({
        respond: (res) => {
          const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
          res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(bomb.length) });
          res.end(bomb);
        },
      }),
      check: expectError(ResponseTooLargeError, { status: 200 }),
    },
    {
      name: "a chunked body of exactly maxResponseBytes is read",
      options: { maxResponseBytes: SMALL_LIMIT },
      reply: () => ({
        respond: (res) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.write('{"padding":"');
          res.end(`${"x".repeat(SMALL_LIMIT - 15)}"}`);
        },
      }),
      check: ({ error, result }) => {
        expect(error).toBeUndefined();
        expect((result?.data as { padding: string }).padding).toHaveLength(SMALL_LIMIT - 15);
      },
    },
    // Connections that fail.
    {
      name: "a connection dropped before the answer (GET, retried, then a ConnectionError)",
      options: { retry: { retries: 2, baseDelayMs: 1 } },
      reply: () => ({ destroy: true }),
      check: (outcome, { hostile }) => {
        expectError(ConnectionError)(outcome);
        expect(outcome.error).not.toBeInstanceOf(TlsError);
        expect(hostile.requests).toHaveLength(3);
      },
    },
    {
      name: "a connection dropped before the answer (POST, not retried)",
      method: "post",
      options: { retry: { retries: 2, baseDelayMs: 1 } },
      reply: () => ({ destroy: true }),
      check: (outcome, { hostile }) => {
        expectError(ConnectionError)(outcome);
        expect(hostile.requests).toHaveLength(1);
      },
    },
    {
      name: "a malformed response that echoes the credentials after a bad header",
      options: { retry: false },
      reply: (request) => ({
        respond: (res) => {
          res.socket?.end(`HTTP/1.1 200 OK\r\nBad\u0001Header: x\r\nX-Echo: ${echo(request)}\r\n\r\n`);
        },
      }),
      // Node's fetch gives the parser's code (HPE_INVALID_HEADER_TOKEN); the undici package, used with `ca`, does not.
      check: (outcome) => {
        expectError(ConnectionError)(outcome);
        expect((outcome.error as Error).message).toContain("does not match the HTTP/1.1 protocol");
      },
    },
    {
      name: "bytes that are not HTTP at all",
      options: { retry: false },
      reply: (request) => ({ respond: (res) => void res.socket?.end(`SSH-2.0-OpenSSH ${echo(request)}\r\n\r\n`) }),
      check: expectError(ConnectionError),
    },
    {
      name: "nobody listening (connection refused)",
      options: { retry: false },
      target: "closed-port",
      check: expectError(ConnectionError, { code: "ECONNREFUSED" }),
    },
    {
      name: "a certificate that nobody trusts (a TlsError, not retried)",
      target: "untrusted-tls",
      check: (outcome) => {
        expectError(TlsError, { code: "DEPTH_ZERO_SELF_SIGNED_CERT" })(outcome);
        expect((outcome.error as Error).message).toMatch(/trust|`ca`/);
      },
    },
    {
      name: "headers that never come (a TimeoutError)",
      options: { timeoutMs: 150, retry: false },
      reply: () => ({ delayMs: 1_000, body: {} }),
      check: expectError(TimeoutError, { timeoutMs: 150 }),
    },
    {
      name: "a body that stalls after the headers (a TimeoutError)",
      options: { timeoutMs: 150, retry: false },
      reply: () => ({ bodyDelayMs: 1_000, body: { late: true } }),
      check: expectError(TimeoutError, { timeoutMs: 150 }),
    },
  ];
}

/** Every printable form of a value, its causes included. */
function formsOf(value: unknown, depth = 0): string[] {
  if (value === undefined || depth > 8) return [];
  const forms = [inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value) ?? ""];
  if (value instanceof Error) {
    forms.push(value.message, String(value), value.stack ?? "", ...formsOf(value.cause, depth + 1));
  }
  return forms;
}

/** Registers the hostile cases for one client, and prints how many ran. */
export function describeHostileServers(client: ClientUnderTest): void {
  let hostile: LocalServer;
  let elsewhere: LocalServer;
  let untrusted: LocalServer;
  let closedPort: string;
  let env: Env;
  const secrets = new Set(client.secrets);
  let ran = 0;
  let passed = 0;
  let checkedForms = 0;

  beforeAll(async () => {
    hostile = await startLocalServer(undefined, client.tls ? { tls: client.tls } : {});
    elsewhere = await startLocalServer();
    untrusted = await startLocalServer(undefined, { tls: { cert: fixture("untrusted-localhost-cert.pem"), key: fixture("untrusted-localhost-key.pem") } });
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as import("node:net").AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    closedPort = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await Promise.all([hostile?.close(), elsewhere?.close(), untrusted?.close()]);
    console.log(
      `hostile servers: ${passed} of ${ran} cases passed against ${client.name}; ${checkedForms} printed forms of errors checked for credentials`,
    );
  });
  beforeEach(() => {
    for (const server of [hostile, elsewhere, untrusted]) server.requests.length = 0;
  });

  describe(`${client.name} against hostile servers`, () => {
    for (const hostileCase of hostileCases(() => env, client.exports)) {
      it(hostileCase.name, async () => {
        ran += 1;
        env = { hostile, elsewhere, client, root: `${hostile.url}${client.basePath ?? ""}`, clientClosed: false };
        if (hostileCase.reply) {
          const reply = hostileCase.reply;
          hostile.handle((request, index) => reply(request, index, env));
        }
        const base =
          hostileCase.target === "closed-port" ? closedPort : hostileCase.target === "untrusted-tls" ? untrusted.url : hostile.url;
        const calls = client.create(`${base}${client.basePath ?? ""}`, { retry: false, ...hostileCase.options });
        const outcome: Outcome = {};
        try {
          outcome.result = await (hostileCase.method === "post" ? calls.post() : calls.get());
          if (hostileCase.unwrap) outcome.data = await client.exports.unwrap(outcome.result);
        } catch (error) {
          outcome.error = error;
        }
        await hostileCase.check(outcome, env);

        // What the servers saw is what the client made: every credential of every request is a secret.
        for (const request of [...hostile.requests, ...elsewhere.requests, ...untrusted.requests]) {
          for (const value of credentialsOf(request)) secrets.add(value);
        }
        expect(elsewhere.requests, "no request may reach another origin").toHaveLength(0);
        const forms = [...formsOf(outcome.error), ...formsOf(outcome.result?.error)];
        for (const form of forms) {
          for (const secret of secrets) {
            // As it was sent, and percent-encoded as a server echoing it in a URL or a query would write it.
            if (form.includes(secret) || form.includes(encodeURIComponent(secret))) {
              expect.fail(`a credential appears in an outcome of "${hostileCase.name}":\n${form}`);
            }
          }
        }
        checkedForms += forms.length;
        passed += 1;
      });
    }
  });
}

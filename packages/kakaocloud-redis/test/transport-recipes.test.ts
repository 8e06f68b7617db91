// The transport recipes of the README, run for Node: a forward proxy (undici's ProxyAgent), a private
// certificate authority (undici's Agent with `connect.ca`), and a fetch from elsewhere (undici's own, as
// another runtime's would be) behind the client's `fetch` option.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { rootCertificates } from "node:tls";
import { startLocalServer, type LocalServer } from "@managed-redis/test-support/local-server";
import { Agent, ProxyAgent, fetch as undiciFetch } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TlsError, createKakaoCloudRedisClient, unwrap } from "../src/index.js";

const TOKEN = "recipe-test-token";
// A self-signed certificate for localhost/127.0.0.1 (made once with openssl, shared by the packages' tests):
// trusting it as an authority is what a private CA or a TLS-intercepting proxy asks for.
const fixturesDir = path.join(path.dirname(createRequire(import.meta.url).resolve("@managed-redis/test-support/package.json")), "fixtures");
const fixture = (name: string) => readFileSync(path.join(fixturesDir, name), "utf8");
const cert = fixture("untrusted-localhost-cert.pem");
const key = fixture("untrusted-localhost-key.pem");

/** A forward proxy that tunnels CONNECT and records each tunnel's target and the headers it was asked with. */
async function startProxy() {
  const tunnels: { target: string; headers: Record<string, unknown> }[] = [];
  const server: Server = createServer((_request, response) => {
    response.statusCode = 405;
    response.end();
  });
  const sockets = new Set<{ destroy(): void }>();
  server.on("connect", (request, socket, head) => {
    sockets.add(socket);
    tunnels.push({ target: request.url ?? "", headers: { ...request.headers } });
    const [host, port] = (request.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    sockets.add(upstream);
    // Either side going away ends the other: a tunnel left half-open would keep the servers from closing.
    socket.on("close", () => upstream.destroy());
    upstream.on("close", () => socket.destroy());
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    close: () => {
      // Tunnels are kept alive by the agent: end them, or close() waits for them.
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let plain: LocalServer;
let secure: LocalServer;
const dispatchers: { close(): Promise<void> }[] = [];
const clusters = { clusters: [], totalCount: 0 };

beforeAll(async () => {
  [plain, secure] = await Promise.all([startLocalServer(), startLocalServer(undefined, { tls: { cert, key } })]);
  for (const server of [plain, secure]) server.handle(() => ({ body: clusters }));
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.close()));
});
afterAll(async () => {
  await Promise.all([plain.close(), secure.close()]);
});

describe("transport recipes (Node)", () => {
  it("a forward proxy: undici's ProxyAgent as the dispatcher of Node's fetch; the token travels inside the tunnel only", async () => {
    const proxy = await startProxy();
    try {
      // Through the proxy to an HTTPS server signed by a private authority, trusted on the tunnelled connection.
      const dispatcher = new ProxyAgent({ uri: proxy.url, requestTls: { ca: [...rootCertificates, cert] } });
      dispatchers.push(dispatcher);
      const viaProxy = createKakaoCloudRedisClient({
        token: TOKEN,
        baseUrl: secure.url,
        fetch: (request, init) => fetch(request, { ...init, dispatcher } as RequestInit),
      });
      expect(await unwrap(viaProxy.GET("/v1/clusters"))).toEqual(clusters);
      expect(proxy.tunnels.map((tunnel) => tunnel.target)).toEqual([new URL(secure.url).host]);
      expect(JSON.stringify(proxy.tunnels)).not.toContain(TOKEN);
      expect(secure.requests.at(-1)!.headers["x-auth-token"]).toBe(TOKEN);

      // Without the authority, the same proxy path fails as a TlsError, never retried.
      const untrusting = new ProxyAgent(proxy.url);
      dispatchers.push(untrusting);
      const kakao = createKakaoCloudRedisClient({
        token: TOKEN,
        baseUrl: secure.url,
        fetch: (request, init) => fetch(request, { ...init, dispatcher: untrusting } as RequestInit),
      });
      const refused = await kakao.GET("/v1/clusters").catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TlsError);
      expect(proxy.tunnels).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });

  it("a private certificate authority: undici's Agent with `connect.ca` (the system roots kept)", async () => {
    const dispatcher = new Agent({ connect: { ca: [...rootCertificates, cert] } });
    dispatchers.push(dispatcher);
    const kakao = createKakaoCloudRedisClient({
      token: TOKEN,
      baseUrl: secure.url,
      fetch: (request, init) => fetch(request, { ...init, dispatcher } as RequestInit),
    });
    expect(await unwrap(kakao.GET("/v1/clusters"))).toEqual(clusters);
    // The default fetch does not trust it.
    const untrusting = createKakaoCloudRedisClient({ token: TOKEN, baseUrl: secure.url });
    await expect(untrusting.GET("/v1/clusters")).rejects.toThrow(TlsError);
  });

  it("a fetch from another runtime or library, given the request's parts (here undici's own fetch)", async () => {
    const seen: string[] = [];
    const kakao = createKakaoCloudRedisClient({
      token: TOKEN,
      baseUrl: plain.url,
      fetch: async (request, init) => {
        seen.push(`${request.method} ${request.url}`);
        const response = await undiciFetch(request.url, {
          method: request.method,
          headers: [...request.headers],
          body: request.body ? await request.arrayBuffer() : undefined,
          // The client relies on both: its timeout and the caller's abort, and following redirects itself.
          signal: init?.signal ?? request.signal,
          redirect: init?.redirect ?? request.redirect,
        });
        return response as unknown as Response;
      },
    });
    expect(await unwrap(kakao.GET("/v1/clusters"))).toEqual(clusters);
    const created = await kakao.POST("/v1/clusters", { body: { name: "c" } as never });
    expect(created.response.status).toBe(200);
    expect(seen).toEqual([`GET ${plain.url}/v1/clusters`, `POST ${plain.url}/v1/clusters`]);
    expect(plain.requests.at(-1)).toMatchObject({ method: "POST", body: '{"name":"c"}' });
    expect(plain.requests.at(-1)!.headers["x-auth-token"]).toBe(TOKEN);
  });
});

// The docs server as a small hardened static server: each defect of issue #13 on its side. A temporary
// site root holds a page, a binary-safe file and dotfiles that must never be served.
import http from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDocsServer, type DocsServer } from "../src/docs-server.ts";
import { securityHeaders } from "../src/static-files.ts";

const page = `<!doctype html><title>t</title>${"0123456789".repeat(50)}`;
let root: string;
let server: DocsServer;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "docs-server-"));
  writeFileSync(path.join(root, "index.html"), page);
  mkdirSync(path.join(root, "api"));
  writeFileSync(path.join(root, "api", "index.html"), page);
  writeFileSync(path.join(root, ".env"), "SECRET=1");
  mkdirSync(path.join(root, ".git"));
  writeFileSync(path.join(root, ".git", "config"), "[core]");
  writeFileSync(path.join(root, "api", ".hidden"), "hidden");
  server = await startDocsServer({ port: 0, root });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

function get(urlPath: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const request = http.request({ hostname, port, path: urlPath, method: options.method ?? "GET", headers: options.headers, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end(options.method === "POST" ? "x=1" : undefined);
  });
}

describe("the docs server", () => {
  it("answers bytes=0-0 with one byte, 206 and its Content-Range", async () => {
    const answer = await get("/index.html", { headers: { range: "bytes=0-0" } });
    expect(answer.status).toBe(206);
    expect(answer.body).toBe("<");
    expect(answer.headers["content-range"]).toBe(`bytes 0-0/${page.length}`);
  });

  it.each(["bytes=100-50", `bytes=${page.length}-`, "bytes=999999999-999999999"])("answers the unsatisfiable range %s with 416 and bytes */size, and keeps serving", async (range) => {
    const answer = await get("/index.html", { headers: { range } });
    expect(answer.status).toBe(416);
    expect(answer.headers["content-range"]).toBe(`bytes */${page.length}`);
    expect((await get("/")).status).toBe(200);
  });

  it("answers a malformed range or several ranges with the whole file", async () => {
    for (const range of ["bytes=abc", "items=0-1", "bytes=0-1,5-6"]) {
      const answer = await get("/index.html", { headers: { range } });
      expect(answer.status, range).toBe(200);
      expect(answer.body).toBe(page);
    }
    const tail = await get("/index.html", { headers: { range: "bytes=-10" } });
    expect(tail.status).toBe(206);
    expect(tail.body).toBe(page.slice(-10));
  });

  it.each(["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])("answers %s with 405 and Allow: GET, HEAD, not with the file", async (method) => {
    const answer = await get("/index.html", { method });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD");
    expect(answer.body).not.toContain("<title>");
  });

  it.each(["/.env", "/.git/config", "/api/.hidden", "/%2eenv", "/api/%2e%2e/.env", "/../.env", "/api/..%2f.env"])("serves no dotfile: %s is 404", async (urlPath) => {
    const answer = await get(urlPath);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toMatch(/SECRET|core|hidden/);
  });

  it("sends the security headers with every answer", async () => {
    for (const urlPath of ["/", "/index.html", "/missing", "/.env"]) {
      const answer = await get(urlPath);
      for (const [name, value] of Object.entries(securityHeaders)) expect(answer.headers[name], `${urlPath} ${name}`).toBe(value);
    }
    expect(securityHeaders["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(securityHeaders["x-content-type-options"]).toBe("nosniff");
  });

  it("answers a malformed escape with 400 and a directory without its slash with a redirect on this site", async () => {
    expect((await get("/%zz")).status).toBe(400);
    const redirect = await get("//api");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe("/api/");
    expect((await get("/api/")).body).toBe(page);
  });
});

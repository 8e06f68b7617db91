// Serves the test page: index.html, the esbuild bundle of page/main.ts, and MSW's worker script copied
// from the installed msw package (so the worker and the library always have the same version).
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import * as esbuild from "esbuild";

const here = import.meta.dirname;

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export async function bundlePage(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(here, "page", "main.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    sourcemap: "inline",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export async function startPageServer(): Promise<PageServer> {
  const require = createRequire(import.meta.url);
  const workerScript = readFileSync(path.join(path.dirname(require.resolve("msw/package.json")), "lib", "mockServiceWorker.js"), "utf8");
  const files: Record<string, { type: string; body: string }> = {
    "/": { type: "text/html; charset=utf-8", body: readFileSync(path.join(here, "page", "index.html"), "utf8") },
    "/main.js": { type: "text/javascript; charset=utf-8", body: await bundlePage() },
    "/mockServiceWorker.js": { type: "text/javascript; charset=utf-8", body: workerScript },
  };
  const server = http.createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://localhost").pathname];
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

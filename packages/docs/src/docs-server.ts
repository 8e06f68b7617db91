// Serves the built docs site (packages/docs/dist) as static files (static-files.ts: GET/HEAD only, no
// dotfiles, ranges, security headers). Used by `npm run docs:serve`, by the root `npm start` beside the
// mocks, and by the browser test on a free port. No request ends the process: an unexpected error is a
// logged 500 for that request, malformed HTTP and slow clients end their own connection.
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createStaticHandler } from "./static-files.ts";

export const defaultSiteRoot = fileURLToPath(new URL("../dist/", import.meta.url));
export const defaultHost = "127.0.0.1";
export const defaultPort = 8080;

export interface DocsServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  root?: string;
}

export interface DocsServer {
  url: string;
  close(): Promise<void>;
}

export async function startDocsServer({ host = defaultHost, port = defaultPort, root = defaultSiteRoot }: DocsServerOptions = {}): Promise<DocsServer> {
  if (!existsSync(root)) throw new Error(`no docs site at ${root}; build it first (npm run docs)`);
  const serve = createStaticHandler(root);
  const server = http.createServer((req, res) => {
    req.on("error", () => {});
    res.on("error", () => {});
    serve(req, res).catch((error: unknown) => {
      console.error(`docs: cannot answer ${req.method} ${String(req.url).slice(0, 300)}: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.statusCode = 500;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end("Internal error of the docs server; the error is in its log\n");
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

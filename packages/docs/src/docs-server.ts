// Serves the built docs site (packages/docs/dist) as static files. Used by `npm run docs:serve`, by the
// root `npm start` beside the mocks, and by the browser test on a free port.
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

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
  const serve = sirv(root, { dev: true, etag: true });
  const server = http.createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end("Not found\n");
    }),
  );
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

// A local node:http server for the client tests: it records every request and answers with whatever the
// test's handler returns. Shared by the tests of all four packages (test code only, never shipped).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** Wait this long before answering (to trigger timeouts). */
  delayMs?: number;
  /** Send the status and headers at once, then wait this long before the body. */
  bodyDelayMs?: number;
  /** Drop the connection without answering (a network error for the client). */
  destroy?: boolean;
  /** Answer by hand (streams, bodies cut off, raw bytes on the socket); the fields above are then ignored. */
  respond?: (res: ServerResponse, req: IncomingMessage) => void | Promise<void>;
}

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Replaces the handler. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export interface LocalServerOptions {
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string; key: string };
}

export async function startLocalServer(
  handler: Handler = () => ({ status: 200, body: {} }),
  options: LocalServerOptions = {},
): Promise<LocalServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const listener: RequestListener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const reply = await current(recorded, requests.length - 1);
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (reply.destroy) {
        req.socket.destroy();
        return;
      }
      if (reply.respond) {
        await reply.respond(res, req);
        return;
      }
      if (res.destroyed) return;
      const isJson = reply.body !== undefined && typeof reply.body !== "string";
      const payload = reply.body === undefined ? "" : isJson ? JSON.stringify(reply.body) : (reply.body as string);
      res.writeHead(reply.status ?? 200, {
        ...(isJson ? { "content-type": "application/json" } : {}),
        ...reply.headers,
      });
      if (reply.bodyDelayMs) {
        res.flushHeaders();
        await new Promise((resolve) => setTimeout(resolve, reply.bodyDelayMs));
        if (res.destroyed) return;
      }
      res.end(payload);
    });
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

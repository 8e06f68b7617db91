// Two ways to send a hostile request: node:http (any method, header and body a well-formed HTTP/1.1
// message can carry, chunked when asked) and node:net (bytes that are not HTTP at all, partial requests).
import http from "node:http";
import net from "node:net";

export interface HostileRequest {
  /** What kind of hostility this is, for the figures. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body in chunks (Transfer-Encoding: chunked) instead of with a Content-Length. */
  chunked?: boolean;
  /** Announce this Content-Length but send only the headers (a body past the limit, never sent). */
  announceOnly?: number;
}

export interface Outcome {
  status?: number;
  headers?: http.IncomingHttpHeaders;
  body?: string;
  /** The connection ended without an answer (a reset while a too-large body was still being sent). */
  error?: string;
}

export function send(baseUrl: string, request: HostileRequest, timeoutMs = 15_000): Promise<Outcome> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.announceOnly !== undefined) headers["content-length"] = String(request.announceOnly);
    else if (request.body !== undefined && !request.chunked) headers["content-length"] = String(request.body.length);
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request({ hostname, port, path: request.path, method: request.method, headers, agent: false, timeout: timeoutMs });
    } catch (error) {
      // Node's client refuses to send it (an invalid header value): not a request the server saw.
      resolve({ error: `not sent: ${(error as Error).message}` });
      return;
    }
    outgoing.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", (error) => resolve({ status: response.statusCode, headers: response.headers, error: error.message }));
      if (request.announceOnly !== undefined) response.on("end", () => outgoing.destroy());
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    if (request.announceOnly !== undefined) {
      outgoing.flushHeaders();
      return;
    }
    if (request.body !== undefined && request.chunked) {
      for (let at = 0; at < request.body.length; at += 4096) outgoing.write(request.body.subarray(at, at + 4096));
      outgoing.end();
    } else outgoing.end(request.body);
  });
}

/** Writes raw bytes and reads until the server closes or `timeoutMs` passes; the status line of each answer. */
export function sendRaw(baseUrl: string, bytes: string | Buffer, timeoutMs = 1000): Promise<{ statuses: number[]; closed: boolean }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let received = "";
    let closed = false;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(quiet);
      socket.destroy();
      resolve({ statuses: [...received.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((match) => Number(match[1])), closed });
    };
    const timer = setTimeout(done, timeoutMs);
    // A kept-alive connection stays open after its answer: once answers came, a short silence ends the wait.
    let quiet: NodeJS.Timeout | undefined;
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      received += chunk;
      clearTimeout(quiet);
      quiet = setTimeout(done, 150);
    });
    socket.on("end", () => {
      closed = true;
      done();
    });
    socket.on("error", () => {
      closed = true;
      done();
    });
    socket.on("connect", () => socket.write(bytes));
  });
}

/** Opens a connection and sends only the start of a request, leaving it open: a slow client. */
export function openPartial(baseUrl: string, start: string): Promise<net.Socket> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => {
      socket.write(start);
      resolve(socket);
    });
    socket.on("error", () => {});
    socket.once("error", reject);
  });
}

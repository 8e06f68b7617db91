// The one place every request enters the mock and every answer leaves it: node:http in, the pipeline's
// answer (or the control routes') out, CORS on the way, and every error answered here — a refusal
// (`ProblemError`) as its problem document, anything else as a logged 500 for that request alone.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Simulator } from "@managed-redis/simulator";
import type { MockLogger } from "../logger.js";
import { simulatorAnswer, type MockAnswer, type MockRequest } from "../pipeline/answer.js";
import type { Pipeline } from "../pipeline/pipeline.js";
import { FORBIDDEN_ORIGIN, INTERNAL_ERROR, MALFORMED_URL, ProblemError, problem, problemAnswer } from "../problems.js";
import { readBody } from "./body.js";

export interface EdgeOptions {
  pipeline: Pipeline;
  log: MockLogger;
  /** Stateful mode: the simulator, whose control routes the edge serves to loopback origins. */
  control?: { simulator: Simulator; isControlPath(path: string): boolean };
}

export function createEdgeServer(options: EdgeOptions): http.Server {
  const server = http.createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      // Even writing the error answer failed (a socket gone, a header Node refuses): end this exchange
      // alone, never the process.
      options.log("error", `cannot answer ${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`);
      response.destroy();
    });
  });
  // Clients of a mock keep connections open; the default (5 s) makes a busy benchmark reconnect.
  server.keepAliveTimeout = 65_000;
  return server;
}

async function handle(options: EdgeOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let cors: Record<string, string> = {};
  try {
    const url = request.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const control = options.control?.isControlPath(path) === true;
    if (control) refuseForeignOrigin(request.headers.origin);
    cors = corsHeaders(request);
    if (request.method === "OPTIONS" && request.headers.origin && request.headers["access-control-request-method"]) {
      // A browser's preflight: answered for any path, before routing, as Prism does.
      return write(response, { status: 204, headers: { "access-control-allow-methods": request.headers["access-control-request-method"], vary: "origin", "content-length": "0" } }, cors);
    }
    const mockRequest: MockRequest = {
      method: request.method ?? "GET",
      path: path.startsWith("/") ? path : `/${path}`,
      query: parseQuery(queryAt < 0 ? "" : url.slice(queryAt + 1)),
      headers: request.headers,
      body: await readBody(request),
    };
    const answer = control ? await controlRoute(options.control!.simulator, mockRequest) : await options.pipeline(mockRequest);
    write(response, answer, cors);
    options.log("info", `${mockRequest.method} ${url} ${answer.status}`);
  } catch (error) {
    if (error instanceof ProblemError) {
      if (error.status >= 500 || error.template === FORBIDDEN_ORIGIN) options.log("error", `Request terminated with error: ${error.message}`);
      // A refusal of the control routes carries no CORS headers: the browser keeps the answer from the page.
      write(response, problemAnswer(error), error.template === FORBIDDEN_ORIGIN ? {} : cors);
      options.log("info", `${request.method} ${request.url} ${error.status}`);
      return;
    }
    options.log("error", `unexpected error answering ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    write(response, problemAnswer(problem(INTERNAL_ERROR, "The mock failed to answer this request; the error is in its log.")), cors);
  }
}

function parseQuery(text: string): URLSearchParams {
  try {
    // URLSearchParams decodes leniently; a malformed escape is kept as it is, never thrown.
    return new URLSearchParams(text);
  } catch {
    throw problem(MALFORMED_URL, "The query string cannot be read");
  }
}

async function controlRoute(simulator: Simulator, request: MockRequest): Promise<MockAnswer> {
  const query = request.query.toString();
  const answer = await simulator.handle({ method: request.method, path: query ? `${request.path}?${query}` : request.path, headers: request.headers, body: request.body });
  return simulatorAnswer(answer);
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The control routes reset, dump and fault the mock: a page from any other origin open in the developer's
 * browser must not reach them. A refusal without CORS headers fails its preflight, and the 403 also stops
 * the simple requests a browser sends without one (the body is parsed as JSON whatever its content type).
 * Requests without an Origin (curl, tests) are not from a page.
 */
function refuseForeignOrigin(origin: string | undefined): void {
  if (origin === undefined) return;
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    // "null" (sandboxed frames, file:) and anything else that is not an origin
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:") && loopbackHosts.has(url.hostname)) return;
  throw problem(
    FORBIDDEN_ORIGIN,
    `the simulator's control routes accept browser requests only from loopback origins (localhost, 127.0.0.1, [::1]), not from ${origin}`,
  );
}

/** Prism's CORS (`cors: true`): the caller's origin and headers echoed, credentials allowed, every header readable. */
function corsHeaders(request: IncomingMessage): Record<string, string> {
  const expose = request.headers["access-control-expose-headers"];
  return {
    "access-control-allow-origin": request.headers.origin ?? "*",
    "access-control-allow-headers": headerText(request.headers["access-control-request-headers"]) ?? "*",
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": headerText(expose) ?? "*",
  };
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function write(response: ServerResponse, answer: MockAnswer, cors: Record<string, string>): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = answer.body;
  const headers: Record<string, string | number> = { ...cors, ...answer.headers };
  if (!("content-length" in headers)) headers["content-length"] = body === undefined ? 0 : Buffer.byteLength(body);
  response.writeHead(answer.status, headers);
  response.end(body);
}

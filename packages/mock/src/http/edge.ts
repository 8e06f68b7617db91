// The one place every request enters the mock and every answer leaves it: node:http in, the pipeline's
// answer (or the control routes') out. Before anything reaches the pipeline or the simulator the edge
// checks, in this order: the Host (DNS rebinding) and the Origin (other sites' pages), the Content-Type
// of a body, the body's size and JSON nesting (limits.ts). Every error is answered here — a refusal
// (`ProblemError`) as its problem document, anything else as a logged 500 for that request alone — and
// malformed HTTP, slow clients and broken sockets end their own connection, never the process.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Simulator } from "@managed-redis/simulator";
import type { MockLogger } from "../logger.js";
import { simulatorAnswer, type MockAnswer, type MockRequest } from "../pipeline/answer.js";
import type { Pipeline } from "../pipeline/pipeline.js";
import { FORBIDDEN_ORIGIN, HOST_NOT_ALLOWED, INTERNAL_ERROR, MALFORMED_URL, ProblemError, problem, problemAnswer } from "../problems.js";
import { announcesBody, readBody } from "./body.js";
import { checkContentType, type MediaTypeRule } from "./content-type.js";
import { headersTimeoutMs, maxBodyBytes, maxControlBodyBytes, requestTimeoutMs } from "./limits.js";
import type { OriginPolicy } from "./origin-policy.js";

export interface EdgeOptions {
  pipeline: Pipeline;
  log: MockLogger;
  policy: OriginPolicy;
  /** The media types the API's operations take a body in. */
  mediaTypes: MediaTypeRule;
  /** The vendor's own message field (`message`, `description`): refusals carry their detail there too. */
  messageField: string;
  /** Stateful mode: the simulator, whose control routes the edge serves. */
  control?: { simulator: Simulator; isControlPath(path: string): boolean };
}

const controlMediaTypes: MediaTypeRule = { accepted: new Set(["application/json"]) };

export function createEdgeServer(options: EdgeOptions): http.Server {
  const server = http.createServer((request, response) => {
    // A client that goes away mid-request: its streams report it; nothing else needs to know.
    request.on("error", () => {});
    response.on("error", () => {});
    handle(options, request, response).catch((error: unknown) => {
      // Even writing the error answer failed (a socket gone, a header Node refuses): end this exchange
      // alone, never the process.
      options.log("error", `cannot answer ${request.method} ${printable(request.url)}: ${error instanceof Error ? error.message : String(error)}`);
      response.destroy();
    });
  });
  // Clients of a mock keep connections open; the default (5 s) makes a busy benchmark reconnect.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = requestTimeoutMs;
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(options.log, error, socket));
  return server;
}

/** Malformed HTTP (Node's parser refused it), a timeout, or a reset socket: a plain status, then close. */
function answerClientError(log: MockLogger, error: NodeJS.ErrnoException, socket: Duplex): void {
  log("debug", `client error: ${error.code ?? ""} ${error.message}`);
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

async function handle(options: EdgeOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { policy } = options;
  let cors: Record<string, string> = {};
  const url = request.url ?? "/";
  // Refusals of the edge itself carry the vendor's message field; the pipeline's are Prism's, as they are.
  let atEdge = true;
  try {
    const queryAt = url.indexOf("?");
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const control = options.control?.isControlPath(path) === true;
    checkEscapes(url);
    policy.checkHost(request.headers.host);
    policy.checkOrigin(request.headers.origin);
    cors = policy.corsHeaders(request.headers.origin, headerText(request.headers["access-control-request-headers"]));
    if (request.method === "OPTIONS" && request.headers.origin && request.headers["access-control-request-method"]) {
      // A browser's preflight: answered for any path, before routing, as Prism does.
      request.resume();
      return write(response, { status: 204, headers: { "access-control-allow-methods": headerText(request.headers["access-control-request-method"]) ?? "", "content-length": "0" } }, cors);
    }
    if (announcesBody(request)) checkContentType(headerText(request.headers["content-type"]), control ? controlMediaTypes : options.mediaTypes);
    const mockRequest: MockRequest = {
      method: request.method ?? "GET",
      path: path.startsWith("/") ? path : `/${path}`,
      query: new URLSearchParams(queryAt < 0 ? "" : url.slice(queryAt + 1)),
      headers: request.headers,
      body: await readBody(request, control ? maxControlBodyBytes : maxBodyBytes),
    };
    atEdge = false;
    const answer = control ? await controlRoute(options.control!.simulator, mockRequest) : await options.pipeline(mockRequest);
    write(response, answer, cors);
    options.log("info", `${mockRequest.method} ${printable(url)} ${answer.status}`);
  } catch (error) {
    if (error instanceof ProblemError) {
      const refusedBrowser = error.template === FORBIDDEN_ORIGIN || error.template === HOST_NOT_ALLOWED;
      if (error.status >= 500 || refusedBrowser) options.log("error", `Request terminated with error: ${error.message}`);
      // A refused page gets no CORS headers: the browser keeps the answer from it.
      write(response, problemAnswer(atEdge ? withVendorMessage(error, options.messageField) : error), refusedBrowser ? {} : cors);
      options.log("info", `${request.method} ${printable(url)} ${error.status}`);
      return;
    }
    options.log("error", `unexpected error answering ${request.method} ${printable(url)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    write(response, problemAnswer(problem(INTERNAL_ERROR, "The mock failed to answer this request; the error is in its log.")), cors);
  }
}

/**
 * A percent-escape that is not one (`%zz`, a lone `%`) or does not decode to UTF-8 (`%FF`, an overlong
 * `%C0%AF`, a truncated `%E2%82`), in the path or the query: 400, before a router or a handler decodes it.
 */
function checkEscapes(url: string): void {
  if (!url.includes("%")) return;
  try {
    decodeURIComponent(url);
  } catch {
    throw problem(MALFORMED_URL, `The URL ${JSON.stringify(printable(url))} has a malformed percent-escape (RFC 3986 §2.1: % and two hex digits, decoding to UTF-8)`);
  }
}

async function controlRoute(simulator: Simulator, request: MockRequest): Promise<MockAnswer> {
  const query = request.query.toString();
  const answer = await simulator.handle({ method: request.method, path: query ? `${request.path}?${query}` : request.path, headers: request.headers, body: request.body });
  return simulatorAnswer(answer);
}

/** The detail also in the vendor's message field, which the typed clients' `ApiError` shows. */
function withVendorMessage(error: ProblemError, field: string): ProblemError {
  if (error.extra.fields && field in error.extra.fields) return error;
  return new ProblemError(error.template, error.detail, { ...error.extra, fields: { ...error.extra.fields, [field]: error.detail } });
}

/** A URL as a log line shows it: bounded, so a 100 KB URL does not become a 100 KB line. */
function printable(url: string | undefined): string {
  const text = url ?? "";
  return text.length > 300 ? `${text.slice(0, 300)}…(${text.length} characters)` : text;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function write(response: ServerResponse, answer: MockAnswer, cors: Record<string, string>): void {
  if (response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  const body = answer.body;
  const headers: Record<string, string | number> = { ...cors, ...answer.headers };
  if (!("content-length" in headers)) headers["content-length"] = body === undefined ? 0 : Buffer.byteLength(body);
  response.writeHead(answer.status, headers);
  response.end(body);
}

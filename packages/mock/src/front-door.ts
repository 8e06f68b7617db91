// The server a client talks to. Prism listens on an internal loopback port; the front door passes
// every request and answer through as streams, headers untouched, with two exceptions:
//  - an answer to an invalid request gets an RFC 9457 problem document naming each field (Prism puts
//    the field only in its `sl-violations` header, and the body is the vendor's generic example);
//  - in stateful mode, `/__simulator/*` (not in the specs, so Prism would answer 404) goes straight
//    to the simulator.
import http, { type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { ApiName } from "./apis.js";
import { invalidRequestStatus, type DocumentedStatuses } from "./documented-statuses.js";
import { invalidRequestProblem, invalidRequestType, parseViolationsHeader, requestViolations, type Violation } from "./invalid-request.js";
import { forwardedHostHeader } from "./simulator-http.js";

export interface FrontDoorOptions {
  api: ApiName;
  /** Where Prism listens (loopback, an ephemeral port). */
  prism: { host: string; port: number };
  statuses: DocumentedStatuses;
  /** Stateful mode: answers the simulator's control routes. */
  control?: RequestListener;
}

export interface FrontDoor {
  server: http.Server;
  /** Drops the idle keep-alive connections to Prism, so Prism's own close() does not wait for them. */
  dispose(): void;
}

export const controlPrefix = "/__simulator";

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not passed on.
const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade"]);

export function createFrontDoor(options: FrontDoorOptions): FrontDoor {
  const { api, prism, statuses, control } = options;
  // Keep-alive: a new connection to Prism per request would cost more than the proxying itself.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  const forward = (request: IncomingMessage, response: ServerResponse): void => {
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers)) if (!hopByHop.has(name)) headers[name] = value;
    if (request.headers.host && !headers[forwardedHostHeader]) headers[forwardedHostHeader] = request.headers.host;

    const upstream = http.request({ host: prism.host, port: prism.port, method: request.method, path: request.url, headers, agent }, (answer) => {
      if (isCandidateForProblem(request, answer)) {
        void rewriteInvalidRequest(api, statuses, request, answer, response);
        return;
      }
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, passOn(answer.rawHeaders));
      answer.pipe(response);
    });
    upstream.on("error", (error) => {
      if (!response.headersSent) sendJson(response, 502, "application/problem+json", { type: "about:blank", title: "Bad Gateway", status: 502, detail: `the mock's Prism did not answer: ${error.message}` });
      else response.destroy(error);
    });
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  };

  const server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    if (control && (path === controlPrefix || path.startsWith(`${controlPrefix}/`) || path.startsWith(`${controlPrefix}?`))) {
      // The control routes reset, dump and fault the mock: a page from any other origin open in the
      // developer's browser must not reach them. A refusal without CORS headers fails its preflight, and
      // the 403 also stops the simple requests a browser sends without one (the body is parsed as JSON
      // whatever its content type). Requests without an Origin (curl, tests) are not from a page.
      const origin = request.headers.origin;
      if (origin !== undefined && !isLoopbackOrigin(origin)) {
        sendJson(response, 403, "application/problem+json", { type: "about:blank", title: "Forbidden", status: 403, detail: `the simulator's control routes accept browser requests only from loopback origins (localhost, 127.0.0.1, [::1]), not from ${origin}` });
        return;
      }
      // Not in the spec, so Prism would not route it; answered here with CORS as Prism answers it.
      setCorsHeaders(request, response);
      if (request.method === "OPTIONS" && request.headers.origin && request.headers["access-control-request-method"]) {
        response.setHeader("Access-Control-Allow-Methods", request.headers["access-control-request-method"]);
        response.setHeader("Vary", "origin");
        response.writeHead(204, { "content-length": "0" }).end();
        return;
      }
      control(request, response);
      return;
    }
    forward(request, response);
  });
  // Clients of a mock keep connections open; the defaults (5 s) make a busy benchmark reconnect.
  server.keepAliveTimeout = 65_000;

  return { server, dispose: () => agent.destroy() };
}

/**
 * A 4xx other than 401 (whose documented example says what it needs) that may be about an invalid
 * request: Prism's violations header is there, or it is Prism's own 422 problem. A request that asks
 * for a documented answer with `Prefer: code=…` or `example=…` gets it as documented.
 */
function isCandidateForProblem(request: IncomingMessage, answer: IncomingMessage): boolean {
  const status = answer.statusCode ?? 0;
  if (status < 400 || status >= 500 || status === 401) return false;
  const prefer = request.headers.prefer;
  if (typeof prefer === "string" && /\b(code|example)=/.test(prefer)) return false;
  if (answer.headers["sl-violations"]) return true;
  return status === 422 && /problem\+json/.test(answer.headers["content-type"] ?? "");
}

async function rewriteInvalidRequest(api: ApiName, statuses: DocumentedStatuses, request: IncomingMessage, answer: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of answer) chunks.push(chunk as Buffer);
  } catch (error) {
    response.destroy(error as Error);
    return;
  }
  const original = Buffer.concat(chunks);
  const status = answer.statusCode ?? 400;

  let violations = requestViolations(parseViolationsHeader(answer.headers["sl-violations"]));
  let chosenStatus = status;
  if (violations.length === 0) {
    // Prism's own problem (the proxy, or an operation documenting no 400/422): its `validation` has
    // the same entries without the "request" prefix.
    const problem = parseJson(original) as { type?: string; validation?: Violation[] } | undefined;
    if (problem?.type === invalidRequestType && Array.isArray(problem.validation)) {
      violations = requestViolations(problem.validation.map((violation) => ({ ...violation, location: ["request", ...(violation.location ?? [])] })));
      chosenStatus = invalidRequestStatus(statuses(request.method ?? "GET", request.url ?? "/"));
    }
  }
  if (violations.length === 0) {
    response.writeHead(status, answer.statusMessage, passOn(answer.rawHeaders));
    response.end(original);
    return;
  }

  const headers = passOn(answer.rawHeaders, new Set(["content-type", "content-length", "transfer-encoding"]));
  if (!answer.headers["sl-violations"]) headers.push("sl-violations", JSON.stringify(violations));
  const body = JSON.stringify(invalidRequestProblem(api, chosenStatus, violations));
  headers.push("content-type", "application/problem+json", "content-length", String(Buffer.byteLength(body)));
  response.writeHead(chosenStatus, headers);
  response.end(body);
}

/** The raw header list (names as sent, repeats kept) without hop-by-hop headers and `drop`. */
function passOn(rawHeaders: readonly string[], drop?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    const lower = name.toLowerCase();
    if (hopByHop.has(lower) || drop?.has(lower)) continue;
    out.push(name, rawHeaders[i + 1]!);
  }
  return out;
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An http(s) origin on this machine's loopback names, any port: a dev server the developer runs. */
function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file:) and anything else that is not an origin
  }
  return (url.protocol === "http:" || url.protocol === "https:") && loopbackHosts.has(url.hostname);
}

function setCorsHeaders(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader("Access-Control-Allow-Origin", request.headers.origin ?? "*");
  response.setHeader("Access-Control-Allow-Headers", request.headers["access-control-request-headers"] ?? "*");
  response.setHeader("Access-Control-Allow-Credentials", "true");
  response.setHeader("Access-Control-Expose-Headers", "*");
}

function sendJson(response: ServerResponse, status: number, contentType: string, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(payload) });
  response.end(payload);
}

function parseJson(buffer: Buffer): unknown {
  try {
    return JSON.parse(buffer.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

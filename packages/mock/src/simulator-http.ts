// The simulator mounted on node:http: Prism's proxy forwards valid requests here, and the front door
// sends the control routes (/__simulator/*) here directly. The simulator does the rest; this only
// turns a node request into a `SimRequest` and a `SimResponse` into a node response.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { SimRequest, Simulator } from "@managed-redis/simulator";

/** The header the front door adds with the client's Host, which Prism's proxy does not forward. */
export const forwardedHostHeader = "x-forwarded-host";

export function simulatorListener(simulator: Simulator): RequestListener {
  return (request, response) => {
    void answer(simulator, request, response);
  };
}

async function answer(simulator: Simulator, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let simRequest: SimRequest;
  try {
    simRequest = await toSimRequest(request);
  } catch (error) {
    sendJson(response, 400, { error: `could not read the request body: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  const simResponse = await simulator.handle(simRequest);
  sendJson(response, simResponse.status, simResponse.body, simResponse.headers);
}

async function toSimRequest(request: IncomingMessage): Promise<SimRequest> {
  const headers: Record<string, string | string[] | undefined> = { ...request.headers };
  // Exoscale's zone comes from the Host the client called; Prism's proxy replaces it with ours.
  const forwardedHost = request.headers[forwardedHostHeader];
  if (typeof forwardedHost === "string" && forwardedHost !== "") headers.host = forwardedHost.split(",", 1)[0]!.trim();
  const text = await readBody(request);
  let body: unknown;
  if (text.length > 0) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return { method: request.method ?? "GET", path: request.url ?? "/", headers, body };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = body === undefined ? "" : JSON.stringify(body);
  const out: Record<string, string | number> = { ...headers, "content-length": Buffer.byteLength(payload) };
  if (payload !== "" && !Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) out["content-type"] = "application/json";
  response.writeHead(status, out);
  response.end(payload);
}

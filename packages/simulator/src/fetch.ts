// Web-standard glue (Request → SimRequest, SimResponse → Response): the same in a browser, a service
// worker (MSW) and Node ≥ 18, so neither mount has to write it again.
import { answerText } from "./sealed-answer.ts";
import type { SimRequest, SimResponse, Simulator } from "./types.ts";

/** Reads a fetch `Request` into a `SimRequest`; a body that is not JSON is passed on as its text. */
export async function toSimRequest(request: Request): Promise<SimRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  headers.host ??= url.host;
  let body: unknown;
  if (request.method !== "GET" && request.method !== "HEAD") {
    const text = await request.text();
    if (text.length > 0) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
    }
  }
  return { method: request.method, path: url.pathname, query: url.searchParams, headers, body };
}

/** Turns a `SimResponse` into a fetch `Response`. */
export function toFetchResponse(response: SimResponse): Response {
  const body = response.body === undefined ? null : (answerText(response) ?? JSON.stringify(response.body));
  return new Response(body, { status: response.status, headers: response.headers });
}

/** `(request) => response` over a simulator: what an MSW handler or a fetch-style server calls. */
export function createFetchHandler(simulator: Simulator): (request: Request) => Promise<Response> {
  return async (request) => toFetchResponse(await simulator.handle(await toSimRequest(request)));
}

// The request body as Prism's server reads it: none when nothing announces one (no Content-Length or a
// zero one, no Transfer-Encoding), JSON for a JSON media type (`application/json`, `application/*+json`),
// text otherwise. Bounded: an announced length past the limit is refused before a byte is read, a chunked
// body as soon as it passes the limit (the rest is discarded, never buffered); JSON nested deeper than
// `maxJsonDepth` is refused before it is parsed.
import type { IncomingMessage } from "node:http";
import { isJsonMediaType } from "@managed-redis/spec-facts";
import { INVALID_JSON, PAYLOAD_TOO_LARGE, TOO_DEEPLY_NESTED, problem } from "../problems.js";
import { jsonDepth } from "./json-depth.js";
import { maxJsonDepth } from "./limits.js";

/** Whether the request announces a body (RFC 9112 §6.3: Transfer-Encoding, or a Content-Length above 0). */
export function announcesBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

export async function readBody(request: IncomingMessage, limit: number): Promise<unknown> {
  if (!announcesBody(request)) {
    request.resume();
    return undefined;
  }
  const announced = Number(request.headers["content-length"]);
  if (request.headers["transfer-encoding"] === undefined && announced > limit) throw tooLarge(request, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(request, limit);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!isJsonMediaType(request.headers["content-type"])) return text;
  const depth = jsonDepth(text, maxJsonDepth);
  if (depth > maxJsonDepth) {
    throw problem(TOO_DEEPLY_NESTED, `The request body nests arrays and objects deeper than the mock's limit of ${maxJsonDepth} levels`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw problem(INVALID_JSON, `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function tooLarge(request: IncomingMessage, limit: number) {
  // What is left of the body is read and dropped, so the answer reaches a client still sending; the
  // connection closes after it.
  request.resume();
  return problem(PAYLOAD_TOO_LARGE, `The request body exceeds the limit of ${limit} bytes for this route`, { headers: { connection: "close" } });
}

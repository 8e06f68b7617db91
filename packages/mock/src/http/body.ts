// The request body as Prism's server reads it: none when nothing announces one (no Content-Length or a
// zero one, no Transfer-Encoding), JSON for a JSON media type (`application/json`, `application/*+json`),
// text otherwise; bounded in size.
import type { IncomingMessage } from "node:http";
import { isJsonMediaType } from "@managed-redis/spec-facts";
import { INVALID_JSON, PAYLOAD_TOO_LARGE, problem } from "../problems.js";

/** Prism's limit (its server's `10mb`). */
export const maxBodyBytes = 10 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<unknown> {
  const length = request.headers["content-length"];
  if (length === "0" || (length === undefined && request.headers["transfer-encoding"] === undefined)) {
    request.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw problem(PAYLOAD_TOO_LARGE, `The request body exceeds the mock's limit of ${maxBodyBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!isJsonMediaType(request.headers["content-type"])) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw problem(INVALID_JSON, `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

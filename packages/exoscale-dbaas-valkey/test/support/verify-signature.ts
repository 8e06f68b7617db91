import { createHmac } from "node:crypto";
import type { RecordedRequest } from "@managed-redis/test-support/local-server";

/**
 * Checks a request's EXO2-HMAC-SHA256 Authorization header the way the API does: recomputes the HMAC from
 * the method, path, body and signed query values that arrived. Test code only.
 */
export function verifyExoscaleSignature(request: RecordedRequest, apiKey: string, apiSecret: string): boolean {
  const header = String(request.headers.authorization ?? "");
  const match = /^EXO2-HMAC-SHA256 credential=([^,]+)(?:,signed-query-args=([^,]+))?,expires=(\d+),signature=(.+)$/.exec(header);
  if (!match || match[1] !== apiKey) return false;
  const url = new URL(request.url, "http://x");
  const values = (match[2] ? match[2].split(";") : []).map((name) => url.searchParams.get(name)).join("");
  const message = `${request.method} ${url.pathname}\n${request.body}\n${values}\n\n${match[3]}`;
  return createHmac("sha256", apiSecret).update(message).digest("base64") === match[4];
}

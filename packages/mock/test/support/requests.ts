// Credentials that satisfy each API's security scheme. The mock checks presence only, so any value
// passes; these have the shape the real APIs expect.
import type { ApiName } from "../../src/index.ts";

export const credentials: Record<ApiName, Record<string, string>> = {
  "kakaocloud-redis": { "X-Auth-Token": "test-token" },
  "exoscale-dbaas-valkey": { Authorization: "EXO2-HMAC-SHA256 credential=EXOtest,expires=1700000000,signature=dGVzdA==" },
  "redis-enterprise": { Authorization: `Basic ${Buffer.from("demo@redislabs.com:password").toString("base64")}` },
};

/** One operation per API that needs no body: a GET a frontend calls first. */
export const firstGet: Record<ApiName, string> = {
  "kakaocloud-redis": "/v1/clusters",
  "exoscale-dbaas-valkey": "/dbaas-settings-valkey",
  "redis-enterprise": "/v1/local/services",
};

export type Violation = { location: string[]; severity: string; code: string | number; message: string };

/** The `sl-violations` header Prism adds to an answer whose request (or response) broke the spec. */
export function violations(response: Response): Violation[] {
  const header = response.headers.get("sl-violations");
  return header ? (JSON.parse(header) as Violation[]) : [];
}

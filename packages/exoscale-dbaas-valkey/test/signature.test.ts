import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exoscaleSignatureParts, signExoscaleRequest } from "../src/index.js";

interface Vectors {
  apiKey: string;
  apiSecret: string;
  expires: number;
  vectors: { name: string; method: string; url: string; body: string; authorization: string }[];
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/signature-vectors.json", import.meta.url), "utf8")) as Vectors;

describe("EXO2-HMAC-SHA256 signature", () => {
  for (const vector of fixture.vectors) {
    it(`matches the vendor's test vector: ${vector.name}`, async () => {
      const header = await signExoscaleRequest(
        { method: vector.method, url: vector.url, body: vector.body },
        { apiKey: fixture.apiKey, apiSecret: fixture.apiSecret },
        fixture.expires,
      );
      expect(header).toBe(vector.authorization);
    });
  }

  it("signs the method, the path with /v2, the body, sorted single-valued query values, an empty headers line and the expiry", () => {
    const { message, signedQueryArgs } = exoscaleSignatureParts(
      { method: "put", url: "https://api-ch-gva-2.exoscale.com/v2/dbaas-valkey/my%20cache?b=2&a=1&m=x&m=y", body: '{"plan":"hobbyist-2"}' },
      1_700_000_000,
    );
    expect(message).toBe('PUT /v2/dbaas-valkey/my%20cache\n{"plan":"hobbyist-2"}\n12\n\n1700000000');
    expect(signedQueryArgs).toBe("a;b");
  });

  it("agrees with node:crypto for a request with a body", async () => {
    const url = "https://api-de-fra-1.exoscale.com/v2/dbaas-valkey/cache";
    const body = '{"plan":"startup-4","maintenance":{"dow":"sunday","time":"02:00:00"}}';
    const expected = createHmac("sha256", "secret").update(`POST /v2/dbaas-valkey/cache\n${body}\n\n\n42`).digest("base64");
    expect(await signExoscaleRequest({ method: "POST", url, body }, { apiKey: "EXOkey", apiSecret: "secret" }, 42)).toBe(
      `EXO2-HMAC-SHA256 credential=EXOkey,expires=42,signature=${expected}`,
    );
  });
});

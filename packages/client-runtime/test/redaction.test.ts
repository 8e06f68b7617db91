import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiError, REDACTED, createRedactor } from "../src/index.js";
import { redactedCopy } from "../src/redaction.js";

const SECRET = "EXO-very-secret-value";

describe("ApiError redaction", () => {
  const error = new ApiError({
    status: 401,
    method: "GET",
    path: "/v1/clusters",
    operation: "listClusters",
    body: { message: `token ${SECRET} is expired`, password: "hunter22", nested: { Authorization: "Basic abc", ok: 1 } },
    redact: createRedactor([SECRET]),
  });

  it("keeps secrets out of message, toString, JSON.stringify and util.inspect", () => {
    for (const text of [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? ""]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain("hunter22");
      expect(text).not.toContain("Basic abc");
    }
  });

  it("replaces the secrets and keeps the rest of the body", () => {
    expect(error.body).toEqual({ message: `token ${REDACTED} is expired`, password: REDACTED, nested: { Authorization: REDACTED, ok: 1 } });
    expect(error.message).toBe(`listClusters (GET /v1/clusters) failed with HTTP 401: token ${REDACTED} is expired`);
  });

  it("serialises its fields with JSON.stringify", () => {
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "ApiError", status: 401, method: "GET", path: "/v1/clusters", operationId: "listClusters" });
  });
});

describe("createRedactor", () => {
  const redact = createRedactor(["EXO2-HMAC-SHA256 credential=EXOkey,expires=1,signature=c2lnbmF0dXJl+/=", "c2lnbmF0dXJl+/="]);

  it("redacts a secret as it is, percent-encoded, and in keys", () => {
    expect(redact({ a: "sig c2lnbmF0dXJl+/= end", b: `q=${encodeURIComponent("c2lnbmF0dXJl+/=")}`, "c2lnbmF0dXJl+/=": 1 })).toEqual({
      a: `sig ${REDACTED} end`,
      b: `q=${REDACTED}`,
      [REDACTED]: 1,
    });
  });

  it("redacts a header whole before the signature inside it", () => {
    expect(redact("got EXO2-HMAC-SHA256 credential=EXOkey,expires=1,signature=c2lnbmF0dXJl+/=")).toBe(`got ${REDACTED}`);
  });
});

describe("redactedCopy", () => {
  it("keeps name, code, message and stack, redacted, along the cause chain, and drops every other property", () => {
    const parserError = Object.assign(new Error(`Invalid header token near ${SECRET}`), {
      name: "HTTPParserError",
      code: "HPE_INVALID_HEADER_TOKEN",
      data: `X-Echo: ${SECRET}\r\n`,
    });
    const copy = redactedCopy(new TypeError("fetch failed", { cause: parserError }), createRedactor([SECRET]))!;
    const cause = copy.cause as Error & { code?: string; data?: string };
    expect(copy).toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(cause).toMatchObject({ name: "HTTPParserError", code: "HPE_INVALID_HEADER_TOKEN", message: `Invalid header token near ${REDACTED}` });
    expect(cause.data).toBeUndefined();
    expect(inspect(copy, { depth: Infinity, showHidden: true })).not.toContain(SECRET);
  });
});

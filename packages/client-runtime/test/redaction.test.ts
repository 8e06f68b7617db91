import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiError, REDACTED, createRedactor } from "../src/index.js";

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
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "ApiError", status: 401, method: "GET", path: "/v1/clusters", operation: "listClusters" });
  });
});

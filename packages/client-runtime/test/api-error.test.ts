// ApiError's fields (headers, request id, URL), its subclasses, and their redaction.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  ConflictError,
  NotFoundError,
  RateLimitError,
  REDACTED,
  RequestError,
  ServerError,
  camelCase,
  createApiError,
  createRedactor,
} from "../src/index.js";

const SECRET = "EXO-very-secret-value";
const details = (status: number, headers: Record<string, string> = {}) => ({
  status,
  method: "GET",
  path: "/v1/clusters",
  operation: "listClusters",
  headers: new Headers(headers),
  url: `https://api.example/v1/clusters?q=${SECRET}`,
  body: { message: "nope" },
  redact: createRedactor([SECRET]),
});

describe("ApiError", () => {
  it("keeps the headers as a redacted record, the request id and the redacted URL", () => {
    const error = createApiError(
      details(400, { "X-Request-Id": "r1", "Set-Cookie": "s=1", "X-Echo": `Bearer ${SECRET}`, Authorization: "Basic abc" }),
    );
    expect(error.headers).toEqual({
      "x-request-id": "r1",
      "set-cookie": REDACTED,
      "x-echo": `Bearer ${REDACTED}`,
      authorization: REDACTED,
    });
    expect(error.requestId).toBe("r1");
    expect(error.url).toBe(`https://api.example/v1/clusters?q=${REDACTED}`);
    expect(error.operationId).toBe("listClusters");
    expect(error.operation).toBe("listClusters");
    for (const text of [JSON.stringify(error), inspect(error, { depth: 10 }), error.message, error.stack ?? ""]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain("Basic abc");
    }
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ requestId: "r1", headers: { "x-request-id": "r1" }, url: expect.any(String) });
  });

  it("picks the subclass users branch on", () => {
    const cases: [number, Function][] = [
      [404, NotFoundError],
      [409, ConflictError],
      [429, RateLimitError],
      [500, ServerError],
      [502, ServerError],
      [505, ServerError],
      [400, ApiError],
      [403, ApiError],
    ];
    for (const [status, Class] of cases) {
      const error = createApiError(details(status));
      expect(error, String(status)).toBeInstanceOf(Class);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toBeInstanceOf(RequestError);
      expect(error.name).toBe(Class.name);
      expect(error.constructor).toBe(Class);
    }
    expect(createApiError(details(400))).not.toBeInstanceOf(NotFoundError);
  });

  it("reads Retry-After into a RateLimitError", () => {
    expect((createApiError(details(429, { "Retry-After": "3" })) as RateLimitError).retryAfterMs).toBe(3000);
    expect((createApiError(details(429)) as RateLimitError).retryAfterMs).toBeUndefined();
  });

  it("works without headers or URL (an error built by hand)", () => {
    const error = new ApiError({ status: 418, method: "GET", path: "/x" });
    expect(error).toMatchObject({ headers: {}, requestId: undefined, url: "" });
  });
});

describe("camelCase", () => {
  it("names a method and a path parameter as the generated types do", () => {
    expect(camelCase("get-dbaas-service-valkey")).toBe("getDbaasServiceValkey");
    expect(camelCase("cluster-id")).toBe("clusterId");
    expect(camelCase("service_name")).toBe("serviceName");
    expect(camelCase("listClusters")).toBe("listClusters");
  });
});

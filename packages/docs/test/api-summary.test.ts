import { describe, expect, it } from "vitest";
import { describeAuthentication, firstSentence, summarizeApi, type OpenApiDocument } from "../src/api-summary.ts";

const base: OpenApiDocument = { info: { title: "T", version: "1" } };

describe("firstSentence", () => {
  it("stops at the first sentence end, not at an abbreviation or a dot inside a word", () => {
    expect(firstSentence("Uses `a.b`, e.g. this one. Then more.")).toBe("Uses `a.b`, e.g. this one.");
    expect(firstSentence("No end")).toBe("No end");
    expect(firstSentence(undefined)).toBeUndefined();
  });
});

describe("describeAuthentication", () => {
  it("names an API key header and the first sentence of its description", () => {
    const doc: OpenApiDocument = {
      ...base,
      security: [{ token: [] }],
      components: { securitySchemes: { token: { type: "apiKey", in: "header", name: "X-Auth-Token", description: "A token. It expires." } } },
    };
    expect(describeAuthentication(doc)).toBe("API key in the `X-Auth-Token` header: A token.");
  });

  it("does not repeat the kind when the description starts with it", () => {
    const doc: OpenApiDocument = {
      ...base,
      security: [{ basic: [] }],
      components: { securitySchemes: { basic: { type: "http", scheme: "basic", description: "HTTP Basic authentication with a user. More." } } },
    };
    expect(describeAuthentication(doc)).toBe("HTTP Basic authentication with a user.");
  });

  it("joins alternatives with 'or' and combined schemes with 'and'", () => {
    const doc: OpenApiDocument = {
      ...base,
      security: [{ a: [], b: [] }, { c: [] }],
      components: { securitySchemes: { a: { type: "mutualTLS" }, b: { type: "http", scheme: "bearer" }, c: { type: "oauth2" } } },
    };
    expect(describeAuthentication(doc)).toBe("Mutual TLS and HTTP bearer authentication — or — OAuth 2.0");
  });

  it("says so when no authentication is required", () => {
    expect(describeAuthentication(base)).toBe("None.");
  });
});

describe("summarizeApi", () => {
  it("counts operations, not paths, and lists server variables with their values", () => {
    const summary = summarizeApi("redis-enterprise", {
      ...base,
      servers: [{ url: "https://{host}:9443", variables: { host: { default: "localhost", enum: ["localhost", "a"] } } }],
      paths: { "/a": { get: { operationId: "getA" }, post: { operationId: "postA" }, parameters: [] }, "/b": { delete: {} } },
    });
    expect(summary.operations.map((op) => `${op.method} ${op.path}`)).toEqual(["get /a", "post /a", "delete /b"]);
    expect(summary.servers[0]?.variables).toEqual([{ name: "host", default: "localhost", values: ["localhost", "a"], description: undefined }]);
  });
});

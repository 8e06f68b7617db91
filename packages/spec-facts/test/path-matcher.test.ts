import { describe, expect, it } from "vitest";
import { createPathMatcher } from "../src/index.js";

const routes = {
  "GET /v1/clusters/{cluster-id}": "getCluster",
  "DELETE /v1/clusters/{cluster-id}": "deleteCluster",
  "GET /v1/clusters/versions": "listVersions",
  "GET /v1/clusters": "listClusters",
  "POST /v1/clusters/{cluster-id}/shards/{shard-id}/nodes": "addNode",
  "GET /v1/{kind}/summary": "summaryOfKind",
};

describe("createPathMatcher", () => {
  const matcher = createPathMatcher(routes);

  it("matches a template and returns its decoded parameters", () => {
    expect(matcher.match("get", "/v1/clusters/a%20b")).toEqual({ kind: "found", value: "getCluster", params: { "cluster-id": "a b" } });
    expect(matcher.match("POST", "/v1/clusters/c1/shards/001/nodes")).toMatchObject({ value: "addNode", params: { "cluster-id": "c1", "shard-id": "001" } });
  });

  it("lets a literal segment beat a parameter whatever the order of the templates", () => {
    expect(matcher.match("GET", "/v1/clusters/versions")).toMatchObject({ kind: "found", value: "listVersions" });
    const reversed = createPathMatcher(Object.fromEntries(Object.entries(routes).reverse()));
    expect(reversed.match("GET", "/v1/clusters/versions")).toMatchObject({ kind: "found", value: "listVersions" });
    // The leftmost difference decides: /v1/clusters/summary is not /v1/{kind}/summary's "clusters".
    expect(matcher.match("GET", "/v1/clusters/summary")).toMatchObject({ value: "getCluster", params: { "cluster-id": "summary" } });
  });

  it("takes the most specific template that has the method, and tells a path known under other methods", () => {
    expect(matcher.match("DELETE", "/v1/clusters/versions")).toMatchObject({ kind: "found", value: "deleteCluster" });
    expect(matcher.match("PUT", "/v1/clusters/c1")).toEqual({ kind: "method-not-allowed" });
  });

  it("never matches a parameter to an empty segment, and a trailing slash makes another path", () => {
    expect(matcher.match("GET", "/v1/clusters/")).toEqual({ kind: "not-found" });
    expect(matcher.match("GET", "/v1/clusters//shards")).toEqual({ kind: "not-found" });
    expect(matcher.match("GET", "/v1/clusters/c1/")).toEqual({ kind: "not-found" });
  });

  it("reports a malformed percent-escape instead of throwing", () => {
    for (const path of ["/v1/clusters/%zz", "/v1/clusters/%", "/v1/clusters/%FF", "/v1/clusters/%E0%A4%A"]) {
      expect(matcher.match("GET", path)).toEqual({ kind: "malformed" });
    }
  });

  it("answers not-found for an unknown path or one without a leading slash", () => {
    expect(matcher.match("GET", "/v2/clusters")).toEqual({ kind: "not-found" });
    expect(matcher.match("GET", "v1/clusters")).toEqual({ kind: "not-found" });
  });
});

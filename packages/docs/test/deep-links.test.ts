import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiNames, type ApiName } from "@managed-redis/tooling/apis";
import { operationsOf } from "@managed-redis/tooling/bundled-specs";
import { readBundle } from "../src/api-summary.ts";
import { deepLinkTargets, descriptionHeadings, oldAnchorRedirects, operationFragment, redirectOldAnchor, schemaFragment, slugify } from "../src/deep-links.ts";

const redocAnchors = JSON.parse(readFileSync(new URL("./fixtures/redoc/anchors.json", import.meta.url), "utf8")) as Record<ApiName, string[]>;

describe("deep links", () => {
  it("names operations by tag and operationId, schemas by name", () => {
    expect(operationFragment("Clusters", "listClusters")).toBe("#tag/clusters/listClusters");
    expect(operationFragment("dbaas-valkey", "get-dbaas-service-valkey")).toBe("#tag/dbaas-valkey/get-dbaas-service-valkey");
    expect(schemaFragment("Cluster")).toBe("#models/Cluster");
    expect(slugify("Transport, port and certificates")).toBe("transport-port-and-certificates");
  });

  it.each(apiNames)("%s: every operation, tag, schema and heading of the description has a fragment of its own", (api) => {
    const doc = readBundle(api);
    const targets = deepLinkTargets(doc as never);
    const fragments = targets.map((target) => target.fragment);
    expect(new Set(fragments).size).toBe(fragments.length);
    expect(targets.filter((t) => t.kind === "operation")).toHaveLength(operationsOf(doc).length);
    const schemas = Object.entries((doc as { components?: { schemas?: Record<string, { title?: string }> } }).components?.schemas ?? {});
    expect(targets.filter((t) => t.kind === "schema").map((t) => t.title)).toEqual(schemas.map(([name, schema]) => schema.title ?? name));
    expect(targets.filter((t) => t.kind === "section").map((t) => t.title)).toEqual(descriptionHeadings(doc as never));
  });

  it.each(apiNames)("%s: every anchor the Redoc pages served leads to a target of today's page", (api) => {
    const doc = readBundle(api);
    const redirects = oldAnchorRedirects(doc as never);
    const fragments = new Set(deepLinkTargets(doc as never).map((target) => target.fragment));
    const lost = redocAnchors[api].filter((anchor) => !fragments.has(redirectOldAnchor(anchor, redirects) ?? ""));
    expect(lost).toEqual([]);
  });

  it("maps an operation's old anchor, with or without the part after a second #, to the operation", () => {
    const redirects = oldAnchorRedirects(readBundle("kakaocloud-redis") as never);
    expect(redirectOldAnchor("#/clusters/listclusters", redirects)).toBe("#tag/clusters/listClusters");
    expect(redirectOldAnchor("#/clusters/listclusters#clusters/listclusters/responses", redirects)).toBe("#tag/clusters/listClusters");
    expect(redirectOldAnchor("#tag/clusters/listClusters", redirects)).toBeUndefined();
    expect(redirectOldAnchor("#/no-such-tag", redirects)).toBeUndefined();
    expect(redirectOldAnchor("", redirects)).toBeUndefined();
  });
});

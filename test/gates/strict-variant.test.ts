// The strict variant of each bundle: derived at build time, it closes every object schema that lists its
// properties, leaves free-form maps and data alone, and catches an unknown field in one of this project's
// own examples, which the published (open) spec lets through.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { apiNames, repoRoot } from "@managed-redis/tooling/apis";
import { loadBundle } from "@managed-redis/tooling/bundled-specs";
import { validateExamples } from "@managed-redis/tooling/example-validator";
import { strictVariant } from "@managed-redis/tooling/strict-variant";

/** How many schemas under `node` refuse unknown properties (example and default values are skipped). */
function closedSchemas(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + closedSchemas(item), 0);
  if (node === null || typeof node !== "object") return 0;
  let count = (node as Record<string, unknown>).additionalProperties === false ? 1 : 0;
  for (const [key, value] of Object.entries(node)) {
    if (!["examples", "example", "default", "enum", "const"].includes(key)) count += closedSchemas(value);
  }
  return count;
}

const fixture = parse(readFileSync(path.join(repoRoot, "test/fixtures/specs/strict-variant.yaml"), "utf8"));

describe("strictVariant", () => {
  const strict = strictVariant(fixture);
  const gadget = strict.components.schemas.Gadget;

  it("closes every object schema that lists its properties, however deep", () => {
    expect(gadget.additionalProperties).toBe(false);
    expect(gadget.properties.settings.additionalProperties).toBe(false);
    expect(gadget.properties.parts.items.additionalProperties).toBe(false);
    expect(gadget.properties.either.anyOf[0].additionalProperties).toBe(false);
    expect(strict.paths["/gadgets"].post.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
  });

  it("uses unevaluatedProperties beside a composition, so the composed properties stay allowed", () => {
    expect(strict.components.schemas.Mixed.unevaluatedProperties).toBe(false);
    expect(strict.components.schemas.Mixed).not.toHaveProperty("additionalProperties");
  });

  it("leaves free-form maps, declared maps, a property named `properties` and example values alone", () => {
    expect(strict.paths["/gadgets"].post.requestBody.content["application/json"].schema.properties.tags).not.toHaveProperty("additionalProperties");
    expect(gadget.properties.settings.properties.properties).not.toHaveProperty("additionalProperties");
    expect(gadget.properties.labels.additionalProperties).toEqual({ type: "string" });
    expect(strict.paths["/gadgets"].post.requestBody.content["application/json"].examples.one.value).toEqual({
      name: "g",
      properties: "an example value is data, not a schema",
    });
  });

  it("does not change the document it is given", () => {
    expect(fixture.components.schemas.Gadget).not.toHaveProperty("additionalProperties");
  });
});

describe("the strict variant of each bundle", () => {
  it.each(apiNames)("%s: dist/openapi.strict.json is the strict variant of dist/openapi.json, written by the bundle step", (api) => {
    expect(loadBundle(api, "strict")).toEqual(strictVariant(loadBundle(api)));
    // It differs from the published bundle: the published one closes nothing.
    expect(closedSchemas(loadBundle(api, "strict").components.schemas)).toBeGreaterThan(0);
    expect(closedSchemas(loadBundle(api).components.schemas)).toBe(0);
  });

  it.each(apiNames)("%s: every example of the spec passes the strict check (the example gate)", (api) => {
    expect(validateExamples(loadBundle(api, "strict"))).toEqual([]);
  });

  it("catches an unknown field in one of our own examples, which the published spec accepts", () => {
    const published = loadBundle("kakaocloud-redis");
    // The getCluster `cluster` example, with a field that the Cluster schema does not list.
    const example = published.components.examples["getCluster.cluster"];
    expect(example?.value).toBeDefined();
    example.value.endpoints.primaryEndpiont = "10.0.0.1";
    expect(validateExamples(published)).toEqual([]);
    const problems = validateExamples(strictVariant(published));
    expect(problems).toEqual([
      {
        where: "GET /v1/clusters/{cluster-id} › 200 response › application/json › cluster",
        field: "/endpoints",
        message: "must NOT have additional properties (primaryEndpiont)",
      },
    ]);
  });
});

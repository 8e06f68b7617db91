// The example validator on its own: it catches what Redocly's media-type check does not look at
// (parameter examples, `examples` arrays in schemas, formats), and counts what it checked.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "@managed-redis/tooling/apis";
import { countExamples, validateExamples } from "@managed-redis/tooling/example-validator";

const loadFixture = (name: string) =>
  parse(readFileSync(path.join(repoRoot, "test/fixtures/specs", name), "utf8"));

describe("validateExamples", () => {
  it("finds no problem in the valid fixture and counts its three examples", () => {
    const doc = loadFixture("valid.yaml");
    expect(validateExamples(doc)).toEqual([]);
    expect(countExamples(doc)).toBe(3);
  });

  it("names the parameter whose example breaks its schema", () => {
    const doc = loadFixture("valid.yaml");
    doc.paths["/widgets/{id}"].get.parameters[0].example = "";
    expect(validateExamples(doc)).toEqual([
      {
        where: "GET /widgets/{id} › path parameter id › example",
        field: "/",
        message: "must NOT have fewer than 1 characters",
      },
    ]);
  });

  it("checks `examples` arrays inside component schemas, formats included", () => {
    const doc = loadFixture("valid.yaml");
    doc.components.schemas.Widget.properties.createdAt = {
      type: "string",
      format: "date-time",
      description: "When the widget was made.",
      examples: ["2024-03-06T02:35:13Z", "yesterday"],
    };
    const problems = validateExamples(doc);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      where: "schema Widget.properties.createdAt › examples[1]",
      message: 'must match format "date-time"',
    });
  });

  it("follows $ref'd component examples and reports an extra property by name", () => {
    const doc = loadFixture("valid.yaml");
    doc.components.schemas.Widget.additionalProperties = false;
    doc.components.examples = { runningWidget: { summary: "A widget", value: { id: "w-2", state: "running", colour: "red" } } };
    doc.paths["/widgets/{id}"].get.responses["200"].content["application/json"].examples.running = {
      $ref: "#/components/examples/runningWidget",
    };
    expect(validateExamples(doc)).toEqual([
      {
        where: "GET /widgets/{id} › 200 response › application/json › running",
        field: "/",
        message: "must NOT have additional properties (colour)",
      },
    ]);
  });
});

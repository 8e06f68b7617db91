// How spec-diff classifies each kind of change, one fixture per rule (Redocly's diff-recommended and the
// client rules in packages/tooling/src/spec-diff/client-rules.ts), and the changelog and changeset parts beside it.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";
import { readChangesetBumps } from "@managed-redis/tooling/spec-diff/changesets";
import { renderChangelogSection } from "@managed-redis/tooling/spec-diff/render";
import { diffSpecs } from "@managed-redis/tooling/spec-diff/report";

const fixture = (name: string) => path.join(repoRoot, "test/fixtures/spec-diff", name);
const diffBaseWith = (revision: string) =>
  diffSpecs({ label: "widgets", packageName: "@managed-redis/widgets", baseFile: fixture("base.json"), revisionFile: fixture(revision) });
const verdicts = (revision: string) =>
  diffBaseWith(revision).changes.map(({ impact, rule, source, message }) => ({ impact, rule, source, message }));

describe("spec-diff classification", () => {
  it("finds no change between a spec and itself", () => {
    const report = diffBaseWith("base.json");
    expect(report.changes).toEqual([]);
    expect(report.bump).toBe("none");
  });

  it("rates a value removed from a request enum breaking (Redocly enum-values-removed)", () => {
    expect(verdicts("request-enum-value-removed.json")).toEqual([
      { impact: "breaking", rule: "enum-values-removed", source: "redocly", message: "Enum of `colour` lost values: 'blue'." },
    ]);
  });

  it("rates a value removed from a response enum breaking, which Redocly rates patch (response-enum-values-removed)", () => {
    expect(verdicts("response-enum-value-removed.json")).toEqual([
      {
        impact: "breaking",
        rule: "response-enum-values-removed",
        source: "spec-diff",
        message: "Enum of `Widget.state` in responses lost values: 'paused'; typed code that compares against them no longer compiles.",
      },
    ]);
  });

  it("rates an optional request property removed breaking, which Redocly rates patch without additionalProperties: false (request-property-removed)", () => {
    expect(verdicts("request-property-removed.json")).toEqual([
      {
        impact: "breaking",
        rule: "request-property-removed",
        source: "spec-diff",
        message: "Property `note` of `CreateWidgetRequest` was removed from requests; code that sets it no longer compiles.",
      },
    ]);
  });

  it("rates a value added to a request-only enum non-breaking and names the new values (request-enum-values-added)", () => {
    expect(verdicts("request-enum-value-added.json")).toEqual([
      { impact: "non-breaking", rule: "request-enum-values-added", source: "spec-diff", message: "Enum of `Colour` in requests gained values: 'black'." },
    ]);
  });

  it("rates new optional properties non-breaking, with the operations that carry them", () => {
    const report = diffBaseWith("optional-field-added.json");
    expect(report.bump).toBe("minor");
    expect(report.revision.version).toBe("1.1.0");
    expect(report.changes.map(({ impact, bump, location, operations }) => ({ impact, bump, location, operations }))).toEqual([
      { impact: "non-breaking", bump: "minor", location: "Widget.label", operations: ["GET /widgets/{id}", "POST /widgets"] },
      { impact: "non-breaking", bump: "minor", location: "CreateWidgetRequest.label", operations: ["POST /widgets"] },
    ]);
  });
});

describe("the changelog section", () => {
  it("lists breaking and non-breaking changes with their operations and rules", () => {
    const section = renderChangelogSection(diffBaseWith("response-enum-value-removed.json"), "2.0.0");
    expect(section).toBe(
      [
        "## 2.0.0",
        "",
        "### Breaking changes",
        "",
        "- Enum of `Widget.state` in responses lost values: 'paused'; typed code that compares against them no longer compiles. (`GET /widgets/{id}`, `POST /widgets`; rule `response-enum-values-removed`)",
        "",
      ].join("\n"),
    );
  });

  it("says there is no change since the released version when nothing changed", () => {
    expect(renderChangelogSection(diffBaseWith("base.json"), "1.0.0")).toContain("No changes since 1.0.0.");
  });
});

describe("readChangesetBumps", () => {
  it("reads every package's bump from the frontmatter and skips the folder's README", () => {
    expect(Object.fromEntries(readChangesetBumps(fixture("changesets/minor")))).toEqual({
      "@managed-redis/widgets": [{ file: "remove-paused-state.md", bump: "minor" }],
      "@managed-redis/client-runtime": [{ file: "remove-paused-state.md", bump: "major" }],
    });
    expect([...readChangesetBumps(fixture("changesets/major")).keys()]).toEqual(["@managed-redis/widgets"]);
  });

  it("finds no bump when the folder does not exist", () => {
    expect(readChangesetBumps(fixture("changesets/none")).size).toBe(0);
  });
});

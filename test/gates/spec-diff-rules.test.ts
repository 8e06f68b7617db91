// How spec-diff classifies each kind of change, one fixture per rule (Redocly's diff-recommended and the
// client rules in packages/tooling/src/spec-diff/client-rules.ts), and the changelog and changeset parts beside it.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";
import { renderSpecChanges } from "@managed-redis/tooling/release/changelog";
import { readChangesetBumps, releaseNotesFor } from "@managed-redis/tooling/spec-diff/changesets";
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

// Redocly rates every changed constraint, reshuffled parameter list and changed type major; the corrections
// (packages/tooling/src/spec-diff/corrections.ts) say what each means to a client of the generated types.
describe("corrections of Redocly's verdicts", () => {
  const constrained = (revision: string) =>
    diffSpecs({ label: "gadgets", packageName: "@managed-redis/gadgets", baseFile: fixture("constrained/base.json"), revisionFile: fixture(`constrained/${revision}`) });
  const rows = (revision: string) => constrained(revision).changes.map(({ impact, rule, message }) => ({ impact, rule, message }));

  it("rates constraints removed or loosened non-breaking, on responses as on requests (constraint-relaxed)", () => {
    const report = constrained("constraints-relaxed.json");
    expect(report.summary.breaking).toBe(0);
    expect(report.bump).toBe("minor");
    expect(rows("constraints-relaxed.json").filter((row) => row.rule === "constraint-relaxed")).toEqual([
      { impact: "non-breaking", rule: "constraint-relaxed", message: "On `Gadget`, the refusal of unlisted properties (false) was removed: responses may carry more values than before; no generated type changes." },
      { impact: "non-breaking", rule: "constraint-relaxed", message: 'On `Gadget.id`, the format ("uuid") was removed: responses may carry more values than before; no generated type changes.' },
      { impact: "non-breaking", rule: "constraint-relaxed", message: "On `Gadget.name`, the maximum length went from 64 to 128: responses may carry more values than before; no generated type changes." },
    ]);
  });

  it("leaves a tightened request constraint breaking", () => {
    expect(rows("request-constraint-tightened.json")).toEqual([
      { impact: "breaking", rule: "schema-constraint-changed", message: "`maxLength` of `name` changed from '64' to '32'." },
    ]);
  });

  it("rates parameters moved from the path item to the operation, unchanged, as no change to callers (parameter-moved)", () => {
    const report = constrained("parameters-moved.json");
    expect(report.bump).toBe("patch");
    expect(rows("parameters-moved.json")).toEqual([
      {
        impact: "non-breaking",
        rule: "parameter-moved",
        message: "The `id` path parameter of `GET /gadgets/{id}` is now declared on the operation instead of its path item, which does not change how it is passed.",
      },
    ]);
  });

  it("leaves a moved parameter that got stricter on the way breaking, and says what got stricter", () => {
    expect(rows("parameter-moved-and-tightened.json").map((row) => [row.impact, row.rule, row.message])).toEqual([
      ["breaking", "schema-constraint-changed", "`maxLength` was set to '8'."],
      ["non-breaking", "parameter-moved", expect.stringContaining("is now declared on the operation")],
    ]);
  });

  it("rates a response enum that opens up breaking, once, saying why (response-enum-opened)", () => {
    const breaking = rows("response-enum-opened.json").filter((row) => row.impact === "breaking");
    expect(breaking).toEqual([
      {
        impact: "breaking",
        rule: "response-enum-opened",
        message:
          "The values of `Gadget.state` in responses are now an open list (known: 'on', 'off'): any string may come back, so its generated type widens from those values to `string`, and code that relies on only them (an exhaustive switch, a variable of their union type) no longer compiles.",
      },
    ]);
  });

  it("rates a plain string that lists its known values non-breaking (open-enum-listed)", () => {
    const report = constrained("known-values-listed.json");
    expect(report.summary.breaking).toBe(0);
    expect(rows("known-values-listed.json")[0]).toEqual({
      impact: "non-breaking",
      rule: "open-enum-listed",
      message: "`Gadget.label` now lists its known values ('red', 'blue'); it is still any string, and so is its generated type.",
    });
  });

  it("rates a response field that may become null breaking, saying why (response-became-nullable)", () => {
    expect(rows("response-became-nullable.json")).toEqual([
      {
        impact: "breaking",
        rule: "response-became-nullable",
        message: "`Gadget.count` may now be null in responses: its generated type gains `| null`, and code that uses it without a null check no longer compiles.",
      },
    ]);
  });
});

// Redocly pairs the items of a parameter list by content and likeness, not by identity; spec-diff pairs
// parameters by `in` and `name` (packages/tooling/src/spec-diff/parameters.ts), wherever they are declared.
describe("parameters, paired by `in` and `name`", () => {
  const sprockets = (revision: string) =>
    diffSpecs({ label: "sprockets", packageName: "@managed-redis/sprockets", baseFile: fixture("parameters/base.json"), revisionFile: fixture(`parameters/${revision}`) });
  const rows = (revision: string) => sprockets(revision).changes.map(({ impact, rule, location, operations, message }) => ({ impact, rule, location, operations, message }));
  const described = (location: string, before: string, after: string) => ({
    impact: "non-breaking",
    rule: null,
    location,
    operations: ["GET /sprockets"],
    message: `\`description\` of \`${location}\` changed from "${before}" to "${after}".`,
  });

  it("reports one optional parameter added while the others are reordered, rewritten and moved to the operations: nothing removed or renamed", () => {
    const report = sprockets("parameter-added-others-moved.json");
    expect(report.summary.breaking).toBe(0);
    expect(report.bump).toBe("minor");
    expect(rows("parameter-added-others-moved.json")).toEqual([
      {
        impact: "non-breaking",
        rule: "optional-parameter-added",
        location: "GET /sprockets › parameters[1]",
        operations: ["GET /sprockets"],
        message: "Optional `tag` query parameter of `GET /sprockets` was added.",
      },
      {
        impact: "non-breaking",
        rule: "parameter-moved",
        location: "DELETE /sprockets/{id} › parameters[0]",
        operations: ["DELETE /sprockets/{id}"],
        message: "The `id` path parameter of `DELETE /sprockets/{id}` is now declared on the operation instead of its path item, which does not change how it is passed.",
      },
      described("GET /sprockets › parameters[0]", "Only return sprockets with this label.", "Narrows the list to sprockets labelled exactly so."),
      described("GET /sprockets › parameters[3]", "Only return sprockets of this colour.", "Narrows the list to sprockets painted in this colour."),
      {
        impact: "non-breaking",
        rule: "parameter-moved",
        location: "GET /sprockets/{id} › parameters[0]",
        operations: ["GET /sprockets/{id}"],
        message: "The `id` path parameter of `GET /sprockets/{id}` is now declared on the operation instead of its path item, which does not change how it is passed.",
      },
    ]);
  });

  it("reports one parameter removed while the others are reordered and rewritten: one breaking removal, nothing renamed", () => {
    expect(rows("parameter-removed-others-reordered.json")).toEqual([
      {
        impact: "breaking",
        rule: "parameter-removed",
        location: "GET /sprockets › parameters[1]",
        operations: ["GET /sprockets"],
        message: "Optional `size` query parameter of `GET /sprockets` was removed.",
      },
      described("GET /sprockets › parameters[0]", "Only return sprockets with this label.", "Narrows the list to sprockets labelled exactly so."),
      described("GET /sprockets › parameters[1]", "Only return sprockets of this colour.", "Narrows the list to sprockets painted in this colour."),
    ]);
  });

  it("reports a change to a path item's parameter once, with every operation that takes it", () => {
    expect(rows("path-parameter-tightened.json")).toEqual([
      {
        impact: "breaking",
        rule: "schema-constraint-changed",
        location: "/sprockets/{id} › parameters[0] › schema",
        operations: ["DELETE /sprockets/{id}", "GET /sprockets/{id}"],
        message: "`maxLength` was set to '8'.",
      },
    ]);
  });
});

describe("the changelog section", () => {
  it("puts the pending changesets' release notes for the package first", () => {
    const notes = releaseNotesFor(fixture("changesets/major"), "@managed-redis/widgets");
    expect(notes).toEqual([{ file: "remove-paused-state.md", bump: "major", summary: "Widgets no longer report the `paused` state." }]);
    const section = renderChangelogSection(diffBaseWith("response-enum-value-removed.json"), "Unreleased", notes);
    expect(section.split("\n").slice(0, 8)).toEqual([
      "## Unreleased",
      "",
      "### Release notes",
      "",
      "Widgets no longer report the `paused` state.",
      "",
      "_(major release of `@managed-redis/widgets`; changeset `remove-paused-state.md`)_",
      "",
    ]);
    expect(section).toContain("### Breaking changes");
    expect(releaseNotesFor(fixture("changesets/major"), "@managed-redis/other")).toEqual([]);
  });

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

  it("sums up changes to documentation only in one line per kind, and keeps each of them in the report", () => {
    const report = diffBaseWith("documentation-rewritten.json");
    // The machine report lists every change, the rewritten text included.
    expect(report.changes.map(({ node, property, propertyChange, location }) => [node, property ?? null, propertyChange ?? null, location])).toEqual([
      ["SpecExtension", null, null, "info › x-decision"],
      ["Schema", null, null, "CreateWidgetRequest.label"],
      ["Operation", "summary", "changed", "GET /widgets/{id}"],
      ["Schema", "description", "changed", "Widget.id"],
      ["Schema", "description", "changed", "Widget.name"],
      ["Schema", "description", "removed", "Colour"],
      ["Schema", "description", "changed", "CreateWidgetRequest.name"],
      ["Schema", "x-decision", "added", "CreateWidgetRequest.note"],
      ["Operation", "x-decision", "added", "POST /widgets"],
    ]);
    expect(renderChangelogSection(report, "1.1.0")).toBe(
      [
        "## 1.1.0",
        "",
        "### Non-breaking changes",
        "",
        "- Property `label` of `CreateWidgetRequest` was added. (`POST /widgets`)",
        "- Documentation: descriptions were rewritten on 3 schemas; removed from 1 schema.",
        "- Documentation: summaries were rewritten on 1 operation.",
        '- Documentation: transcription notes (`x-decision`, listed under "Notes on this transcription" on the docs site, not in the clients\' TSDoc) were added to 1 operation, 1 schema and the API\'s info.',
        "",
      ].join("\n"),
    );
  });

  it("keeps a documentation line for the published changelogs too, and every other change on its own line", () => {
    const report = diffBaseWith("documentation-rewritten.json");
    const block = renderSpecChanges({ specPackage: "@managed-redis/spec-widgets", clientPackage: "@managed-redis/widgets", from: "1.0.0", to: "1.1.0", report }, "client")!;
    expect(block.split("\n").filter((line) => line.startsWith("- "))).toEqual([
      "- Property `label` of `CreateWidgetRequest` was added. (`POST /widgets`)",
      expect.stringMatching(/^- Documentation: descriptions /),
      expect.stringMatching(/^- Documentation: summaries /),
      expect.stringMatching(/^- Documentation: transcription notes /),
    ]);
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

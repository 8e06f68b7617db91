// What release:version writes: info.version in the hand-written spec, and the API description's changes in
// the changelogs that changesets wrote.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";
import { appendToVersionSection, hasVersionSection, renderSpecChanges } from "@managed-redis/tooling/release/changelog";
import { readInfoVersion, setInfoVersion } from "@managed-redis/tooling/release/info-version";
import type { SpecChange, SpecDiffReport } from "@managed-redis/tooling/spec-diff/report";

describe("info.version of a hand-written spec", () => {
  const source = [
    "openapi: 3.1.0",
    "info:",
    "  title: Widgets # the name users see",
    '  version: "0.1.0" # written by release:version',
    "  description: >-",
    "    version: 0.1.0 is not this line's business.",
    "paths: {}",
    "",
  ].join("\n");

  it("changes the value and nothing else", () => {
    const updated = setInfoVersion(source, "0.2.0");
    expect(readInfoVersion(updated)).toBe("0.2.0");
    expect(updated).toBe(source.replace('version: "0.1.0"', "version: 0.2.0"));
  });

  it("works on the repository's specs", () => {
    const text = readFileSync(path.join(repoRoot, "specs/kakaocloud-redis/openapi.yaml"), "utf8");
    const updated = setInfoVersion(text, "3.4.5");
    expect(readInfoVersion(updated)).toBe("3.4.5");
    expect(updated.split("\n").filter((line, index) => line !== text.split("\n")[index])).toEqual(["  version: 3.4.5"]);
  });

  it("refuses a document without info.version, and a version that is not semver", () => {
    expect(() => setInfoVersion("openapi: 3.1.0\ninfo:\n  title: x\n", "1.0.0", "spec.yaml")).toThrow("spec.yaml: `info.version` is missing or not a string");
    expect(() => setInfoVersion(source, "next", "spec.yaml")).toThrow('spec.yaml: "next" is not a semantic version');
  });
});

describe("a version's section of a changelog", () => {
  const changelog = ["# @managed-redis/widgets", "", "## 0.3.0", "", "### Minor Changes", "", "- abc1234: Widgets can be blue.", "", "## 0.2.0", "", "- Older.", ""].join("\n");

  it("gets the block at its end, before the next version", () => {
    expect(appendToVersionSection(changelog, "0.3.0", "### API description changes\n\n- Added.")).toBe(
      ["# @managed-redis/widgets", "", "## 0.3.0", "", "### Minor Changes", "", "- abc1234: Widgets can be blue.", "", "### API description changes", "", "- Added.", "", "## 0.2.0", "", "- Older.", ""].join("\n"),
    );
    expect(appendToVersionSection(changelog, "0.2.0", "- More.")).toBe(`${changelog.trimEnd()}\n\n- More.\n`);
  });

  it("must exist: no section, no silent append elsewhere", () => {
    expect(() => appendToVersionSection(changelog, "0.3", "x")).toThrow('the changelog has no "## 0.3" section');
    expect(hasVersionSection(changelog, "0.3.0")).toBe(true);
    expect(hasVersionSection(changelog, "0.3")).toBe(false);
    expect(hasVersionSection("## 0.3.0-beta.1\n", "0.3.0")).toBe(false);
  });
});

describe("the API description's changes in a release's changelogs", () => {
  const change = (impact: SpecChange["impact"], message: string): SpecChange => ({
    impact,
    bump: impact === "breaking" ? "major" : "minor",
    rule: impact === "breaking" ? "no-removed-enum-value" : null,
    source: "spec-diff",
    message,
    kind: "added",
    node: "Schema",
    location: "Widget.colour",
    operations: ["GET /widgets"],
    pointer: "#/components/schemas/Widget/properties/colour",
  });
  const report = (changes: SpecChange[]): SpecDiffReport => ({
    api: "widgets",
    package: "@managed-redis/widgets",
    base: { file: "baseline/openapi.json", version: "0.2.0" },
    revision: { file: "dist/openapi.json", version: "0.2.0" },
    bump: changes.length ? "major" : "none",
    summary: { breaking: changes.filter((c) => c.impact === "breaking").length, nonBreaking: changes.filter((c) => c.impact === "non-breaking").length },
    changes,
  });
  const block = (changes: SpecChange[]) => ({ specPackage: "@managed-redis/spec-widgets", clientPackage: "@managed-redis/widgets", from: "0.2.0", to: "1.0.0", report: report(changes) });

  it("lists breaking and non-breaking changes, for the spec and the client alike", () => {
    const changes = [change("breaking", "Value `red` of `Widget.colour` was removed."), change("non-breaking", "Property `size` of `Widget` was added.")];
    const text = renderSpecChanges(block(changes), "client");
    expect(text).toBe(
      [
        "### API description changes",
        "",
        "`@managed-redis/spec-widgets` 0.2.0 → 1.0.0, as the breaking-change gate (`npm run spec:diff`) reports it:",
        "",
        "#### Breaking",
        "",
        "- Value `red` of `Widget.colour` was removed. (`GET /widgets`; rule `no-removed-enum-value`)",
        "",
        "#### Non-breaking",
        "",
        "- Property `size` of `Widget` was added. (`GET /widgets`)",
      ].join("\n"),
    );
    expect(renderSpecChanges(block(changes), "spec")).toBe(text);
  });

  it("says so in the spec's changelog when the description did not change, and adds nothing to the client's", () => {
    expect(renderSpecChanges(block([]), "client")).toBeNull();
    expect(renderSpecChanges(block([]), "spec")).toContain("None since 0.2.0: this version follows `@managed-redis/widgets` 1.0.0");
  });
});

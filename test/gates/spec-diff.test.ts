// The breaking-change gate must be able to fail: a removed enum value trips it until a changeset asks for a
// major bump of the package, a minor bump (or another package's major) does not do, and a non-breaking
// change passes alone. The real specs pass against their released baselines.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiNames, repoRoot } from "@managed-redis/tooling/apis";
import { readChangesets } from "@managed-redis/tooling/spec-diff/changesets";
import type { SpecDiffReport } from "@managed-redis/tooling/spec-diff/report";

const tsxCli = path.join(repoRoot, "node_modules/tsx/dist/cli.mjs");
const fixture = (name: string) => path.join(repoRoot, "test/fixtures/spec-diff", name);
const widgets = "@managed-redis/widgets";

/** One of the spec-diff commands (scripts/check-breaking-changes.ts, render-changelog.ts, …). */
function specDiff(command: string, args: string[]) {
  const result = spawnSync(process.execPath, [tsxCli, path.join(repoRoot, "scripts", `${command}.ts`), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
}

const checkFixture = (revision: string, changesets: string, ...extra: string[]) =>
  specDiff("check-breaking-changes", [
    "--base", fixture("base.json"),
    "--revision", fixture(revision),
    "--package", widgets,
    "--changeset-dir", fixture(`changesets/${changesets}`),
    ...extra,
  ]);

describe("the breaking-change gate (check-breaking-changes)", () => {
  it("fails a removed response enum value without a changeset, naming the API, the enum, the rule and the fix", () => {
    const { status, output } = checkFixture("response-enum-value-removed.json", "none");
    expect(status).toBe(1);
    expect(output).toContain(`✗ ${widgets}: 1 breaking change(s) and no changeset asks for a major bump of ${widgets}`);
    expect(output).toContain("[response-enum-values-removed] Enum of `Widget.state` in responses lost values: 'paused'");
    expect(output).toContain("GET /widgets/{id}");
    expect(output).toContain("npx changeset");
  });

  it("fails a removed request enum value (Redocly's enum-values-removed) without a changeset", () => {
    const { status, output } = checkFixture("request-enum-value-removed.json", "none");
    expect(status).toBe(1);
    expect(output).toContain("[enum-values-removed] Enum of `colour` lost values: 'blue'");
  });

  it("passes the same change once a changeset asks for a major bump of the package", () => {
    const { status, output } = checkFixture("response-enum-value-removed.json", "major");
    expect(output).toContain(`✓ ${widgets}: 1 breaking change(s), released as a major bump of ${widgets} (remove-paused-state.md)`);
    expect(status).toBe(0);
  });

  it("is not satisfied by a minor bump of the package, and says what the changesets ask for", () => {
    const { status, output } = checkFixture("response-enum-value-removed.json", "minor");
    expect(status).toBe(1);
    expect(output).toContain("pending changesets ask only for: minor in remove-paused-state.md");
  });

  it("passes it when the major bump names the spec package, which shares its client's version (RELEASING.md)", () => {
    const { status, output } = checkFixture("response-enum-value-removed.json", "major-spec-package");
    expect(output).toContain(`✓ ${widgets}: 1 breaking change(s), released as a major bump of ${widgets} (remove-paused-state.md)`);
    expect(status).toBe(0);
  });

  it("is not satisfied by a major bump of another package", () => {
    const { status } = checkFixture("response-enum-value-removed.json", "major-other-package");
    expect(status).toBe(1);
  });

  it("passes a new optional field without any changeset, listing it as non-breaking", () => {
    const { status, output } = checkFixture("optional-field-added.json", "none");
    expect(output).toMatch(/Schema added\s+non-breaking \(minor\)\s+—\s+Property `label` of `CreateWidgetRequest` was added\./);
    expect(output).toContain(`✓ ${widgets}: no breaking change`);
    expect(status).toBe(0);
  });

  it("prints the report as JSON with --json", () => {
    const { status, stdout } = checkFixture("response-enum-value-removed.json", "none", "--json");
    expect(status).toBe(1);
    const { reports } = JSON.parse(stdout) as { reports: SpecDiffReport[] };
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      api: widgets,
      package: widgets,
      base: { version: "1.0.0" },
      revision: { version: "1.0.0" },
      bump: "major",
      summary: { breaking: 1, nonBreaking: 0 },
      changes: [
        {
          impact: "breaking",
          bump: "major",
          rule: "response-enum-values-removed",
          source: "spec-diff",
          kind: "modified",
          node: "Schema",
          property: "enum",
          location: "Widget.state",
          operations: ["GET /widgets/{id}", "POST /widgets"],
          pointer: "#/components/schemas/Widget/properties/state",
        },
      ],
    });
  });

  it("passes every real spec against its released baseline (a breaking change only with a major changeset) and renders its changelog with the release notes", () => {
    // Written to a scratch folder: specs/<api>/dist/ belongs to the spec:diff task.
    const outDir = mkdtempSync(path.join(os.tmpdir(), "spec-diff-test-"));
    try {
      const { status, output } = specDiff("check-breaking-changes", ["--out-dir", outDir]);
      expect(status, output).toBe(0);
      const rendered = specDiff("render-changelog", ["--out-dir", outDir]);
      expect(rendered.status, rendered.output).toBe(0);
      const changesets = readChangesets(path.join(repoRoot, ".changeset"));
      for (const api of apiNames) {
        const report = JSON.parse(readFileSync(path.join(outDir, `${api}.spec-diff.json`), "utf8")) as SpecDiffReport;
        const majors = changesets.filter((changeset) => changeset.bumps.get(`@managed-redis/${api}`) === "major");
        if (report.summary.breaking === 0) expect(output).toContain(`✓ ${api}: no breaking change`);
        else expect(majors.length, `${api}: ${report.summary.breaking} breaking change(s) need a major changeset`).toBeGreaterThan(0);
        const changelog = readFileSync(path.join(outDir, `${api}.changelog.md`), "utf8");
        expect(changelog).toContain(`# ${api} API changelog`);
        for (const changeset of changesets.filter((candidate) => candidate.bumps.has(`@managed-redis/${api}`))) {
          expect(changelog).toContain(changeset.summary.split("\n")[0]);
        }
        if (report.changes.length === 0) expect(changelog).toContain(`No changes since ${report.base.version}.`);
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

// Runs `redocly diff` between two OpenAPI documents and returns its JSON report (Redocly 2.77, reportVersion 1).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runRedocly } from "../redocly.ts";

export const diffConfig = path.join(path.dirname(fileURLToPath(import.meta.url)), "redocly-diff.yaml");

export type Bump = "major" | "minor" | "patch";

export interface RedoclyLocation {
  pointer: string;
  value?: unknown;
}

export interface RedoclyVerdict {
  ruleId: string;
  impact: Bump;
  message: string;
}

/** One changed node. Redocly lists every change; only those a rule judged carry verdicts. */
export interface RedoclyChange {
  /** Where the diff walk met the node: a path from `#/paths/...`, or from `#/components/...`. */
  path: string;
  typeName: string;
  kind: "added" | "removed" | "modified";
  impact: Bump;
  verdicts: RedoclyVerdict[];
  /** Set for `modified`: the key whose value changed. */
  property?: string;
  base?: RedoclyLocation;
  revision?: RedoclyLocation;
}

export interface RedoclyDiffReport {
  reportVersion: string;
  infoVersions: { base?: string; revision?: string };
  summary: Record<Bump, number>;
  /** Absent when nothing changed. */
  bump?: Bump;
  changes: RedoclyChange[];
}

/**
 * `redocly diff` of two documents (the bundles as spec-diff prepares them, see parameters.ts); `labels` name
 * them in an error.
 */
export function runRedoclyDiff(base: unknown, revision: unknown, labels: { base: string; revision: string }): RedoclyDiffReport {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "spec-diff-"));
  try {
    const baseFile = path.join(scratch, "base.json");
    const revisionFile = path.join(scratch, "revision.json");
    writeFileSync(baseFile, JSON.stringify(base));
    writeFileSync(revisionFile, JSON.stringify(revision));
    const output = path.join(scratch, "diff.json");
    // `--fail-on none`: the verdict is ours to draw (the gate also reads changesets); any non-zero exit
    // is then a real failure, such as a file that does not parse.
    const result = runRedocly(["diff", baseFile, revisionFile, "--format", "json", "--fail-on", "none", "--output", output], { config: diffConfig });
    if (result.status !== 0) {
      throw new Error(`redocly diff ${labels.base} ${labels.revision} failed:\n${result.stderr || result.stdout}`);
    }
    const report = JSON.parse(readFileSync(output, "utf8")) as RedoclyDiffReport;
    if (report.reportVersion !== "1") {
      throw new Error(`redocly diff wrote report version ${report.reportVersion}; spec-diff reads version 1`);
    }
    return report;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

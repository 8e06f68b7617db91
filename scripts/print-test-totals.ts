// Adds up the JSON reports that every vitest project writes to <project>/.reports/vitest.json and prints
// one plain line, `N passed, N failed`, the line CI reads. A suite that crashed before reporting, or an
// `npm test` that failed in a gate that is not a vitest test (lint, drift, package checks), counts as one
// failure, so the line can never read green over a red run.
// Usage: print-test-totals [exit code of npm test]
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@managed-redis/tooling/apis";

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  success: boolean;
}

function findReports(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".git" || entry.name === ".turbo") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === ".reports") {
        const report = path.join(full, "vitest.json");
        if (statSync(report, { throwIfNoEntry: false })?.isFile()) found.push(report);
      } else {
        findReports(full, found);
      }
    }
  }
  return found;
}

const npmTestExitCode = Number(process.argv[2] ?? "0");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const reportPath of findReports(repoRoot)) {
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as VitestJsonReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load has no failed test but an unsuccessful run.
  if (!report.success && report.numFailedTests === 0) failed += 1;
}
if (npmTestExitCode !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);

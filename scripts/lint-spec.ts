// The lint gate for one spec: Redocly (recommended-strict + the house rules in redocly.yaml), then every
// example against its schema in the spec's strict variant (closed objects: an example is this project's own
// data, so a field its schema does not list is a typo or drift). Exits 1 on any problem.
// Usage: lint-spec <api name | path/to/openapi.yaml>
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isApiName } from "@managed-redis/tooling/apis";
import { countExamples, validateExamples } from "@managed-redis/tooling/example-validator";
import { runRedocly } from "@managed-redis/tooling/redocly";
import { strictVariant } from "@managed-redis/tooling/strict-variant";

const target = process.argv[2];
if (!target) {
  console.error("usage: lint-spec <api name | path/to/openapi.yaml>");
  process.exit(2);
}
const label = isApiName(target) ? target : path.relative(process.cwd(), path.resolve(target));
const redoclyTarget = isApiName(target) ? target : path.resolve(target);

let failed = false;

const lint = runRedocly(["lint", redoclyTarget, "--format", "stylish"]);
const lintOutput = [lint.stdout, lint.stderr].filter(Boolean).join("\n");
// recommended-strict makes every rule an error; a warning would still be a problem here, so the gate
// also fails on any "warning" Redocly reports.
if (lint.status !== 0 || /\bwarnings?\b/.test(lintOutput.replace(/0 warnings?/g, ""))) {
  failed = true;
  console.error(lintOutput);
  console.error(`✗ ${label}: redocly lint failed`);
} else {
  console.log(`✓ ${label}: redocly lint, 0 errors, 0 warnings`);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "lint-spec-"));
try {
  const bundledPath = path.join(scratch, "openapi.json");
  const bundle = runRedocly(["bundle", redoclyTarget, "--output", bundledPath]);
  if (bundle.status !== 0) {
    failed = true;
    console.error(bundle.stderr || bundle.stdout);
    console.error(`✗ ${label}: could not bundle the spec to validate its examples`);
  } else {
    const doc = strictVariant(JSON.parse(readFileSync(bundledPath, "utf8")));
    const problems = validateExamples(doc);
    const checked = countExamples(doc);
    if (problems.length > 0) {
      failed = true;
      for (const problem of problems) {
        console.error(`✗ ${label}: example ${problem.where}: field ${problem.field} ${problem.message}`);
      }
      console.error(`✗ ${label}: ${problems.length} example problem(s) in ${checked} examples`);
    } else if (checked === 0) {
      failed = true;
      console.error(`✗ ${label}: no examples found; every operation needs at least one`);
    } else {
      console.log(`✓ ${label}: ${checked} examples valid against their schemas (JSON Schema 2020-12, strict variant)`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

process.exit(failed ? 1 : 0);

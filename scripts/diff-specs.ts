// Compares bundles and reports what changed, breaking or not, as a table per API (or JSON); writes each
// API's report to specs/<api>/dist/spec-diff.json.
//
//   diff-specs [api]                       each API's working bundle against its released baseline
//   diff-specs --json                      the reports as JSON on stdout instead of tables
//   diff-specs --base a.json --revision b.json [--package name] [--out report.json]   any two bundles
//   --out-dir <dir>                        write <dir>/<api>.spec-diff.json instead of dist/
import { diffTargets, parseSpecDiffArgs, selectTargets } from "@managed-redis/tooling/spec-diff/command";

const usage = "usage: diff-specs [api] [--json] [--out-dir dir]\n       diff-specs --base <file> --revision <file> [--package name] [--out file] [--json]";
const { values: args, positionals } = parseSpecDiffArgs(usage);
diffTargets(selectTargets(args, positionals, usage), args, { changelog: false });

// The breaking-change gate (`npm run spec:diff`): diffs each API's working bundle against its released
// baseline as diff-specs does, then exits 1 when a breaking change has no changeset asking for a major
// bump of its package.
//
//   check-breaking-changes [api] [--json] [--out-dir dir]
//   check-breaking-changes --base a.json --revision b.json --package name   any two bundles
//   --changeset-dir <dir>                  where changesets are read (default .changeset)
import { checkChangesets, diffTargets, parseSpecDiffArgs, selectTargets } from "@managed-redis/tooling/spec-diff/command";

const usage = "usage: check-breaking-changes [api] [--json] [--changeset-dir dir] [--out-dir dir]\n       check-breaking-changes --base <file> --revision <file> [--package name] [--out file] [--json]";
const { values: args, positionals } = parseSpecDiffArgs(usage);
const reports = diffTargets(selectTargets(args, positionals, usage), args, { changelog: false });
process.exit(checkChangesets(reports, args["changeset-dir"]) ? 0 : 1);

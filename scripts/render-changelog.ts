// `npm run changelog`: each API's changelog as the docs site shows it, specs/<api>/dist/changelog.md (the
// released history in specs/<api>/CHANGELOG.md under the changes not yet released), with the report.
//
//   render-changelog [api] [--out-dir dir]   write <dir>/<api>.changelog.md (and .spec-diff.json) instead of dist/
import { diffTargets, parseSpecDiffArgs, selectTargets } from "@managed-redis/tooling/spec-diff/command";

const usage = "usage: render-changelog [api] [--json] [--out-dir dir]";
const { values: args, positionals } = parseSpecDiffArgs(usage);
diffTargets(selectTargets(args, positionals, usage, { apisOnly: "render-changelog" }), args, { changelog: true });

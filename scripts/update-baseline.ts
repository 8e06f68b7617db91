// `npm run spec:baseline`, the release flow: records each API's changes since its released baseline in
// specs/<api>/CHANGELOG.md, then makes the current bundle the new baseline.
//
//   update-baseline [api]
import { parseSpecDiffArgs, selectTargets, updateBaselines } from "@managed-redis/tooling/spec-diff/command";

const usage = "usage: update-baseline [api]";
const { values: args, positionals } = parseSpecDiffArgs(usage);
updateBaselines(selectTargets(args, positionals, usage, { apisOnly: "update-baseline" }));

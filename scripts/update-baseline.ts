// `npm run spec:baseline`, the release flow: records each API's changes since its released baseline in
// specs/<api>/CHANGELOG.md (unless it has a section for the new version, as release:version writes), then
// makes the current bundle the new baseline.
//
//   update-baseline [api] [--changeset-dir dir]
import { parseSpecDiffArgs, selectTargets, updateBaselines } from "@managed-redis/tooling/spec-diff/command";

const usage = "usage: update-baseline [api] [--changeset-dir dir]";
const { values: args, positionals } = parseSpecDiffArgs(usage);
updateBaselines(selectTargets(args, positionals, usage, { apisOnly: "update-baseline" }), args);

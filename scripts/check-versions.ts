// `npm run check:versions` (part of `npm test`): the versioning policy of RELEASING.md. Exits 1 and names
// the file and the reason for each violation.
//
// usage: tsx scripts/check-versions.ts [--root <dir>]
import path from "node:path";
import { parseArgs } from "node:util";
import { apiNames, repoRoot } from "@managed-redis/tooling/apis";
import { checkVersioningPolicy, clientPackageName, readReleaseState, specPackageOf } from "@managed-redis/tooling/release/versioning-policy";

const { values } = parseArgs({ options: { root: { type: "string" } }, strict: true });
const root = path.resolve(values.root ?? repoRoot);
const state = readReleaseState(root);
const violations = checkVersioningPolicy(state);
if (violations.length > 0) {
  console.error(`✗ versioning policy (RELEASING.md): ${violations.length} problem${violations.length === 1 ? "" : "s"}`);
  for (const violation of violations) console.error(`  - ${violation.file}: ${violation.message} [${violation.rule}]`);
  process.exit(1);
}
for (const api of apiNames) {
  const version = state.workspaces.find((workspace) => workspace.manifest.name === specPackageOf(api))?.manifest.version;
  console.log(`✓ ${api}: info.version = ${specPackageOf(api)} = ${clientPackageName(api)} = ${version}`);
}
console.log(`✓ every public package has a CHANGELOG.md section for its version`);

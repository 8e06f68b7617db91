// `npm run release:version`: what the release workflow runs to open the version PR (and what the release
// rehearsal runs in its copy). The npm script bundles the specs first. In order:
//   1. `changeset version`: pending changesets become versions and CHANGELOG.md entries (a spec and its
//      client move together: they are a `fixed` group);
//   2. for each API whose spec got a new version: its `info.version` becomes that version, and the
//      breaking-change gate's report (released baseline → this bundle) goes into the new entry of the
//      spec's CHANGELOG.md and, when the description changed, of the client's;
//   3. the specs are bundled again and become the new baselines (`update-baseline`);
//   4. package-lock.json follows the new versions (`npm install --package-lock-only`), so `npm ci` works;
//   5. the versioning check runs on the result.
//
// usage: tsx scripts/release-version.ts
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { apiNames, bundledSpec, repoRoot, type ApiName } from "@managed-redis/tooling/apis";
import { appendToVersionSection, renderSpecChanges } from "@managed-redis/tooling/release/changelog";
import { setInfoVersion } from "@managed-redis/tooling/release/info-version";
import { checkVersioningPolicy, clientPackageName, readReleaseState, specPackageOf } from "@managed-redis/tooling/release/versioning-policy";
import { diffSpecs } from "@managed-redis/tooling/spec-diff/report";
import { listWorkspaces } from "@managed-redis/tooling/workspaces";

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" };
const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: repoRoot, env, stdio: "inherit" });
const versions = () => new Map(listWorkspaces(repoRoot).map(({ dir, manifest }) => [manifest.name, { dir, version: manifest.version ?? "" }]));

const changesetDir = path.join(repoRoot, ".changeset");
const pending = existsSync(changesetDir) ? readdirSync(changesetDir).filter((file) => file.endsWith(".md") && file.toLowerCase() !== "readme.md") : [];
if (pending.length === 0) {
  console.log("release:version: no pending changesets, nothing to version.");
  process.exit(0);
}
for (const api of apiNames) {
  if (!existsSync(bundledSpec(api, "json"))) {
    console.error(`✗ release:version: ${path.relative(repoRoot, bundledSpec(api, "json"))} is missing; bundle first (npm run release:version does)`);
    process.exit(1);
  }
}

const before = versions();
console.log(`release:version: ${pending.length} pending changeset${pending.length === 1 ? "" : "s"}: ${pending.join(", ")}`);
run(bin("changeset"), ["version"]);
const after = versions();

const versionedApis: ApiName[] = [];
for (const api of apiNames) {
  const spec = after.get(specPackageOf(api));
  const client = after.get(clientPackageName(api));
  const from = before.get(specPackageOf(api))?.version;
  if (!spec || !client || !from || spec.version === from) continue;
  versionedApis.push(api);
  const report = diffSpecs({
    label: api,
    packageName: clientPackageName(api),
    baseFile: path.join(repoRoot, "specs", api, "baseline", "openapi.json"),
    revisionFile: bundledSpec(api, "json"),
  });
  const block = { specPackage: specPackageOf(api), clientPackage: clientPackageName(api), from, to: spec.version, report };

  const specYaml = path.join(repoRoot, "specs", api, "openapi.yaml");
  writeFileSync(specYaml, setInfoVersion(readFileSync(specYaml, "utf8"), spec.version, `specs/${api}/openapi.yaml`));
  for (const [workspace, audience] of [[spec, "spec"], [client, "client"]] as const) {
    const text = renderSpecChanges(block, audience);
    if (text === null) continue;
    const changelog = path.join(repoRoot, workspace.dir, "CHANGELOG.md");
    writeFileSync(changelog, appendToVersionSection(readFileSync(changelog, "utf8"), workspace.version, text));
  }
  console.log(`release:version: ${api}: info.version ${from} → ${spec.version}; ${report.summary.breaking} breaking, ${report.summary.nonBreaking} non-breaking description change(s) in the changelogs`);
}

if (versionedApis.length > 0) {
  run(bin("turbo"), ["run", "bundle", ...versionedApis.map((api) => `--filter=${specPackageOf(api)}`), "--output-logs=errors-only"]);
  run(bin("tsx"), [path.join(repoRoot, "scripts", "update-baseline.ts"), ...versionedApis]);
}
run("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"]);

console.log("\nrelease:version: new versions");
for (const [name, { version }] of after) {
  const old = before.get(name)?.version;
  if (old !== version) console.log(`  ${name}: ${old} → ${version}`);
}
const violations = checkVersioningPolicy(readReleaseState(repoRoot));
if (violations.length > 0) {
  console.error("✗ release:version: the result breaks the versioning policy (RELEASING.md):");
  for (const violation of violations) console.error(`  - ${violation.file}: ${violation.message}`);
  process.exit(1);
}

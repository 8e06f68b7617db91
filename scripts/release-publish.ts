// `npm run release:publish`: what the release workflow runs once the version PR is merged (and what the
// release rehearsal runs against its local registry). In order:
//   1. the guard: refuses, before building anything, when a manifest names a registry, when the
//      versioning policy is broken, or, in a rehearsal (MANAGED_REDIS_REHEARSAL_REGISTRY set), when any
//      package would go anywhere but that registry on this machine, by changesets' rule or by npm's own
//      configuration. Outside a rehearsal it runs in GitHub Actions only, unless --allow-local;
//   2. in GitHub Actions, writes repository/homepage/bugs from the building repository (see
//      lib/release/repository-metadata.ts) into the public manifests, uncommitted;
//   3. builds the public packages (turbo: spec bundles and package builds);
//   4. `changeset publish`: every public package whose version the registry does not have, then a git tag
//      per package (changesets/action reads the "New tag:" lines to push tags and write GitHub releases).
//
// usage: tsx scripts/release-publish.ts [--allow-local]
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "@managed-redis/tooling/apis";
import {
  changesetsPublishRegistry,
  publishGuardProblems,
  REHEARSAL_REGISTRY_VARIABLE,
  type PublishTarget,
} from "@managed-redis/tooling/release/publish-registry";
import { repositoryMetadata, withRepositoryMetadata } from "@managed-redis/tooling/release/repository-metadata";
import { checkVersioningPolicy, readReleaseState } from "@managed-redis/tooling/release/versioning-policy";
import { isPublishable, listWorkspaces } from "@managed-redis/tooling/workspaces";

const { values: options } = parseArgs({ options: { "allow-local": { type: "boolean", default: false } }, strict: true });
const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" };

function refuse(lines: string[]): never {
  console.error(`✗ release:publish refuses to publish:`);
  for (const line of lines) console.error(`  - ${line}`);
  process.exit(1);
}

/** npm's effective value of a setting here (every .npmrc, the environment), or undefined when unset. */
function npmConfig(key: string): string | undefined {
  const value = execFileSync("npm", ["config", "get", key], { cwd: repoRoot, env, encoding: "utf8" }).trim();
  return value === "" || value === "undefined" || value === "null" ? undefined : value;
}

const rehearsalRegistry = process.env[REHEARSAL_REGISTRY_VARIABLE];
const inGitHubActions = process.env.GITHUB_ACTIONS === "true";
if (rehearsalRegistry === undefined && !inGitHubActions && !options["allow-local"]) {
  refuse([
    "it publishes to the public registry from the release workflow (.github/workflows/release.yml) only",
    "to see what users would receive, rehearse the release against a local registry: npm run release:rehearse",
    "to publish from this machine all the same, pass --allow-local (npm run release:publish -- --allow-local)",
  ]);
}

const publicWorkspaces = listWorkspaces(repoRoot).filter(isPublishable);
const scopes = [...new Set(publicWorkspaces.map(({ manifest }) => (manifest.name.startsWith("@") ? manifest.name.split("/")[0]! : "")))];
const npmRegistryOf = new Map(scopes.map((scope) => [scope, (scope && npmConfig(`${scope}:registry`)) || npmConfig("registry")]));
const targets: PublishTarget[] = publicWorkspaces.map(({ manifest }) => ({
  name: manifest.name,
  changesets: changesetsPublishRegistry(manifest, process.env),
  npm: npmRegistryOf.get(manifest.name.startsWith("@") ? manifest.name.split("/")[0]! : ""),
}));
const problems = [
  ...publishGuardProblems(
    publicWorkspaces.map(({ manifest }) => manifest),
    targets,
    rehearsalRegistry,
  ),
  ...checkVersioningPolicy(readReleaseState(repoRoot)).map((violation) => `${violation.file}: ${violation.message}`),
];
if (problems.length > 0) refuse(problems);

const destinations = [...new Set(targets.map((target) => target.changesets))];
console.log(`release:publish: ${publicWorkspaces.length} public packages, to ${destinations.join(", ")}${rehearsalRegistry ? " (rehearsal)" : ""}`);

if (inGitHubActions && rehearsalRegistry === undefined && process.env.GITHUB_REPOSITORY) {
  for (const { dir, manifest } of publicWorkspaces) {
    const metadata = repositoryMetadata(process.env.GITHUB_SERVER_URL ?? "https://github.com", process.env.GITHUB_REPOSITORY, dir);
    writeFileSync(path.join(repoRoot, dir, "package.json"), `${JSON.stringify(withRepositoryMetadata(manifest, metadata), null, 2)}\n`);
  }
  console.log(`release:publish: repository, homepage and bugs point at ${process.env.GITHUB_REPOSITORY} in the published manifests`);
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const filters = publicWorkspaces.map(({ manifest }) => `--filter=${manifest.name}`);
const buildStarted = Date.now();
execFileSync(bin("turbo"), ["run", "bundle", "build", ...filters, "--output-logs=errors-only"], { cwd: repoRoot, env, stdio: "inherit" });
console.log(`release:publish: built in ${seconds(buildStarted)}`);

const publishStarted = Date.now();
const publish = spawnSync(bin("changeset"), ["publish"], { cwd: repoRoot, env, stdio: "inherit" });
console.log(`release:publish: changeset publish ${publish.status === 0 ? "done" : "failed"} in ${seconds(publishStarted)}`);
process.exit(publish.status ?? 1);

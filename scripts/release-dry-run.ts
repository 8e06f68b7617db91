// `npm run release:dry`: what a release would publish, without publishing and without touching the
// working tree. It copies the workspaces and .changeset into a temporary directory, runs
// `changeset version` there (or, with no pending changesets, keeps the current versions), then
// `npm pack`s every publishable workspace into a temporary directory and lists name@version, tarball
// size and file count. Nothing here calls `npm publish`.
//
// usage: tsx scripts/release-dry-run.ts [--keep] [--sample-changeset]
//   --keep              keep the temporary copy (the tarballs are always kept, their directory is printed)
//   --sample-changeset  add a patch changeset for every publishable package in the copy, to exercise the
//                       versioning path when the repository has none pending
//
// The root script builds first (`turbo run build`): the tarballs carry each package's dist/.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "@managed-redis/tooling/apis";
import { isPublishable, listWorkspaces, readManifest, type Workspace } from "@managed-redis/tooling/workspaces";

// Never copied: installed modules (linked instead), caches and test output.
const SKIPPED_DIRS = new Set(["node_modules", ".turbo", ".reports", "coverage", "test-artifacts"]);

interface PackResult {
  name: string;
  version: string;
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
}

const { values: options } = parseArgs({
  options: { keep: { type: "boolean", default: false }, "sample-changeset": { type: "boolean", default: false } },
  strict: true,
});

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
const log = (line = "") => process.stdout.write(`${line}\n`);

function pendingChangesets(changesetDir: string): string[] {
  if (!existsSync(changesetDir)) return [];
  return readdirSync(changesetDir).filter((file) => file.endsWith(".md") && file.toLowerCase() !== "readme.md");
}

/** A copy of what `changeset version` and `npm pack` read: root manifests, .changeset, every workspace. */
function copyRepository(workspaces: readonly Workspace[], into: string): void {
  for (const file of ["package.json", "package-lock.json", ".npmrc", "LICENSE"]) {
    if (existsSync(path.join(repoRoot, file))) cpSync(path.join(repoRoot, file), path.join(into, file));
  }
  if (existsSync(path.join(repoRoot, ".changeset"))) cpSync(path.join(repoRoot, ".changeset"), path.join(into, ".changeset"), { recursive: true });
  for (const { dir } of workspaces) {
    cpSync(path.join(repoRoot, dir), path.join(into, dir), {
      recursive: true,
      filter: (source) => !SKIPPED_DIRS.has(path.basename(source)),
    });
  }
  // The changelog generator (@changesets/cli/changelog) is resolved from .changeset/: link the installed modules.
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(into, "node_modules"), "dir");
}

function addSampleChangeset(copy: string, publishable: readonly Workspace[]): void {
  const header = publishable.map(({ manifest }) => `"${manifest.name}": patch`).join("\n");
  writeFileSync(path.join(copy, ".changeset", "release-dry-run-sample.md"), `---\n${header}\n---\n\nSample change added by release-dry-run --sample-changeset.\n`);
}

function pack(packageDir: string, destination: string): PackResult {
  // --ignore-scripts: the build already ran; a lifecycle script must not write into the copy's sources.
  const output = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", destination], {
    cwd: packageDir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" },
  });
  const [result] = JSON.parse(output) as PackResult[];
  if (!result) throw new Error(`npm pack printed no result in ${packageDir}`);
  return result;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function main(): void {
  const workspaces = listWorkspaces(repoRoot);
  const publishable = workspaces.filter(isPublishable);
  if (publishable.length === 0) {
    log("release:dry: no publishable workspace (every one is private or unversioned); nothing to pack.");
    return;
  }
  const missingBuild = publishable.filter(({ dir, manifest }) => manifest.files?.includes("dist") && !existsSync(path.join(repoRoot, dir, "dist")));
  if (missingBuild.length > 0) {
    console.error(`release:dry: not built: ${missingBuild.map(({ manifest }) => manifest.name).join(", ")}. Run \`npm run build\` first (npm run release:dry does).`);
    process.exit(1);
  }

  const work = mkdtempSync(path.join(os.tmpdir(), "release-dry-run-"));
  const copy = path.join(work, "repo");
  const tarballs = path.join(work, "tarballs");
  mkdirSync(copy);
  mkdirSync(tarballs);
  try {
    copyRepository(workspaces, copy);
    if (options["sample-changeset"]) addSampleChangeset(copy, publishable);

    const changesets = pendingChangesets(path.join(copy, ".changeset"));
    if (changesets.length === 0) {
      log("No pending changesets: nothing to version; packing the current versions.");
    } else {
      log(`${changesets.length} pending changeset${changesets.length === 1 ? "" : "s"} (${changesets.join(", ")}): running \`changeset version\` in a copy.`);
      execFileSync(bin("changeset"), ["version"], { cwd: copy, stdio: ["ignore", "inherit", "inherit"] });
    }

    log();
    const rows: string[][] = [];
    for (const { dir, manifest: before } of publishable) {
      const after = readManifest(path.join(copy, dir, "package.json"));
      const result = pack(path.join(copy, dir), tarballs);
      const bump = after.version === before.version ? "" : `  (was ${before.version})`;
      const changelog = existsSync(path.join(copy, dir, "CHANGELOG.md")) ? "" : "  (no CHANGELOG.md)";
      rows.push([`${result.name}@${result.version}`, kB(result.size), `${result.entryCount} files`, kB(result.unpackedSize), `${bump}${changelog}`]);
    }
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    log(`${"package".padEnd(widths[0]!)}  ${"tarball".padStart(widths[1]!)}  ${"files".padStart(widths[2]!)}  ${"unpacked".padStart(widths[3]!)}`);
    for (const row of rows) {
      log(`${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padStart(widths[1]!)}  ${row[2]!.padStart(widths[2]!)}  ${row[3]!.padStart(widths[3]!)}${row[4]}`);
    }
    const unpublished = workspaces.filter((workspace) => !isPublishable(workspace)).map(({ manifest }) => manifest.name);
    log();
    log(`Not published (private): ${unpublished.join(", ") || "none"}.`);
    log(`Tarballs: ${tarballs}`);
    log("Nothing was published, and the working tree was not touched (versioning ran in a copy).");
  } finally {
    if (options.keep) log(`Copy kept at ${copy}`);
    else rmSync(copy, { recursive: true, force: true });
  }
}

main();

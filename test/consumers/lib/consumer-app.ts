// The scratch app of a user: the `npm pack` tarballs of every public package installed with npm into a
// folder outside the repository, third-party dependencies from the registry. Installed apps are kept in
// the temp dir under a hash of everything that goes into them (the tarballs' bytes, the third-party
// pins, the Node version), so a rerun with unchanged packages reuses one; a cold run installs afresh.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "@managed-redis/tooling/apis";
import type { PublicPackage } from "./public-packages.ts";
import { run } from "./run.ts";

export const cacheRoot = path.join(os.tmpdir(), "managed-redis-consumers");

/** Cached apps unused for this long are removed (other worktrees may be using theirs right now). */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export interface ConsumerApp {
  dir: string;
  /** name → absolute path of the tarball it was installed from */
  tarballs: Record<string, string>;
  /** Third-party packages added beside ours, name → exact version. */
  thirdParty: Record<string, string>;
  /** Whether this run installed it (false: reused from the cache). */
  installed: boolean;
  /** Milliseconds spent packing and installing. */
  packMs: number;
  installMs: number;
}

/** `npm pack` of every public package into `destination`, in one npm call. */
export async function packPackages(packages: readonly PublicPackage[], destination: string): Promise<Record<string, string>> {
  const { stdout } = await run(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", destination, ...packages.flatMap((pkg) => ["--workspace", pkg.dir])],
    { cwd: repoRoot },
  );
  const results = JSON.parse(stdout) as { name: string; filename: string }[];
  const tarballs = Object.fromEntries(results.map((result) => [result.name, path.join(destination, result.filename)]));
  const missing = packages.filter((pkg) => !tarballs[pkg.name]);
  if (missing.length > 0) throw new Error(`npm pack made no tarball for ${missing.map((pkg) => pkg.name).join(", ")}`);
  return tarballs;
}

function removeStaleApps(): void {
  for (const entry of readdirSync(cacheRoot)) {
    if (!entry.startsWith("app-")) continue;
    const dir = path.join(cacheRoot, entry);
    if (Date.now() - statSync(dir).mtimeMs > STALE_AFTER_MS) rmSync(dir, { recursive: true, force: true });
  }
}

export async function prepareConsumerApp(packages: readonly PublicPackage[], thirdParty: Record<string, string>): Promise<ConsumerApp> {
  mkdirSync(cacheRoot, { recursive: true });
  const packStart = Date.now();
  const packDir = mkdtempSync(path.join(cacheRoot, "tarballs-"));
  const packed = await packPackages(packages, packDir);
  const packMs = Date.now() - packStart;

  const hash = createHash("sha256").update(`layout 1\n${process.version}\n${JSON.stringify(thirdParty)}\n`);
  for (const name of Object.keys(packed).sort()) hash.update(name).update(readFileSync(packed[name]!));
  const dir = path.join(cacheRoot, `app-${hash.digest("hex").slice(0, 16)}`);
  const ready = path.join(dir, ".installed");

  const installStart = Date.now();
  let installed = false;
  if (!existsSync(ready)) {
    const staging = mkdtempSync(`${dir}.installing-`);
    try {
      // The tarballs live in the app, so a cached app never points at a folder that is gone.
      mkdirSync(path.join(staging, "tarballs"));
      const tarballs: Record<string, string> = {};
      for (const [name, file] of Object.entries(packed)) {
        const target = path.join(staging, "tarballs", path.basename(file));
        renameSync(file, target);
        tarballs[name] = path.join(dir, "tarballs", path.basename(file));
      }
      const manifest = {
        name: "consumer-app",
        private: true,
        type: "module",
        dependencies: Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:./tarballs/${path.basename(file)}`])),
        devDependencies: thirdParty,
      };
      writeFileSync(path.join(staging, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
      // --prefer-offline: npm's cache first (npm ci of this repository filled it), the registry for the rest.
      await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: staging, timeoutMs: 480_000 });
      writeFileSync(path.join(staging, ".installed"), JSON.stringify({ tarballs }, null, 2));
      try {
        renameSync(staging, dir);
      } catch {
        rmSync(staging, { recursive: true, force: true }); // another run finished the same app first
      }
      installed = true;
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
  }
  rmSync(packDir, { recursive: true, force: true });
  const now = new Date();
  utimesSync(dir, now, now);
  removeStaleApps();
  const { tarballs } = JSON.parse(readFileSync(ready, "utf8")) as { tarballs: Record<string, string> };
  return { dir, tarballs, thirdParty, installed, packMs, installMs: Date.now() - installStart };
}

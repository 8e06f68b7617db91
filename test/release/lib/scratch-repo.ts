// The rehearsal's copy of the repository: what git would commit (tracked and untracked files that are not
// ignored), so neither build output nor node_modules comes along, and the working tree is never touched.
// Installed modules are linked, except the workspace links, which point into the copy.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import path from "node:path";

export function copyWorkingTree(from: string, to: string): number {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: from, maxBuffer: 64 * 1024 * 1024 });
  const files = listed.toString("utf8").split("\0").filter((file) => file !== "" && existsSync(path.join(from, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    cpSync(path.join(from, file), path.join(to, file));
  }
  return files.length;
}

/**
 * copy/node_modules: a folder of links to the repository's installed packages (so no install is needed),
 * with the workspace links (node_modules/@managed-redis/*, relative links such as ../../packages/mock)
 * re-made inside the copy so that they resolve to the copy's packages.
 */
export function linkNodeModules(from: string, to: string, workspaceScope = "@managed-redis"): void {
  const source = path.join(from, "node_modules");
  const target = path.join(to, "node_modules");
  mkdirSync(target);
  for (const entry of readdirSync(source)) {
    // Caches stay out: nothing run in the copy may write into the repository's node_modules.
    if (entry === ".cache" || entry === ".vite" || entry === ".vitest") continue;
    if (entry !== workspaceScope) {
      symlinkSync(path.join(source, entry), path.join(target, entry));
      continue;
    }
    mkdirSync(path.join(target, entry));
    for (const link of readdirSync(path.join(source, entry))) {
      symlinkSync(readlinkSync(path.join(source, entry, link)), path.join(target, entry, link));
    }
  }
}

/** A git repository with one commit, as the release workflow's checkout is (changesets reads and tags git). */
export function initGit(dir: string, env: NodeJS.ProcessEnv): void {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "--no-verify", "-m", "rehearsal: the working tree");
}

export function commitAll(dir: string, env: NodeJS.ProcessEnv, message: string): void {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  git("add", "-A");
  git("commit", "-q", "--no-verify", "-m", message);
}

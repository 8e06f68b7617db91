// The Node lines the packages claim in `engines`, each with a binary to run the smoke tests under it: the
// Node running this suite for its own line; for the others the npm registry's `node` package, which
// carries the official binary. Those are installed at test time into the temp dir, never into the
// repository (a `node` in node_modules/.bin would shadow the Node of every npm script), and kept there
// per version for later runs.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheRoot } from "./consumer-app.ts";
import { run } from "./run.ts";

/**
 * The newest release of each even (LTS) line after 20, exact versions of the registry's `node` package.
 * An open-ended `engines` range claims every later line too: add each new LTS line here when it ships.
 */
export const nodeReleases: readonly string[] = ["22.23.3", "24.21.0", "26.10.0"];

type Version = [number, number, number];

function parseVersion(text: string): Version {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`not a version: ${text}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** `satisfies` for the range forms an `engines` field uses here: `>=x.y.z`, `^x.y.z`, `<x.y.z`, joined by spaces and `||`. */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  return range.split("||").some((alternative) =>
    alternative.trim().split(/\s+/).every((comparator) => {
      const match = /^(>=|<|\^)(.+)$/.exec(comparator);
      if (!match) throw new Error(`unsupported engines range "${range}"`);
      const bound = parseVersion(match[2]!);
      if (match[1] === ">=") return compare(v, bound) >= 0;
      if (match[1] === "<") return compare(v, bound) < 0;
      return v[0] === bound[0] && compare(v, bound) >= 0;
    }),
  );
}

export interface NodeLine {
  major: number;
  version: string;
  /** Installs the binary on first use (the running Node needs nothing). */
  binary(): Promise<string>;
}

/** The running Node and every pinned release, kept when every range in `ranges` accepts it. */
export function claimedNodeLines(ranges: readonly string[]): NodeLine[] {
  const current = process.version.slice(1);
  const candidates = [current, ...nodeReleases.filter((version) => parseVersion(version)[0] !== parseVersion(current)[0])];
  return candidates
    .filter((version) => ranges.every((range) => satisfies(version, range)))
    .map((version) => ({
      major: parseVersion(version)[0],
      version,
      binary: version === current ? async () => process.execPath : () => installNode(version),
    }));
}

const installs = new Map<string, Promise<string>>();

function installNode(version: string): Promise<string> {
  let install = installs.get(version);
  if (!install) installs.set(version, (install = installNodeOnce(version)));
  return install;
}

/** `npm install node@<version>` into a staging folder of the cache, renamed into place once complete. */
async function installNodeOnce(version: string): Promise<string> {
  const folder = path.join(cacheRoot, `node-${version}`);
  const binary = path.join(folder, "node_modules", "node", "bin", "node");
  if (existsSync(binary)) return binary;
  mkdirSync(cacheRoot, { recursive: true });
  const staging = mkdtempSync(`${folder}.installing-`);
  try {
    writeFileSync(path.join(staging, "package.json"), JSON.stringify({ private: true }));
    await run("npm", ["install", "--no-save", "--prefer-offline", `node@${version}`], { cwd: staging, timeoutMs: 300_000 });
    const { stdout } = await run(path.join(staging, "node_modules", "node", "bin", "node"), ["--version"], { cwd: staging });
    if (stdout.trim() !== `v${version}`) throw new Error(`node@${version} from the registry runs as ${stdout.trim()}`);
    try {
      renameSync(staging, folder);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another run finished first
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return binary;
}

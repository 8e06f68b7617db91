// The Chromium of the browser suites, driven by playwright-core. Never a browser downloaded from a CDN:
//   1. CHROMIUM_PATH, when set (it must be an executable file);
//   2. Debian's /usr/bin/chromium, when installed;
//   3. otherwise the Chromium that ships inside the @sparticuz/chromium npm package (a devDependency, so
//      `npm ci` is all a machine needs), unpacked once into a folder of the temp dir named after its
//      version and reused by later runs.
// The flags keep Chromium from reaching for Google's hosts at start (this machine's network is closed)
// and let it run as root.
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";

export const debianChromiumPath = "/usr/bin/chromium";

const quietFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface ChromiumBinary {
  executablePath: string;
  /** Where it came from, for the suites' logs. */
  source: "CHROMIUM_PATH" | "Debian" | "@sparticuz/chromium";
  /** Environment the binary needs (the packaged one brings its own fonts). */
  env: Record<string, string>;
}

/** Thrown when no Chromium can be found: one line that says what to do, and no stack to read past. */
export class ChromiumNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChromiumNotFoundError";
    this.stack = `${this.name}: ${message}`;
  }
}

const howToGetOne =
  "set CHROMIUM_PATH to a Chromium binary, install Debian's chromium, or run `npm ci` (the @sparticuz/chromium devDependency ships one)";

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface FindChromiumOptions {
  env?: NodeJS.ProcessEnv;
  debianPath?: string;
  /** Where the packaged Chromium is unpacked; a folder of the temp dir by default. */
  cacheRoot?: string;
  /** The directory to resolve @sparticuz/chromium from (the repository by default). */
  resolveFrom?: string;
}

export async function findChromium(options: FindChromiumOptions = {}): Promise<ChromiumBinary> {
  const env = options.env ?? process.env;
  const configured = env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== "") {
    if (!isExecutableFile(configured)) throw new ChromiumNotFoundError(`CHROMIUM_PATH=${configured} is not an executable file; ${howToGetOne}`);
    return { executablePath: configured, source: "CHROMIUM_PATH", env: {} };
  }
  const debianPath = options.debianPath ?? debianChromiumPath;
  if (isExecutableFile(debianPath)) return { executablePath: debianPath, source: "Debian", env: {} };
  return unpackPackagedChromium(options.cacheRoot ?? os.tmpdir(), options.resolveFrom ?? import.meta.dirname);
}

/**
 * @sparticuz/chromium unpacks its brotli archives into os.tmpdir() (the binary, its SwiftShader
 * libraries beside it, and fonts). It is run in a child process whose TMPDIR is a staging folder, which
 * is then renamed into place: a folder that exists is complete, and two suites starting at once (turbo
 * runs two) never see each other's half-written binary.
 */
function unpackPackagedChromium(cacheRoot: string, resolveFrom: string): ChromiumBinary {
  let entry: string;
  try {
    entry = createRequire(path.join(resolveFrom, "noop.js")).resolve("@sparticuz/chromium");
  } catch {
    throw new ChromiumNotFoundError(`no Chromium: no CHROMIUM_PATH, no ${debianChromiumPath}, and @sparticuz/chromium is not installed; ${howToGetOne}`);
  }
  // The package exports no ./package.json; its entry is build/index.js.
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { version: string };
  const folder = path.join(cacheRoot, `managed-redis-chromium-${version}`);
  const binary = (dir: string): ChromiumBinary => ({
    executablePath: path.join(dir, "chromium"),
    source: "@sparticuz/chromium",
    env: { FONTCONFIG_PATH: path.join(dir, "fonts") },
  });
  if (isExecutableFile(path.join(folder, "chromium"))) return binary(folder);

  const staging = mkdtempSync(`${folder}.unpacking-`);
  try {
    const script = `import(${JSON.stringify(pathToFileURL(entry).href)}).then((m) => m.default.executablePath())`;
    execFileSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, TMPDIR: staging }, stdio: "pipe" });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const reason = String((error as { stderr?: Buffer }).stderr ?? error).trim().split("\n").at(-1);
    throw new ChromiumNotFoundError(`@sparticuz/chromium could not unpack its Chromium (${reason}); ${howToGetOne}`);
  }
  try {
    renameSync(staging, folder);
  } catch {
    // Another suite finished first: use its folder.
    rmSync(staging, { recursive: true, force: true });
  }
  if (!existsSync(path.join(folder, "chromium"))) throw new ChromiumNotFoundError(`@sparticuz/chromium left no binary in ${folder}; ${howToGetOne}`);
  return binary(folder);
}

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const found = await findChromium();
  return chromium.launch({
    executablePath: found.executablePath,
    args: [...quietFlags, ...extraArgs],
    env: { ...process.env, ...found.env },
  });
}

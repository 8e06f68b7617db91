// `npm start`: the API mocks and the docs site, for a frontend team, in one command.
//
// The root script builds first (the mock package and the docs site), then runs this. The mocks are one
// child process running the mock package's CLI with no `--api`, the very command `npx @managed-redis/mock`
// runs: one process serving every API, each on its default port. The docs site is served from this
// process. One line per service is printed once it answers HTTP. Ctrl-C (SIGINT) or SIGTERM stops
// everything and exits 0; a service that dies or never answers stops the rest and exits 1.
//
// No orphans: the mock process runs in its own process group, so a terminal's Ctrl-C reaches only this
// process, which stops it (SIGTERM, then SIGKILL after a grace period) and waits for it. It also holds
// an IPC channel to this process and leaves when it closes, even if this process is killed with SIGKILL.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { repoRoot } from "@managed-redis/tooling/apis";

type MockPackage = typeof import("@managed-redis/mock");
interface DocsServer {
  url: string;
  close(): Promise<void>;
}
type StartDocsServer = (options: { host?: string; port?: number }) => Promise<DocsServer>;

const mockPackageDir = path.join(repoRoot, "packages", "mock");
const mockCli = path.join(mockPackageDir, "dist", "cli.js");
const docsSiteDir = path.join(repoRoot, "packages", "docs", "dist");
const docsPort = 8080;
const readyTimeoutMs = 60_000;
const stopGraceMs = 5_000;

// `npm start -- --dynamic` / `-- --host 0.0.0.0` / `-- --stateful` (`npm run start:stateful`) /
// `-- --cors-origin O` / `-- --allowed-host H`: passed on to every mock (and the host to the docs site). The mock's CLI judges the combination.
function parseOptions() {
  try {
    return parseArgs({
      options: {
        host: { type: "string", default: "127.0.0.1" },
        dynamic: { type: "boolean", default: false },
        stateful: { type: "boolean", default: false },
        seed: { type: "string" },
        "delay-scale": { type: "string" },
        "cors-origin": { type: "string", multiple: true },
        "allowed-host": { type: "string", multiple: true },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`start: ${(error as Error).message.split("\n")[0]} (options: --host H, --dynamic, --stateful [--seed N] [--delay-scale F], --cors-origin O, --allowed-host H)\n`);
    process.exit(2);
  }
}
const options = parseOptions();
const host = options.host;

let mockProcess: ChildProcess | undefined;
let docsServer: DocsServer | undefined;
let stopping = false;
let stoppingSince = 0;
const abortWaits = new AbortController();

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function complain(line: string): void {
  process.stderr.write(`start: ${line}\n`);
}

async function stopEverything(exitCode: number): Promise<never> {
  if (stopping) {
    // A second Ctrl-C: do not wait for the grace period. (Within a moment of the first, it is the
    // same Ctrl-C reaching this process twice, from the terminal and relayed by tsx or npm.)
    if (Date.now() - stoppingSince < 500) return new Promise<never>(() => {});
    if (mockProcess && mockProcess.exitCode === null && mockProcess.signalCode === null) mockProcess.kill("SIGKILL");
    process.exit(exitCode || 130);
  }
  stopping = true;
  stoppingSince = Date.now();
  abortWaits.abort(new Error("stopping"));
  await Promise.allSettled([mockProcess ? stopChild(mockProcess) : undefined, docsServer?.close()]);
  process.exit(exitCode);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceKill = setTimeout(() => child.kill("SIGKILL"), stopGraceMs);
    child.once("exit", () => {
      clearTimeout(forceKill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function importMockPackage(): Promise<MockPackage> {
  if (!existsSync(mockCli)) {
    complain("packages/mock is not built; run `npm start` (it builds first) or `npx turbo run build --filter=@managed-redis/mock`");
    process.exit(1);
  }
  return import("@managed-redis/mock");
}

/** The docs package may not exist yet (it is being written): without it, the mocks start alone. */
async function loadDocsServer(): Promise<StartDocsServer | string> {
  if (!existsSync(docsSiteDir)) return "packages/docs/dist is missing (build it: npx turbo run build --filter=@managed-redis/docs)";
  const candidates = ["@managed-redis/docs/server", pathToFileURL(path.join(repoRoot, "packages", "docs", "src", "docs-server.ts")).href];
  for (const specifier of candidates) {
    try {
      const module = (await import(specifier)) as { startDocsServer?: StartDocsServer };
      if (typeof module.startDocsServer === "function") return module.startDocsServer;
    } catch {
      // Try the next place it could be.
    }
  }
  return "packages/docs exports no startDocsServer yet";
}

/** The mock CLI serving every API on its default port, in one child process. */
function startMockProcess(mock: MockPackage): { urls: Record<(typeof mock.apiNames)[number], string>; exited: Promise<string> } {
  const args = [
    mockCli,
    ...["--host", host],
    ...(options.dynamic ? ["--dynamic"] : []),
    ...(options.stateful ? ["--stateful"] : []),
    ...(options.seed !== undefined ? ["--seed", options.seed] : []),
    ...(options["cors-origin"] ?? []).flatMap((origin) => ["--cors-origin", origin]),
    ...(options["allowed-host"] ?? []).flatMap((name) => ["--allowed-host", name]),
    ...(options["delay-scale"] !== undefined ? ["--delay-scale", options["delay-scale"]] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit", "ipc"], detached: true });
  mockProcess = child;
  // The CLI prints its own "<api>  <url>" line once each API answers; this script prints one for every
  // service itself, so those lines are dropped and anything else passed on.
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (!mock.apiNames.some((api) => line.startsWith(`${api} `))) say(line);
  });
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ? `was killed by ${signal}` : `exited with code ${code}`));
    child.once("error", (error) => resolve(`could not start: ${error.message}`));
  });
  const urlHost = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host;
  const urls = Object.fromEntries(mock.apiNames.map((api) => [api, `http://${urlHost}:${mock.mockDefaults[api]}`])) as Record<(typeof mock.apiNames)[number], string>;
  return { urls, exited };
}

async function main(): Promise<void> {
  process.on("SIGINT", () => void stopEverything(0));
  process.on("SIGTERM", () => void stopEverything(0));

  const mock = await importMockPackage();
  const docs = await loadDocsServer();
  const names = [...mock.apiNames, ...(typeof docs === "function" ? ["docs"] : [])];
  const width = Math.max(...names.map((name) => name.length));
  const announce = (name: string, url: string) => say(`${name.padEnd(width)}  ${url}`);
  if (typeof docs === "string") complain(`starting the mocks without the docs site: ${docs}`);

  const mocks = startMockProcess(mock);
  void mocks.exited.then((how) => {
    if (stopping) return;
    complain(`the mock process ${how}; stopping the docs site`);
    void stopEverything(1);
  });

  const readiness = mock.apiNames.map(async (api) => {
    await mock.waitForMock(mocks.urls[api], { timeoutMs: readyTimeoutMs, signal: abortWaits.signal });
    announce(api, mocks.urls[api]);
  });
  if (typeof docs === "function") {
    readiness.push(
      (async () => {
        docsServer = await docs({ host, port: docsPort });
        await mock.waitUntilAnswering(docsServer.url, { timeoutMs: readyTimeoutMs, signal: abortWaits.signal });
        announce("docs", docsServer.url);
      })(),
    );
  }
  try {
    await Promise.all(readiness);
  } catch (error) {
    if (stopping) return;
    complain(`${error instanceof Error ? error.message : String(error)}; stopping everything`);
    await stopEverything(1);
  }
  say("Ctrl-C stops them all.");
}

process.on("uncaughtException", (error) => {
  complain(`unexpected error: ${error.stack ?? error.message}`);
  void stopEverything(1);
});

await main();

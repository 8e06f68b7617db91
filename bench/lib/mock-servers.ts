// The servers the mock section measures, started as child processes so they do not share the bench's
// event loop: the mock as users run it (static and stateful), plain Prism on the same bundle, and a bare
// node:http server replaying the mock's own answers. A new kind is one more entry in `serverKinds`: the
// throughput table gains its rows, compared against the same bare server.
import path from "node:path";
import { bundledSpecPath } from "@managed-redis/mock";
import { childDir, repoRoot } from "./paths.ts";
import { freePort, startChild, waitForAnswer, waitForLine, type Child } from "./processes.ts";
import type { ApiName, Target } from "./targets.ts";

export const mockCli = path.join(repoRoot, "packages", "mock", "dist", "cli.js");
export const prismCli = path.join(repoRoot, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

export interface CannedAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface RunningServer {
  url: string;
  /** The server's process, whose CPU time the throughput table reports per request. */
  pid?: number;
  stop(): Promise<void>;
}

export interface ServerKind {
  name: string;
  /** Connection counts to measure it at; all of the section's by default. */
  connections?: readonly number[];
  /** `answers` holds the static mock's answers to `targets` (empty while the mock itself starts). */
  start(api: ApiName, context: { targets: readonly Target[]; answers: ReadonlyMap<Target, CannedAnswer> }): Promise<RunningServer>;
}

async function startCli(command: readonly string[], port: number, probe: Target): Promise<RunningServer & { child: Child }> {
  const child = startChild(process.execPath, command);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForAnswer(url, probe, { child });
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url, child, ...(child.process.pid === undefined ? {} : { pid: child.process.pid }), stop: () => child.stop() };
}

/** The mock as users run it: `node packages/mock/dist/cli.js --api X --port N` (log level: error). */
export async function startMockCli(api: ApiName, probe: Target, extraArgs: readonly string[] = []): Promise<RunningServer & { child: Child }> {
  const port = await freePort();
  return startCli([mockCli, "--api", api, "--port", String(port), ...extraArgs], port, probe);
}

/** Plain Prism on the same bundle: `prism mock -p N -v error specs/<api>.json`, logging errors only as the mock does. */
export async function startPrismCli(api: ApiName, probe: Target): Promise<RunningServer & { child: Child }> {
  const port = await freePort();
  return startCli([prismCli, "mock", "--host", "127.0.0.1", "--port", String(port), "--verboseLevel", "error", bundledSpecPath(api)], port, probe);
}

/** A bare node:http server answering each target with the mock's own answer, byte for byte. */
export async function startBareServer(targets: readonly Target[], answers: ReadonlyMap<Target, CannedAnswer>): Promise<RunningServer> {
  const routes = Object.fromEntries(
    targets.map((target) => {
      const answer = answers.get(target)!;
      return [`${target.method} ${target.path}`, answer];
    }),
  );
  const child = startChild(process.execPath, [path.join(childDir, "json-server.mjs")], {
    env: { ...process.env, BENCH_ROUTES: JSON.stringify(routes) },
  });
  const [, port] = await waitForLine(child, /listening (\d+)/);
  return { url: `http://127.0.0.1:${port}`, ...(child.process.pid === undefined ? {} : { pid: child.process.pid }), stop: () => child.stop() };
}

export const bareServer: ServerKind = {
  name: "bare node:http",
  start: (_api, { targets, answers }) => startBareServer(targets, answers),
};

export const STATIC_MOCK = "mock (CLI)";
export const STATEFUL_MOCK = "mock --stateful (CLI)";
export const PLAIN_PRISM = "plain Prism (CLI)";

/** The servers compared with the bare one; the first must be the static mock (its answers are replayed). */
export const serverKinds: ServerKind[] = [
  { name: STATIC_MOCK, start: (api, { targets }) => startMockCli(api, targets[0]!) },
  // The simulator answers in the mock's process, behind the same pipeline. Repeated creates of one name
  // answer the documented 409 after the first, still a full trip through validation and the simulator.
  { name: STATEFUL_MOCK, connections: [16], start: (api, { targets }) => startMockCli(api, targets[0]!, ["--stateful"]) },
  { name: PLAIN_PRISM, connections: [1, 16], start: (api, { targets }) => startPrismCli(api, targets[0]!) },
];

// The servers the mock section measures, started as child processes so they do not share the bench's
// event loop. A new kind (e.g. "prism proxy + simulator") is one more entry in `serverKinds`: the
// throughput table gains its rows, compared against the same bare server.
import path from "node:path";
import { childDir, repoRoot } from "./paths.ts";
import { freePort, startChild, waitForAnswer, waitForLine, type Child } from "./processes.ts";
import type { ApiName, Target } from "./targets.ts";

export const mockCli = path.join(repoRoot, "packages", "mock", "dist", "cli.js");

export interface CannedAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export interface ServerKind {
  name: string;
  /** Connection counts to measure it at; all of the section's by default. */
  connections?: readonly number[];
  /** `answers` holds the Prism mock's answers to `targets` (empty while the mock itself starts). */
  start(api: ApiName, context: { targets: readonly Target[]; answers: ReadonlyMap<Target, CannedAnswer> }): Promise<RunningServer>;
}

/** The mock as users run it: `node packages/mock/dist/cli.js --api X --port N` (log level: error). */
export async function startMockCli(api: ApiName, probe: Target, extraArgs: readonly string[] = []): Promise<RunningServer & { child: Child }> {
  const port = await freePort();
  const child = startChild(process.execPath, [mockCli, "--api", api, "--port", String(port), ...extraArgs]);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForAnswer(url, probe, { child });
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url, child, stop: () => child.stop() };
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
  return { url: `http://127.0.0.1:${port}`, stop: () => child.stop() };
}

export const bareServer: ServerKind = {
  name: "bare node:http",
  start: (_api, { targets, answers }) => startBareServer(targets, answers),
};

/** The servers compared with the bare one; the first must be the Prism mock (its answers are replayed). */
export const serverKinds: ServerKind[] = [
  { name: "prism mock (CLI)", start: (api, { targets }) => startMockCli(api, targets[0]!) },
  // The stateful mode: the front door, Prism in proxy mode and the simulator behind it. Repeated creates
  // of one name answer the documented 409 after the first, which is still a full trip through all three.
  {
    name: "prism proxy + simulator (--stateful)",
    connections: [16],
    start: (api, { targets }) => startMockCli(api, targets[0]!, ["--stateful"]),
  },
];

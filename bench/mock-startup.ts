// Mock start time: from start to the first answer of each API's representative GET, for the CLI (a fresh
// process: Node start, loading the mock and the spec facts, listen), static and stateful, one API or all
// of them in one process; for startMock() in-process (first start in a fresh process, and a second one);
// and for `npm start` on a warm build (the build check, then one mock process for every API and the docs
// site, until all of them answer).
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { mockDefaults } from "@managed-redis/mock";
import { childDir, repoRoot } from "./lib/paths.ts";
import { mockCli, startMockCli } from "./lib/mock-servers.ts";
import { portIsFree, startChild, waitForAnswer, waitForLine } from "./lib/processes.ts";
import { progress } from "./lib/progress.ts";
import type { StartupRow } from "./lib/results.ts";
import { median, round } from "./lib/stats.ts";
import { apiNames, representativeGet, type ApiName } from "./lib/targets.ts";

const docsPort = 8080;

async function cliOne(api: ApiName, stateful: boolean): Promise<StartupRow> {
  const started = performance.now();
  const mock = await startMockCli(api, representativeGet(api), stateful ? ["--stateful"] : []);
  const firstAnswerMs = performance.now() - started;
  await mock.stop();
  return { api, how: `CLI \`--api X --port N${stateful ? " --stateful" : ""}\` (process spawn → first answer)`, firstAnswerMs: round(firstAnswerMs) };
}

async function busyPort(ports: readonly number[]): Promise<number | undefined> {
  for (const port of ports) if (!(await portIsFree(port))) return port;
  return undefined;
}

/** `npx @managed-redis/mock` with no options: every API in one process, on its default port. */
async function cliAll(stateful: boolean): Promise<StartupRow | string> {
  const busy = await busyPort(apiNames.map((api) => mockDefaults[api]));
  if (busy !== undefined) return `the CLI with every API was not timed: port ${busy} is in use on this machine`;
  const started = performance.now();
  const child = startChild(process.execPath, [mockCli, ...(stateful ? ["--stateful"] : [])]);
  try {
    const answered = await Promise.all(apiNames.map((api) => waitForAnswer(`http://127.0.0.1:${mockDefaults[api]}`, representativeGet(api), { child })));
    return { api: "all three", how: `CLI${stateful ? " `--stateful`" : ", no options"} (one process, default ports; spawn → last API's first answer)`, firstAnswerMs: round(Math.max(...answered) - started) };
  } finally {
    await child.stop();
  }
}

/** `npm start` is timed this many times and reported by its median: one run is at the mercy of the machine's load. */
const NPM_START_RUNS = 3;

/** One `npm start` after a build (so turbo finds everything cached): ms until the three mocks and the docs answer. */
async function npmStartOnce(): Promise<number | string> {
  // The previous run's processes may still be letting their ports go.
  let busy = await busyPort([...apiNames.map((api) => mockDefaults[api]), docsPort]);
  for (let waited = 0; busy !== undefined && waited < 5_000; waited += 250) {
    await sleep(250);
    busy = await busyPort([...apiNames.map((api) => mockDefaults[api]), docsPort]);
  }
  if (busy !== undefined) return `\`npm start\` was not timed: port ${busy} is in use on this machine`;
  const started = performance.now();
  const child = startChild("npm", ["start"], { cwd: repoRoot, detached: true, env: { ...process.env, npm_config_update_notifier: "false" } });
  try {
    const answered = await Promise.all([
      ...apiNames.map((api) => waitForAnswer(`http://127.0.0.1:${mockDefaults[api]}`, representativeGet(api), { child, timeoutMs: 60_000 })),
      waitForAnswer(`http://127.0.0.1:${docsPort}`, { method: "GET", path: "/", headers: {} }, { child, timeoutMs: 60_000 }),
    ]);
    return round(Math.max(...answered) - started);
  } finally {
    // npm runs tsx, which runs the script, which runs the mock: stop the whole process group.
    try {
      process.kill(-child.process.pid!, "SIGINT");
    } catch {
      // already gone
    }
    await child.stop();
  }
}

async function npmStart(): Promise<StartupRow | string> {
  const times: number[] = [];
  for (let run = 0; run < NPM_START_RUNS; run++) {
    const time = await npmStartOnce();
    if (typeof time === "string") return time;
    times.push(time);
  }
  return {
    api: "all three + docs",
    how: "`npm start` on a warm build (turbo build check, one mock process, docs site; spawn → last answer)",
    firstAnswerMs: round(median(times)),
    detail: `median of ${NPM_START_RUNS} runs: ${times.join(", ")} ms`,
  };
}

async function inProcess(apis: readonly ApiName[]): Promise<StartupRow[]> {
  const probes = apis.map((api) => {
    const { path: probePath, headers } = representativeGet(api);
    return { api, path: probePath, headers };
  });
  const child = startChild(process.execPath, [path.join(childDir, "mock-in-process.mjs")], {
    env: { ...process.env, BENCH_APIS: JSON.stringify(probes) },
  });
  try {
    const [line] = await waitForLine(child, /\{.*\}\n/, 30_000);
    const { coldMs, warmMs, packageImportMs, statuses } = JSON.parse(line) as { coldMs: number; warmMs: number; packageImportMs: number; statuses: number[] };
    const api = apis.length === 1 ? apis[0]! : "all three";
    const detail = `import of @managed-redis/mock ${round(packageImportMs)} ms before; first answers ${statuses.join(", ")}`;
    return [
      { api, how: "startMock(), first in a fresh process (call → first answer)", firstAnswerMs: round(coldMs), detail },
      { api, how: "startMock(), again in the same process", firstAnswerMs: round(warmMs) },
    ];
  } finally {
    await child.stop();
  }
}

export async function measureMockStartup(): Promise<{ rows: StartupRow[]; notes: string[] }> {
  const rows: StartupRow[] = [];
  const notes: string[] = [];
  for (const api of apiNames) {
    progress(`mock start: ${api} (CLI static and stateful, then in-process)`);
    rows.push(await cliOne(api, false));
    rows.push(await cliOne(api, true));
    rows.push(...(await inProcess([api])));
  }
  progress("mock start: every API together (CLI static and stateful, then in-process)");
  for (const stateful of [false, true]) {
    const all = await cliAll(stateful).catch((error: unknown) => `the CLI with every API failed to start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    if (typeof all === "string") notes.push(all);
    else rows.push(all);
  }
  rows.push(...(await inProcess(apiNames)));
  progress("mock start: npm start");
  const start = await npmStart().catch((error: unknown) => `\`npm start\` failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  if (typeof start === "string") notes.push(start);
  else rows.push(start);
  return { rows, notes };
}

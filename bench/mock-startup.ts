// Mock start time: from start to the first answer of each API's representative GET, for the CLI (a fresh
// process: Node start, Prism load, spec parse, listen) and for startMock() in-process (first start in a
// fresh process, which loads Prism, and a second start once it is loaded).
import path from "node:path";
import { childDir } from "./lib/paths.ts";
import { mockCli, startMockCli } from "./lib/mock-servers.ts";
import { portIsFree, startChild, waitForAnswer, waitForLine } from "./lib/processes.ts";
import { progress } from "./lib/progress.ts";
import type { StartupRow } from "./lib/results.ts";
import { round } from "./lib/stats.ts";
import { apiNames, representativeGet, type ApiName } from "./lib/targets.ts";

const defaultPorts: Record<ApiName, number> = { "kakaocloud-redis": 4010, "exoscale-dbaas-valkey": 4011, "redis-enterprise": 4012 };

async function cliOne(api: ApiName): Promise<StartupRow> {
  const started = performance.now();
  const mock = await startMockCli(api, representativeGet(api));
  const firstAnswerMs = performance.now() - started;
  await mock.stop();
  return { api, how: "CLI `--api X --port N` (process spawn → first answer)", firstAnswerMs: round(firstAnswerMs) };
}

/** `npx @managed-redis/mock` with no options: all three in one process, on their default ports. */
async function cliAll(): Promise<StartupRow | string> {
  for (const api of apiNames) {
    if (!(await portIsFree(defaultPorts[api]))) return `the CLI with all three APIs was not timed: port ${defaultPorts[api]} is in use on this machine`;
  }
  const started = performance.now();
  const child = startChild(process.execPath, [mockCli]);
  try {
    const answered = await Promise.all(apiNames.map((api) => waitForAnswer(`http://127.0.0.1:${defaultPorts[api]}`, representativeGet(api), { child })));
    return { api: "all three", how: "CLI, no options (one process, default ports; spawn → last API's first answer)", firstAnswerMs: round(Math.max(...answered) - started) };
  } finally {
    await child.stop();
  }
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
      { api, how: "startMock(), first in a fresh process (loads Prism; call → first answer)", firstAnswerMs: round(coldMs), detail },
      { api, how: "startMock(), again in the same process (Prism loaded)", firstAnswerMs: round(warmMs) },
    ];
  } finally {
    await child.stop();
  }
}

export async function measureMockStartup(): Promise<{ rows: StartupRow[]; notes: string[] }> {
  const rows: StartupRow[] = [];
  const notes: string[] = [];
  for (const api of apiNames) {
    progress(`mock start: ${api} (CLI, then in-process)`);
    rows.push(await cliOne(api));
    rows.push(...(await inProcess([api])));
  }
  progress("mock start: all three together (CLI, then in-process)");
  const all = await cliAll().catch((error: unknown) => `the CLI with all three APIs failed to start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  if (typeof all === "string") notes.push(all);
  else rows.push(all);
  rows.push(...(await inProcess(apiNames)));
  return { rows, notes };
}

// Pipeline: `turbo run build` cold (a fresh, empty turbo cache directory, so every task runs) and warm (the
// same command again, everything cacheable restored), and codegen time per spec.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeEnvironment } from "./lib/environment.ts";
import { repoRoot } from "./lib/paths.ts";
import { progress } from "./lib/progress.ts";
import type { PipelineSection } from "./lib/results.ts";
import { round } from "./lib/stats.ts";
import { apiNames } from "./lib/targets.ts";

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };

function timed(command: string, args: string[]) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, env, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  return { seconds: round(seconds, 2), ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** turbo's summary lines: "Tasks:    10 successful, 10 total" and "Cached:    9 cached, 10 total". */
function summary(output: string) {
  const tasks = Number(/Tasks:\s+\d+ successful, (\d+) total/.exec(output)?.[1] ?? Number.NaN);
  const cached = Number(/Cached:\s+(\d+) cached/.exec(output)?.[1] ?? Number.NaN);
  return { tasks, cached };
}

/** Which tasks the next run would not take from the cache (turbo's dry run, as JSON). */
function notCached(cacheDir: string): string[] {
  const result = spawnSync(bin("turbo"), ["run", "build", `--cache-dir=${cacheDir}`, "--dry=json"], { cwd: repoRoot, env, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  try {
    const plan = JSON.parse(result.stdout) as { tasks: { taskId: string; command: string; cache: { status: string } }[] };
    return plan.tasks.filter((task) => task.command !== "<NONEXISTENT>" && task.cache.status !== "HIT").map((task) => task.taskId);
  } catch {
    return ["(turbo --dry=json gave no plan)"];
  }
}

export async function measurePipeline(): Promise<PipelineSection> {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "bench-turbo-cache-"));
  const notes: string[] = [];
  try {
    const build = ["run", "build", `--cache-dir=${cacheDir}`, "--output-logs=errors-only"];
    progress("pipeline: cold turbo run build (empty cache directory; about a minute)");
    const cold = timed(bin("turbo"), build);
    progress("pipeline: warm turbo run build (same cache directory)");
    const warm = timed(bin("turbo"), build);
    const misses = notCached(cacheDir);
    if (!cold.ok) notes.push(`the cold build failed: ${cold.output.slice(-400)}`);
    if (!warm.ok) notes.push(`the warm build failed: ${warm.output.slice(-400)}`);

    progress("pipeline: codegen per spec");
    const baseline = timed(bin("tsx"), ["-e", "0"]);
    const codegen = apiNames.map((api) => {
      const run = timed(bin("tsx"), ["scripts/generate-client-types.ts", api, "--check"]);
      if (!run.ok) notes.push(`codegen --check of ${api} exited non-zero (generated files stale, or an error): ${run.output.trim().split("\n")[0]}`);
      return { api, seconds: run.seconds, ok: run.ok };
    });
    return {
      measuredAt: new Date().toISOString(),
      environment: describeEnvironment(),
      method:
        "Cold: `turbo run build` with `--cache-dir` pointing at a new empty directory, so every task runs (the " +
        "repository's own cache is neither read nor written). Warm: the same command right after. Codegen: " +
        "`tsx scripts/generate-client-types.ts <api> --check`, which runs the whole generation in memory " +
        "(openapi-typescript and the operations map) and compares instead of writing; wall time of the process, " +
        "including tsx start, whose baseline (`tsx -e 0`) is given beside it.",
      cold: { seconds: cold.seconds, ...summary(cold.output), ok: cold.ok },
      warm: { seconds: warm.seconds, ...summary(warm.output), ok: warm.ok, notCached: misses },
      codegen,
      tsxBaselineSeconds: baseline.seconds,
      notes,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

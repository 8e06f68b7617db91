// Runs the Redocly CLI pinned in the root package.json, with telemetry off and the config at the root
// (or another config, for commands such as `diff` that need rules the lint config does not carry).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "./apis.ts";

const require = createRequire(import.meta.url);
const redoclyBin = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin/cli.js");

// Redocly 2.77 prints a boxed "Node.js 20 support is ending" notice on every run; nothing turns it off,
// and it would bury the lint output, so it is cut from what we pass on.
const nodeSupportBox = /^\s*╔[\s\S]*?╝\s*$/m;

export interface RedoclyResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface RedoclyOptions {
  /** A Redocly config file to use instead of the root redocly.yaml. */
  config?: string;
}

export function runRedocly(args: string[], options: RedoclyOptions = {}): RedoclyResult {
  const config = options.config ?? path.join(repoRoot, "redocly.yaml");
  const result = spawnSync(process.execPath, [redoclyBin, ...args, "--config", config], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  if (result.error) throw result.error;
  return {
    status: result.status ?? 1,
    stdout: result.stdout.replace(nodeSupportBox, "").trim(),
    stderr: result.stderr.replace(nodeSupportBox, "").trim(),
  };
}

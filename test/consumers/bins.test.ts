// The mock's command through npx, as the README shows it: from the installed tarball in the consumer
// app, and in this repository after `npm ci`. npm is pointed at a closed registry and told to stay
// offline, so a bin that is not linked fails here instead of falling through to the public registry
// (where anyone could publish a package of that name).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, inject, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";
import { run } from "./lib/run.ts";

const app = inject("consumerApp");
const mockPackage = inject("publicPackages").find((pkg) => pkg.name === "@managed-redis/mock")!;
const noRegistry = { npm_config_registry: "http://127.0.0.1:9/", npm_config_offline: "true" };
const bins = Object.entries((JSON.parse(readFileSync(path.join(mockPackage.dir, "package.json"), "utf8")) as { bin: Record<string, string> }).bin);

it("the mock has one bin, a committed file outside dist/ (so npm links it before any build)", () => {
  expect(bins).toHaveLength(1);
  const [, target] = bins[0]!;
  expect(target.startsWith("dist/")).toBe(false);
  expect(readFileSync(path.join(mockPackage.dir, target), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
});

describe.each([
  { where: "the consumer app (installed from the tarball)", cwd: app.dir },
  { where: "this repository (after npm ci)", cwd: repoRoot },
])("npx in $where", ({ cwd }) => {
  it("`npx @managed-redis/mock --help` prints the usage", async () => {
    const { stdout } = await run("npx", ["@managed-redis/mock", "--help"], { cwd, env: noRegistry, timeoutMs: 60_000 });
    expect(stdout).toContain("npx @managed-redis/mock [--api NAME]");
  });

  it("`npx <bin> --version` prints the package's version", async () => {
    const { stdout } = await run("npx", [bins[0]![0], "--version"], { cwd, env: noRegistry, timeoutMs: 60_000 });
    expect(stdout.trim()).toBe(mockPackage.version);
  });
});

it("in the repository, the linked bin is the committed shim", () => {
  const [name, target] = bins[0]!;
  expect(realpathSync(path.join(repoRoot, "node_modules", ".bin", name))).toBe(realpathSync(path.join(mockPackage.dir, target)));
});

it("the shim says in one line what to do when the mock is not built yet", async () => {
  const copy = mkdtempSync(path.join(os.tmpdir(), "mock-bin-"));
  try {
    const [, target] = bins[0]!;
    cpSync(path.join(mockPackage.dir, target), path.join(copy, target));
    cpSync(path.join(mockPackage.dir, "package.json"), path.join(copy, "package.json"));
    const result = await run(process.execPath, [path.join(copy, target), "--help"], { cwd: copy, allowFailure: true });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^managed-redis-mock: the mock is not built yet; run `npx turbo run build --filter=@managed-redis\/mock` first$/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

/** Whether any process of the group is left. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

it("`npx @managed-redis/mock --api … --port 0` from the installed tarball serves the API and stops on SIGTERM", async () => {
  const child = spawn("npx", ["@managed-redis/mock", "--api", "kakaocloud-redis", "--port", "0"], {
    cwd: app.dir,
    env: { ...process.env, ...noRegistry },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: npx, the shell and node all get the signal
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let url = "";
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the mock printed no URL within 60 s")), 60_000);
      createInterface({ input: child.stdout! }).on("line", (line) => {
        const match = /^kakaocloud-redis\s+(http:\/\/\S+)$/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on("exit", (code) => reject(new Error(`the mock exited with ${code} before printing its URL`)));
    });
    const response = await fetch(`${url}/v1/clusters`, { headers: { "X-Auth-Token": "any" } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { clusters: unknown[] }).clusters.length).toBeGreaterThan(0);
  } finally {
    process.kill(-child.pid!, "SIGTERM");
  }
  await exited;
  // npx itself dies of the signal; what matters is that the mock closed its server and left no process.
  await expect.poll(() => groupAlive(child.pid!), { timeout: 10_000 }).toBe(false);
  await expect(fetch(`${url}/v1/clusters`)).rejects.toThrow();
});

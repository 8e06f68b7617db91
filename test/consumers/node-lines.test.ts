// The smoke tests under every Node line the packages claim in `engines`: every package through
// `import` and through `require`, each client calling the mock started from the installed
// @managed-redis/mock, and a client trusting a CA over TLS. Other lines' binaries come from the npm
// registry's `node` package (lib/node-lines.ts).
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "../../scripts/lib/apis.ts";
import { claimedNodeLines } from "./lib/node-lines.ts";
import { run } from "./lib/run.ts";

const app = inject("consumerApp");
const packages = inject("publicPackages");
const clientOptions = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", "clients.json"), "utf8")) as Record<string, Record<string, string>>;
const clients = packages.filter((pkg) => pkg.api !== null);
const engines = packages.map((pkg) => pkg.engines).filter((range): range is string => range !== null);
const lines = claimedNodeLines(engines);

const smokeDir = path.join(app.runDir, "smoke");
cpSync(path.join(import.meta.dirname, "fixtures", "smoke"), smokeDir, { recursive: true });
const tlsFixtures = path.join(repoRoot, "packages", "redis-enterprise", "test", "fixtures");
const services = { alert_mgr: { status: "RUNNING", start_time: "2024-05-13T18:38:00Z", uptime: "3 days, 0:58:59" } };
const plan = {
  packages: packages.map((pkg) => pkg.name),
  clients: clients.map((pkg) => ({ name: pkg.name, api: pkg.api, options: clientOptions[pkg.api!] })),
  // The Redis Enterprise client is the one with a `ca` option (its cluster signs its own certificate).
  tls: {
    name: "@managed-redis/redis-enterprise",
    options: clientOptions["redis-enterprise"],
    path: "/v1/local/services",
    body: services,
    certFile: path.join(tlsFixtures, "localhost-cert.pem"),
    keyFile: path.join(tlsFixtures, "localhost-key.pem"),
  },
};

/** A step of the smoke script that threw. */
type Thrown = { thrown: string };

interface SmokeResult {
  node: string;
  exports: Record<string, string[] | Thrown>;
  calls: Record<string, { factory: string; path: string; status: number; hasData: boolean; error: unknown } | Thrown>;
  tls: { status: number; data: unknown } | Thrown;
}

async function smoke(binary: string, script: string): Promise<SmokeResult> {
  const { stdout } = await run(binary, [script], { cwd: smokeDir, env: { SMOKE_PLAN: JSON.stringify(plan) }, timeoutMs: 120_000 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as SmokeResult;
}

/** What `require` and `import` of one package must agree on: its named exports (or why it did not load). */
const namedExports = (names: readonly string[] | Thrown | undefined) =>
  Array.isArray(names) ? names.filter((name) => name !== "default" && name !== "__esModule" && name !== "module.exports") : names;

it("tests every Node line the packages claim, from the lowest", () => {
  expect(clients.map((pkg) => pkg.api)).toEqual(expect.arrayContaining(Object.keys(clientOptions).filter((key) => !key.startsWith("$"))));
  expect(clients.every((pkg) => clientOptions[pkg.api!] !== undefined)).toBe(true);
  const lowest = Math.min(...engines.map((range) => Number(/\d+/.exec(range)![0])));
  expect(lines[0]!.major).toBe(lowest);
  expect(lines.map((line) => line.major)).toEqual([...new Set(lines.map((line) => line.major))].sort((a, b) => a - b));
});

describe.each(lines)("Node $version", (line) => {
  // Settled here and read by each test: a script that crashed fails the tests that need it, by name.
  let runs: PromiseSettledResult<SmokeResult>[] = [];
  const outcome = (index: 0 | 1): SmokeResult => {
    const run = runs[index]!;
    if (run.status === "rejected") throw run.reason;
    return run.value;
  };
  const esm = () => outcome(0);
  const cjs = () => outcome(1);
  beforeAll(async () => {
    const binary = await line.binary();
    runs = await Promise.allSettled([smoke(binary, "smoke.mjs"), smoke(binary, "smoke.cjs")]);
  });

  it("runs the smoke tests under this line", () => {
    expect([esm().node, cjs().node]).toEqual([`v${line.version}`, `v${line.version}`]);
  });

  it("imports every package", () => {
    for (const pkg of packages) expect(namedExports(esm().exports[pkg.name]), pkg.name).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it("requires every package, with the same named exports as import", () => {
    for (const pkg of packages) expect(namedExports(cjs().exports[pkg.name]), pkg.name).toEqual(namedExports(esm().exports[pkg.name]));
  });

  it.each(clients)("$name calls the mock through import", (pkg) => {
    expect(esm().calls[pkg.name]).toMatchObject({ status: 200, hasData: true, error: null });
  });

  it.each(clients)("$name calls the mock through require", (pkg) => {
    expect(cjs().calls[pkg.name]).toMatchObject({ status: 200, hasData: true, error: null });
  });

  it("trusts a self-signed certificate given as `ca` (Redis Enterprise), through import and require", () => {
    expect(esm().tls).toEqual({ status: 200, data: services });
    expect(cjs().tls).toEqual({ status: 200, data: services });
  });
});

// The smoke tests under every Node line the packages claim in `engines`: every package through
// `import` and through `require` as its `exports` offer it (a main entry, and each declared subpath: the
// spec packages are data, JSON and YAML documents, loaded and resolved as their users do), each client
// calling the mock started from the installed @managed-redis/mock, and a client trusting a CA over TLS.
// Other lines' binaries come from the npm registry's `node` package (lib/node-lines.ts).
import { cpSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";
import { claimedNodeLines } from "./lib/node-lines.ts";
import { entryPointsOf, type EntryPoints } from "./lib/public-packages.ts";
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
// What a client's method throws for a 404 with a request id, in the build of each module system (done-when of #15).
const methodErrorOf404 = { name: "NotFoundError", notFound: true, apiError: true, status: 404, requestId: "r1", headerRequestId: "r1", operationId: expect.any(String) };
const services = { alert_mgr: { status: "RUNNING", start_time: "2024-05-13T18:38:00Z", uptime: "3 days, 0:58:59" } };
/** Where each package is installed in the app, and what its installed manifest's `exports` offer. */
const installed = packages.map((pkg) => {
  const dir = realpathSync(path.join(app.dir, "node_modules", pkg.name));
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { exports?: unknown };
  return { ...pkg, installedDir: dir, ...entryPointsOf(pkg.name, manifest) } satisfies EntryPoints & Record<string, unknown>;
});
const withMain = installed.filter((pkg) => pkg.main);
const plan = {
  packages: installed.map(({ name, main, subpaths }) => ({ name, main, subpaths })),
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

interface LoadedSubpath {
  /** The file the specifier resolved to. */
  resolved: string;
  /** A JSON file, loaded: its digest and what it says it is. */
  json?: { sha256: string; name?: string; version?: string; openapi?: string; infoVersion?: string };
  /** Code, loaded: its named exports. */
  exports?: string[];
}

interface SmokeResult {
  node: string;
  /** The main entry of each package that has one. */
  exports: Record<string, string[] | Thrown>;
  /** Each package's declared subpaths. */
  subpaths: Record<string, Record<string, LoadedSubpath | Thrown>>;
  calls: Record<string, { factory: string; path: string; status: number; hasData: boolean; error: unknown; methodResolvedTheSameBody: boolean; methodError: unknown } | Thrown>;
  tls: { status: number; data: unknown } | Thrown;
}

async function smoke(binary: string, script: string): Promise<SmokeResult> {
  const { stdout } = await run(binary, [script], { cwd: smokeDir, env: { SMOKE_PLAN: JSON.stringify(plan) }, timeoutMs: 120_000 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as SmokeResult;
}

/** What `require` and `import` of one package must agree on: its named exports (or why it did not load). */
const namedExports = (names: readonly string[] | Thrown | undefined) =>
  Array.isArray(names) ? names.filter((name) => name !== "default" && name !== "__esModule" && name !== "module.exports") : names;

it("finds something to load in every package: a main entry, or the files its exports name", () => {
  for (const pkg of installed) expect(pkg.main || pkg.subpaths.some((entry) => entry.subpath !== "./package.json"), pkg.name).toBe(true);
  // The spec packages are data: no main entry, documents by name.
  expect(installed.filter((pkg) => !pkg.main).map((pkg) => pkg.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^@managed-redis\/spec-/)]));
});

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

  it("imports every package that has a main entry", () => {
    for (const pkg of withMain) expect(namedExports(esm().exports[pkg.name]), pkg.name).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it("requires every package that has a main entry, with the same named exports as import", () => {
    for (const pkg of withMain) expect(namedExports(cjs().exports[pkg.name]), pkg.name).toEqual(namedExports(esm().exports[pkg.name]));
  });

  it("resolves every declared subpath through import to the file it names, and loads it (JSON with `with { type: \"json\" }`)", () => {
    for (const pkg of installed) {
      for (const entry of pkg.subpaths) {
        const loaded = esm().subpaths[pkg.name]?.[entry.subpath];
        expect(loaded, entry.specifier).toMatchObject({ resolved: path.join(pkg.installedDir, entry.target) });
        if (entry.kind === "json") expect((loaded as LoadedSubpath).json?.sha256, entry.specifier).toMatch(/^[0-9a-f]{64}$/);
        if (entry.kind === "module") expect((loaded as LoadedSubpath).exports, entry.specifier).toEqual(expect.arrayContaining([expect.any(String)]));
      }
    }
  });

  it("resolves and loads every declared subpath through require (require of JSON, require.resolve of the rest) the same as import", () => {
    for (const pkg of installed) expect(cjs().subpaths[pkg.name], pkg.name).toEqual(esm().subpaths[pkg.name]);
  });

  it("each package's ./package.json export is its manifest, at its version", () => {
    for (const pkg of installed.filter((candidate) => candidate.subpaths.some((entry) => entry.subpath === "./package.json"))) {
      expect((esm().subpaths[pkg.name]?.["./package.json"] as LoadedSubpath).json, pkg.name).toMatchObject({ name: pkg.name, version: pkg.version });
    }
  });

  it("each OpenAPI document a package exports is the spec at the package's version, its YAML the same document as its JSON", () => {
    const documents = installed.flatMap((pkg) => pkg.subpaths.map((entry) => ({ pkg, entry, loaded: esm().subpaths[pkg.name]?.[entry.subpath] as LoadedSubpath })));
    const json = documents.filter(({ loaded }) => loaded.json?.openapi !== undefined);
    const yaml = documents.filter(({ entry }) => /\.ya?ml$/.test(entry.target));
    expect(json.length, "JSON documents").toBeGreaterThanOrEqual(3);
    expect(yaml.length, "YAML documents").toBeGreaterThanOrEqual(3);
    for (const { pkg, entry, loaded } of json) {
      expect(loaded.json, entry.specifier).toMatchObject({ openapi: expect.stringMatching(/^3\.1\./), infoVersion: pkg.version });
    }
    for (const { pkg, entry, loaded } of yaml) {
      const document = parseYaml(readFileSync(loaded.resolved, "utf8")) as { openapi?: string; info?: { version?: string } };
      expect(document.info?.version, entry.specifier).toBe(pkg.version);
      // The JSON export of the same name holds the same document.
      const twin = json.find((candidate) => candidate.pkg === pkg && candidate.entry.subpath === entry.subpath.replace(/\.ya?ml$/, ".json"));
      expect(twin, `${entry.specifier} has a JSON twin`).toBeDefined();
      expect(document, entry.specifier).toEqual(JSON.parse(readFileSync(twin!.loaded.resolved, "utf8")));
    }
  });

  it.each(clients)("$name calls the mock through import", (pkg) => {
    expect(esm().calls[pkg.name]).toMatchObject({ status: 200, hasData: true, error: null, methodResolvedTheSameBody: true, methodError: methodErrorOf404 });
  });

  it.each(clients)("$name calls the mock through require", (pkg) => {
    expect(cjs().calls[pkg.name]).toMatchObject({ status: 200, hasData: true, error: null, methodResolvedTheSameBody: true, methodError: methodErrorOf404 });
  });

  it("trusts a self-signed certificate given as `ca` (Redis Enterprise), through import and require", () => {
    expect(esm().tls).toEqual({ status: 200, data: services });
    expect(cjs().tls).toEqual({ status: 200, data: services });
  });
});

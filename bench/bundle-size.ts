// Bundle size: a tiny entry per client (import the factory, use it) bundled for the browser with esbuild,
// minified, then gzipped; against the same entry for openapi-fetch's createClient alone. esbuild resolves
// each package's browser build ("import" condition; the Redis Enterprise client's "node" build is for
// Node only), and a Node built-in in a browser bundle is an error, as it is for a user. The same bundles
// are built, run and sized from the packed tarballs with esbuild and Vite by test/consumers.
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, transform, type Metafile, type Plugin } from "esbuild";
import { describeEnvironment } from "./lib/environment.ts";
import { repoRoot } from "./lib/paths.ts";
import { progress } from "./lib/progress.ts";
import type { BundleBreakdown, BundleRow, BundleSection } from "./lib/results.ts";
import { round } from "./lib/stats.ts";

const LIMIT_BYTES = 7_000; // "≤ 7 kB min+gz", kB = 1,000 bytes: the target set before the per-operation methods
// The targets proposed with the methods (bench/RESULTS.md says why): a client with every method bound, and an
// app that imports one operation's function and the base client.
const FULL_LIMIT_BYTES = 10_000;
const ONE_METHOD_LIMIT_BYTES = 9_000;
const REFERENCE = "openapi-fetch alone";
const kB = (value: number) => `${(value / 1000).toFixed(2)} kB`;

type Kind = "reference" | "client" | "base" | "one-method";

/** Per client: the factory with every method, the base factory (no method), and a one-method app. */
const clients = [
  { name: "@managed-redis/kakaocloud-redis", factory: "createKakaoCloudRedisClient", base: "createKakaoCloudRedisBaseClient", method: "listClusters" },
  { name: "@managed-redis/exoscale-dbaas-valkey", factory: "createExoscaleValkeyClient", base: "createExoscaleValkeyBaseClient", method: "getDbaasServiceValkey" },
  { name: "@managed-redis/redis-enterprise", factory: "createRedisEnterpriseClient", base: "createRedisEnterpriseBaseClient", method: "listLocalServices" },
];

const entries: { name: string; kind: Kind; source: string }[] = [
  { name: REFERENCE, kind: "reference", source: `import createClient from "openapi-fetch"; console.log(createClient);` },
  ...clients.flatMap(({ name, factory, base, method }) => [
    { name, kind: "client" as const, source: `import { ${factory} } from "${name}"; console.log(${factory});` },
    { name: `${name}, base client (no method)`, kind: "base" as const, source: `import { ${base} } from "${name}"; console.log(${base});` },
    {
      name: `${name}, one-method app (${method})`,
      kind: "one-method" as const,
      source: `import { ${base}, ${method} } from "${name}"; console.log(${base}, ${method});`,
    },
  ]),
];

async function bundle(source: string) {
  return build({
    stdin: { contents: source, resolveDir: repoRoot, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
}

// The breakdown bundles the workspace packages from their sources (each package's dist is one file, so
// its metafile cannot say which module a byte came from). The Redis Enterprise client's browser entry is
// src/browser.ts, as its "import" export is dist/browser.js.
const fromSource: Plugin = {
  name: "workspace-sources",
  setup(builder) {
    builder.onResolve({ filter: /^@managed-redis\/(client-runtime|kakaocloud-redis|exoscale-dbaas-valkey|redis-enterprise)$/ }, ({ path: name }) => {
      const dir = name.slice("@managed-redis/".length);
      return { path: path.join(repoRoot, "packages", dir, "src", dir === "redis-enterprise" ? "browser.ts" : "index.ts") };
    });
  },
};

/** "packages/kakaocloud-redis/src/auth.ts" → "client src/auth.ts"; runtime modules by file name; packages by name. */
function moduleName(input: string): string {
  const runtime = /^packages\/client-runtime\/src\/(.+)$/.exec(input);
  if (runtime) return `runtime ${runtime[1]}`;
  const vendor = /^packages\/(?:kakaocloud-redis|exoscale-dbaas-valkey|redis-enterprise)\/(src\/.+)$/.exec(input);
  if (vendor) return `client ${vendor[1]}`;
  if (input.startsWith("packages/spec-facts/")) return "@managed-redis/spec-facts (path matcher)";
  return packageOf(input);
}

/**
 * Each module's share of a bundle's min+gz: the bundle is built with identifiers and syntax minified but
 * whitespace kept (esbuild then marks where each module starts), each module's part is whitespace-minified,
 * and the parts are gzipped cumulatively in bundle order: a module's figure is what it adds to the gzip of
 * everything before it. The figures add up to the whole; a module late in the bundle gains from earlier
 * repeats, so compare one module across bundles rather than two modules in one.
 */
async function breakdownOf(entry: string, source: string): Promise<BundleBreakdown> {
  const result = await build({
    stdin: { contents: source, resolveDir: repoRoot, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    minifyIdentifiers: true,
    minifySyntax: true,
    write: false,
    logLevel: "silent",
    plugins: [fromSource],
  });
  const parts = result.outputFiles[0]!.text.split(/^\/\/ (.+)$/m);
  const totals = new Map<string, { minBytes: number; gzipBytes: number }>();
  let sofar = "";
  let gzipped = gzipSync("", { level: 9 }).byteLength;
  for (let index = 1; index < parts.length; index += 2) {
    const code = (await transform(parts[index + 1]!, { minifyWhitespace: true, loader: "js" })).code;
    sofar += code;
    const next = gzipSync(sofar, { level: 9 }).byteLength;
    const module = moduleName(parts[index]!);
    const total = totals.get(module) ?? { minBytes: 0, gzipBytes: 0 };
    totals.set(module, { minBytes: total.minBytes + Buffer.byteLength(code), gzipBytes: total.gzipBytes + next - gzipped });
    gzipped = next;
  }
  const modules = [...totals]
    .filter(([module, { minBytes }]) => module !== "entry.js" && minBytes > 0)
    .map(([module, sizes]) => ({ module, ...sizes }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { entry, gzipBytes: gzipped, modules };
}

/** "node_modules/openapi-fetch/dist/x.js" → "openapi-fetch"; "packages/kakaocloud-redis/dist/index.js" → "@managed-redis/kakaocloud-redis". */
function packageOf(input: string): string {
  const inNodeModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (inNodeModules) return inNodeModules[1]!;
  const inWorkspace = /^packages\/([^/]+)\//.exec(input);
  if (inWorkspace) return `@managed-redis/${inWorkspace[1]}`;
  return input;
}

function bytesByPackage(metafile: Metafile): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).filter((entry) => entry.bytes > 0).sort((a, b) => b.bytes - a.bytes);
}

export async function measureBundleSize(): Promise<BundleSection> {
  const rows: BundleRow[] = [];
  const kinds = new Map<BundleRow, Kind>();
  const notes: string[] = [];
  for (const entry of entries) {
    progress(`bundle size: ${entry.name}`);
    const result = await bundle(entry.source);
    const code = result.outputFiles[0]!.contents;
    rows.push({
      entry: entry.name,
      minBytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
      gzipRatio: null,
      byPackage: bytesByPackage(result.metafile),
      warnings: result.warnings.map((warning) => warning.text),
    });
    kinds.set(rows.at(-1)!, entry.kind);
  }
  const breakdown: BundleBreakdown[] = [];
  for (const { name, factory, base, method } of clients) {
    const short = name.replace("@managed-redis/", "");
    progress(`bundle breakdown: ${short}`);
    breakdown.push(await breakdownOf(`${short}, one-method app`, `import { ${base}, ${method} } from "${name}"; console.log(${base}, ${method});`));
    breakdown.push(await breakdownOf(`${short}, full client`, `import { ${factory} } from "${name}"; console.log(${factory});`));
  }
  const reference = rows.find((row) => row.entry === REFERENCE)!;
  for (const row of rows) row.gzipRatio = round(row.gzipBytes / reference.gzipBytes, 2);

  const ofKind = (kind: Kind) => rows.filter((row) => kinds.get(row) === kind);
  const target = (name: string, limit: number, measuredRows: BundleRow[]) => {
    const over = measuredRows.filter((row) => row.gzipBytes > limit);
    return {
      name,
      limit: `≤ ${limit.toLocaleString("en-US")} bytes`,
      met: over.length === 0,
      measured: measuredRows.map((row) => `${row.entry.replace("@managed-redis/", "")} ${kB(row.gzipBytes)}`).join(", "),
      note:
        over.length === 0
          ? `largest: ${measuredRows.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a)).entry}`
          : `missed by ${over.map((row) => `${row.entry} (${kB(row.gzipBytes)})`).join(", ")}.`,
    };
  };
  const byName = new Map(rows.map((row) => [row.entry, row]));
  for (const { name } of clients) {
    const full = byName.get(name)!;
    const base = [...byName.values()].find((row) => row.entry.startsWith(`${name}, base`))!;
    const one = [...byName.values()].find((row) => row.entry.startsWith(`${name}, one-method`))!;
    notes.push(
      `${name}: the full client (every method bound${name.includes("redis-enterprise") ? "" : ", and the waiter"}) costs ${kB(full.gzipBytes - base.gzipBytes)} min+gz over the base client; one operation's function costs ${kB(one.gzipBytes - base.gzipBytes)}.`,
    );
  }
  notes.push(
    "Why the 7 kB target is missed, and the proposed ones: the base client alone (no method) is already over 7 kB; most of it " +
      "is the client runtime (retries with backoff and Retry-After, same-origin redirects, timeouts, the streamed response " +
      "size limit, redaction and the error classes, bundled for every client), which no method adds to. Getting under 7 kB " +
      "would mean dropping some of those, not the methods. The methods themselves cost about 1.25 kB for KakaoCloud's 16 " +
      "operations and 0.35 kB for an app that imports one. The proposed ceilings (every method ≤ 10 kB, one-method app ≤ 9 kB) " +
      "leave about 0.3–0.7 kB of room, so that a regression in the runtime or the generated code shows here.",
  );
  return {
    measuredAt: new Date().toISOString(),
    environment: describeEnvironment(),
    method:
      "esbuild (bundle, platform browser, format esm, minify) of a one-line entry that imports the factory (or the base " +
      "factory, or the base factory and one operation's function) and logs it, so nothing it imports is tree-shaken " +
      "away; gzip level 9 with node:zlib. Sizes in bytes; kB = 1,000 bytes.",
    rows,
    breakdown,
    breakdownMethod:
      "Per module, the min+gz bytes it adds (minified bytes in brackets), for the one-method app and the full client of " +
      "each API. Built from the packages' sources (each dist is one file) with esbuild's module markers: identifiers " +
      "and syntax minified, each module's part whitespace-minified, and the parts gzipped cumulatively in bundle order, " +
      "so a module's figure is what it adds to everything before it and the column adds up to the total (within a few " +
      "bytes of the dist build's figure above). `runtime` is @managed-redis/client-runtime, `client` the API's package.",
    notes,
    targets: [
      target("≤ 7 kB min+gz per client with auth (set before the methods)", LIMIT_BYTES, ofKind("client")),
      target("≤ 10 kB min+gz per client with every method (proposed)", FULL_LIMIT_BYTES, ofKind("client")),
      target("≤ 9 kB min+gz for a one-method app (proposed)", ONE_METHOD_LIMIT_BYTES, ofKind("one-method")),
    ],
  };
}

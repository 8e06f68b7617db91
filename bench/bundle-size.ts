// Bundle size: a tiny entry per client (import the factory, use it) bundled for the browser with esbuild,
// minified, then gzipped; against the same entry for openapi-fetch's createClient alone. esbuild resolves
// each package's browser build ("import" condition; the Redis Enterprise client's "node" build is for
// Node only), and a Node built-in in a browser bundle is an error, as it is for a user. The same bundles
// are built, run and sized from the packed tarballs with esbuild and Vite by test/consumers.
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { describeEnvironment } from "./lib/environment.ts";
import { repoRoot } from "./lib/paths.ts";
import { progress } from "./lib/progress.ts";
import type { BundleRow, BundleSection } from "./lib/results.ts";
import { round } from "./lib/stats.ts";

const LIMIT_BYTES = 7_000; // "≤ 7 kB min+gz", kB = 1,000 bytes
const REFERENCE = "openapi-fetch alone";
const kB = (value: number) => `${(value / 1000).toFixed(2)} kB`;

const entries: { name: string; source: string }[] = [
  { name: REFERENCE, source: `import createClient from "openapi-fetch"; console.log(createClient);` },
  {
    name: "@managed-redis/kakaocloud-redis",
    source: `import { createKakaoCloudRedisClient } from "@managed-redis/kakaocloud-redis"; console.log(createKakaoCloudRedisClient);`,
  },
  {
    name: "@managed-redis/exoscale-dbaas-valkey",
    source: `import { createExoscaleValkeyClient } from "@managed-redis/exoscale-dbaas-valkey"; console.log(createExoscaleValkeyClient);`,
  },
  {
    name: "@managed-redis/redis-enterprise",
    source: `import { createRedisEnterpriseClient } from "@managed-redis/redis-enterprise"; console.log(createRedisEnterpriseClient);`,
  },
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
  }
  const reference = rows.find((row) => row.entry === REFERENCE)!;
  for (const row of rows) row.gzipRatio = round(row.gzipBytes / reference.gzipBytes, 2);

  const clients = rows.filter((row) => row.entry !== REFERENCE);
  const over = clients.filter((row) => row.gzipBytes > LIMIT_BYTES);
  return {
    measuredAt: new Date().toISOString(),
    environment: describeEnvironment(),
    method:
      "esbuild (bundle, platform browser, format esm, minify) of a one-line entry that imports the factory and " +
      "logs it, so nothing is tree-shaken away; gzip level 9 with node:zlib. Sizes in bytes; kB = 1,000 bytes.",
    rows,
    notes,
    targets: [
      {
        name: "≤ 7 kB min+gz per client with auth",
        limit: "≤ 7,000 bytes",
        met: over.length === 0,
        measured: clients.map((row) => `${row.entry.replace("@managed-redis/", "")} ${kB(row.gzipBytes)}`).join(", "),
        note:
          over.length === 0
            ? `largest: ${clients.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a)).entry}`
            : `missed by ${over.map((row) => `${row.entry} (${kB(row.gzipBytes)})`).join(", ")}.`,
      },
    ],
  };
}

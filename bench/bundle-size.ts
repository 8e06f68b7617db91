// Bundle size: a tiny entry per client (import the factory, use it) bundled for the browser with esbuild,
// minified, then gzipped; against the same entry for openapi-fetch's createClient alone.
import { builtinModules } from "node:module";
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

// "node:*" also covers prefix-only modules (node:sqlite) that builtinModules does not list on Node 20.
const nodeBuiltins = [...builtinModules, "node:*"];

async function bundle(source: string, externalNodeBuiltins: boolean, externalPackages: string[] = []) {
  return build({
    stdin: { contents: source, resolveDir: repoRoot, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    external: [...(externalNodeBuiltins ? nodeBuiltins : []), ...externalPackages],
  });
}

/** "node_modules/undici/lib/x.js" → "undici"; "packages/kakaocloud-redis/dist/index.js" → "@managed-redis/kakaocloud-redis". */
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
    let externalNodeBuiltins = false;
    let result;
    const warnings: string[] = [];
    try {
      result = await bundle(entry.source, false);
    } catch (error) {
      const messages = (error as { errors?: { text: string }[] }).errors?.map((e) => e.text) ?? [String(error)];
      const unresolvedBuiltins = [...new Set(messages.flatMap((text) => /Could not resolve "(node:[^"]+|[a-z_]+)"/.exec(text)?.[1] ?? []))];
      if (unresolvedBuiltins.length === 0) throw error;
      externalNodeBuiltins = true;
      warnings.push(`esbuild could not resolve Node built-ins for the browser (${unresolvedBuiltins.join(", ")}); bundled again with them external`);
      result = await bundle(entry.source, true);
    }
    const code = result.outputFiles[0]!.contents;
    const gzip = gzipSync(code, { level: 9 });
    rows.push({
      entry: entry.name,
      minBytes: code.byteLength,
      gzipBytes: gzip.byteLength,
      gzipRatio: null,
      externalNodeBuiltins,
      byPackage: bytesByPackage(result.metafile),
      warnings,
    });
  }
  // What the Redis Enterprise client would weigh without undici: the size the fix below would give.
  const withUndici = rows.filter((row) => row.byPackage.some((entry) => entry.name === "undici"));
  for (const row of withUndici) {
    const source = entries.find((entry) => entry.name === row.entry)!.source;
    progress(`bundle size: ${row.entry} with undici left out`);
    const result = await bundle(source, true, ["undici"]);
    const code = result.outputFiles[0]!.contents;
    rows.push({
      entry: `${row.entry} (undici external: what a browser build without it would weigh)`,
      minBytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
      gzipRatio: null,
      externalNodeBuiltins: true,
      byPackage: bytesByPackage(result.metafile),
      warnings: [],
    });
  }
  const reference = rows.find((row) => row.entry === REFERENCE)!;
  for (const row of rows) row.gzipRatio = round(row.gzipBytes / reference.gzipBytes, 2);

  const clients = rows.filter((row) => row.entry !== REFERENCE && !row.entry.includes("undici external"));
  for (const row of clients) {
    const undici = row.byPackage.find((entry) => entry.name === "undici");
    if (undici) {
      notes.push(
        `${row.entry} pulls undici into a browser bundle (${undici.bytes.toLocaleString("en")} bytes of the minified output, ` +
          `${row.byPackage.length} packages in all), because dist/index.js imports it statically for the \`ca\` / ` +
          `\`insecureSkipTlsVerify\` options; esbuild cannot resolve undici's Node built-ins for the browser, so they ` +
          `were marked external — the bundle would not run in a browser as is. What would close it: keep the undici ` +
          `transport out of the browser build (a "browser" export condition mapping tls.js to a stub that rejects ` +
          `\`ca\`, or load undici with a dynamic import() only when \`ca\` or \`insecureSkipTlsVerify\` is given).`,
      );
    }
  }
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
            : `missed by ${over.map((row) => `${row.entry} (${kB(row.gzipBytes)})`).join(", ")}: undici is in the bundle (see the notes of the bundle section).`,
      },
    ],
  };
}

// Each client bundled for the browser from the installed package, as a frontend app does: an app entry
// that imports the client's factory, built with esbuild and with Vite (an app build from index.html). No
// Node built-in may be needed (esbuild fails on one, Vite warns and stubs it), no undici; the bundle then
// runs and calls the mock. Sizes (minified, gzip -9) are printed and written to
// test-artifacts/consumers/bundle-sizes.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build as esbuild } from "esbuild";
import { build as viteBuild, createLogger } from "vite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";

const app = inject("consumerApp");
const clients = inject("publicPackages").filter((pkg) => pkg.api !== null);
const clientOptions = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", "clients.json"), "utf8")) as Record<string, Record<string, string>>;
const requireFromApp = createRequire(path.join(app.dir, "package.json"));
const importFromApp = (name: string) => import(pathToFileURL(requireFromApp.resolve(name)).href) as Promise<Record<string, unknown>>;

interface MockModule {
  startMock(options: { api: string; port: number; logLevel: string }): Promise<{ url: string; close(): Promise<void> }>;
  bundledSpecPath(api: string): string;
}

interface SizeRow {
  package: string;
  bundler: "esbuild" | "vite";
  minBytes: number;
  gzipBytes: number;
}
const sizes: SizeRow[] = [];

afterAll(() => {
  if (sizes.length === 0) return;
  const dir = path.join(repoRoot, "test-artifacts", "consumers");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "bundle-sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
  console.log(
    ["browser bundles of the installed clients (minified / gzip -9):", ...sizes.map((row) => `  ${row.package.padEnd(38)} ${row.bundler.padEnd(8)} ${String(row.minBytes).padStart(7)} B / ${String(row.gzipBytes).padStart(6)} B`)].join("\n"),
  );
});

/** The one `create…Client` export of a client package (not its `create…BaseClient`, which binds no method). */
async function factoryName(name: string): Promise<string> {
  const factories = Object.keys(await importFromApp(name)).filter((key) => /^create\w+Client$/.test(key) && !key.endsWith("BaseClient"));
  expect(factories, `${name}'s client factories`).toHaveLength(1);
  return factories[0]!;
}

describe.each(clients)("$name in a browser bundle", (pkg) => {
  const dir = path.join(app.runDir, "bundles", pkg.api!);
  const entry = path.join(dir, "main.js");
  // The app hands the factory to the test through a global: an app bundle exports nothing.
  const globalName = `consumerClient_${pkg.api!.replace(/\W/g, "_")}`;
  let mock: { url: string; close(): Promise<void> };
  let path_: string;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    const factory = await factoryName(pkg.name);
    writeFileSync(entry, `import { ${factory} } from "${pkg.name}";\nglobalThis.${globalName} = ${factory};\n`);
    writeFileSync(path.join(dir, "index.html"), `<!doctype html>\n<script type="module" src="./main.js"></script>\n`);
    const mockModule = (await importFromApp("@managed-redis/mock")) as unknown as MockModule;
    mock = await mockModule.startMock({ api: pkg.api!, port: 0, logLevel: "silent" });
    const spec = JSON.parse(readFileSync(mockModule.bundledSpecPath(pkg.api!), "utf8")) as { paths: Record<string, { get?: unknown }> };
    path_ = Object.keys(spec.paths).find((template) => spec.paths[template]!.get && !template.includes("{"))!;
  });
  afterAll(() => mock?.close());

  /** Imports the bundle into this (Node) process and calls the mock with it: the bundle works, not only builds. */
  async function callWith(bundle: string): Promise<number> {
    await import(pathToFileURL(bundle).href);
    const createClient = (globalThis as Record<string, unknown>)[globalName] as (options: object) => { GET(path: string): Promise<{ response: Response }> };
    delete (globalThis as Record<string, unknown>)[globalName];
    const { response } = await createClient({ ...clientOptions[pkg.api!], baseUrl: mock.url, retry: false }).GET(path_);
    return response.status;
  }

  it("bundles with esbuild for the browser, without Node built-ins or undici, and the bundle calls the mock", async () => {
    const result = await esbuild({
      entryPoints: [entry],
      absWorkingDir: dir,
      bundle: true,
      platform: "browser",
      format: "esm",
      minify: true,
      metafile: true,
      outfile: path.join(dir, "esbuild.js"),
      logLevel: "silent",
    });
    expect(result.warnings).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => /node_modules\/undici\/|^node:/.test(input))).toEqual([]);
    expect(inputs.some((input) => input.includes(`node_modules/${pkg.name}/dist/`))).toBe(true);
    const code = readFileSync(path.join(dir, "esbuild.js"));
    sizes.push({ package: pkg.name, bundler: "esbuild", minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength });
    expect(await callWith(path.join(dir, "esbuild.js"))).toBe(200);
  });

  it("bundles with Vite (an app build) without a warning, and the bundle calls the mock", async () => {
    const warnings: string[] = [];
    const logger = createLogger("warn", { allowClearScreen: false });
    logger.warn = (message) => void warnings.push(message);
    logger.warnOnce = (message) => void warnings.push(message);
    logger.info = () => {};
    const outDir = path.join(dir, "vite");
    // No modulepreload polyfill: it reads `document`, and the bundle is run here in Node.
    const build = { outDir, emptyOutDir: true, minify: true, modulePreload: { polyfill: false } };
    await viteBuild({ configFile: false, root: dir, logLevel: "warn", customLogger: logger, build });
    expect(warnings).toEqual([]);
    const scripts = readdirSync(path.join(outDir, "assets")).filter((file) => file.endsWith(".js"));
    expect(scripts).toHaveLength(1);
    const bundle = path.join(outDir, "assets", scripts[0]!);
    const code = readFileSync(bundle);
    expect(code.toString()).not.toMatch(/\bfrom\s*["'](?:undici|node:)|\bimport\(\s*["'](?:undici|node:)/);
    sizes.push({ package: pkg.name, bundler: "vite", minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength });
    expect(await callWith(bundle)).toBe(200);
  });
});

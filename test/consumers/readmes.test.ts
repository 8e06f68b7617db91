// Every ```ts example of every package README, as published in the package, type-checked as written
// (nothing rewritten) in the consumer app: strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess.
// Every ```js example (the spec packages' READMEs have them) runs as written, as an ES module in the app.
// A README that imports a third-party package must tell the reader to install it.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, inject, it } from "vitest";
import { readmeCodeBlocks, readmeTypeScriptBlocks } from "@managed-redis/test-support/readme-blocks";
import { importedPackages, installedByReadme } from "./lib/readme-imports.ts";
import { run } from "./lib/run.ts";

const app = inject("consumerApp");
const packages = inject("publicPackages");
const dir = path.join(app.runDir, "readmes");
mkdirSync(dir, { recursive: true });

const examples = packages.flatMap((pkg) => {
  const readme = readFileSync(path.join(app.dir, "node_modules", pkg.name, "README.md"), "utf8");
  return readmeTypeScriptBlocks(readme).map((block) => {
    const file = path.join(dir, `${pkg.name.replace(/\W+/g, "-")}-${block.index}.ts`);
    // `export {}` makes a block a module (top-level await is allowed), without changing what it says.
    writeFileSync(file, `${block.code}\nexport {};\n`);
    return { pkg, readme, block, file };
  });
});

// A project that runs in Node and in the browser (msw's examples use both), as strict as it gets.
const program = ts.createProgram(
  examples.map((example) => example.file),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: ["node"],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
  },
);
const diagnostics = ts.getPreEmitDiagnostics(program);

const scripts = packages.flatMap((pkg) => {
  const readme = readFileSync(path.join(app.dir, "node_modules", pkg.name, "README.md"), "utf8");
  return readmeCodeBlocks(readme, "js").map((block) => {
    const file = path.join(dir, `${pkg.name.replace(/\W+/g, "-")}-${block.index}.mjs`);
    writeFileSync(file, block.code);
    return { pkg, readme, block, file, title: `${pkg.name} script ${block.index} (${block.heading})` };
  });
});

/** Whether an example imports only the package, what its README tells the reader to install, and what comes with it. */
function unannouncedImports(pkg: { name: string }, readme: string, code: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(app.dir, "node_modules", pkg.name, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const available = new Set([pkg.name, ...installedByReadme(readme), ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
  return importedPackages(code).filter((name) => !available.has(name));
}

it("finds the examples of the package READMEs", () => {
  expect(examples.length).toBeGreaterThanOrEqual(10);
  // The spec packages show how to load their documents in JavaScript.
  expect(new Set(scripts.map((script) => script.pkg.name)).size).toBeGreaterThanOrEqual(3);
});

describe.each(examples.map((example) => ({ ...example, title: `${example.pkg.name} example ${example.block.index} (${example.block.heading})` })))("$title", ({ pkg, readme, file }) => {
  it("type-checks as written", () => {
    const own = diagnostics.filter((diagnostic) => diagnostic.file?.fileName === file);
    expect(ts.formatDiagnostics(own, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => dir, getNewLine: () => "\n" })).toBe("");
  });

  it("imports only packages the reader is told to install or that come with the package", () => {
    expect(unannouncedImports(pkg, readme, readFileSync(file, "utf8"))).toEqual([]);
  });
});

describe.each(scripts)("$title", ({ pkg, readme, file }) => {
  it("runs as written", async () => {
    const result = await run(process.execPath, [file], { cwd: dir, timeoutMs: 60_000, allowFailure: true });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toBe("");
  });

  it("imports only packages the reader is told to install or that come with the package", () => {
    expect(unannouncedImports(pkg, readme, readFileSync(file, "utf8"))).toEqual([]);
  });
});

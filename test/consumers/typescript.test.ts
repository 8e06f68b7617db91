// The clients' types as a TypeScript user gets them from the installed packages: strict, with
// exactOptionalPropertyTypes and noUncheckedIndexedAccess, the libraries' own .d.ts checked too
// (skipLibCheck off), under each moduleResolution a project uses. Each fixture is compiled as ESM (.ts
// in a "type": "module" app) and as CommonJS (.cts), so both the .d.ts and the .d.cts are read.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, inject, it } from "vitest";

const app = inject("consumerApp");
const clients = inject("publicPackages").filter((pkg) => pkg.api !== null);
const fixtureDir = path.join(import.meta.dirname, "fixtures", "types");

/** A Node project (Node's types, no DOM) for node16 and nodenext; a browser project (DOM, no Node types) for bundler. */
const resolutions = {
  node16: { module: "node16", moduleResolution: "node16", lib: ["es2022"], types: ["node"] },
  nodenext: { module: "nodenext", moduleResolution: "nodenext", lib: ["es2022"], types: ["node"] },
  bundler: { module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom", "dom.iterable"], types: [] },
} as const;

function compile(resolution: keyof typeof resolutions): { files: string[]; diagnostics: string; program: ts.Program } {
  const dir = path.join(app.runDir, `types-${resolution}`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const fixture of readdirSync(fixtureDir)) {
    for (const extension of [".ts", ".cts"]) {
      const file = path.join(dir, fixture.replace(/\.ts$/, extension));
      copyFileSync(path.join(fixtureDir, fixture), file);
      files.push(file);
    }
  }
  const compilerOptions = {
    ...resolutions[resolution],
    target: "es2022",
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    noEmit: true,
  };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files }, null, 2));
  const config = ts.getParsedCommandLineOfConfigFile(path.join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(config.fileNames, config.options);
  const diagnostics = ts.formatDiagnostics(ts.getPreEmitDiagnostics(program), {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => dir,
    getNewLine: () => "\n",
  });
  return { files: program.getSourceFiles().map((file) => file.fileName), diagnostics, program };
}

it("has a type fixture for every client", () => {
  expect(readdirSync(fixtureDir).sort()).toEqual(clients.map((pkg) => `${pkg.api}.ts`).sort());
});

describe.each(Object.keys(resolutions) as (keyof typeof resolutions)[])("moduleResolution %s", (resolution) => {
  const result = compile(resolution);

  it("compiles every client's fixture, and every expected error is still an error", () => {
    expect(result.diagnostics).toBe("");
  });

  it("reads the installed packages' declarations (ESM and CJS), not the repository's sources", () => {
    const ours = result.files.filter((file) => file.includes("/node_modules/@managed-redis/"));
    for (const pkg of clients) {
      const declarations = ours.filter((file) => file.includes(`/node_modules/${pkg.name}/`));
      expect(declarations.some((file) => file.endsWith(".d.ts")), pkg.name).toBe(true);
      expect(declarations.some((file) => file.endsWith(".d.cts")), pkg.name).toBe(true);
    }
    expect(result.files.filter((file) => file.includes("/packages/") && !file.includes("/node_modules/"))).toEqual([]);
  });

  it("shows each method's summary, docs link and errors on hover, from the installed declarations", () => {
    const checker = result.program.getTypeChecker();
    // Each fixture exports the type of its client (`…ClientForDocs`); hover text is the property's documentation.
    const hover = (fixture: string, typeName: string, method: string) => {
      const file = result.program.getSourceFiles().find((source) => source.fileName.endsWith(`/${fixture}.ts`))!;
      const alias = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((symbol) => symbol.name === typeName)!;
      const property = checker.getDeclaredTypeOfSymbol(alias).getProperty(method)!;
      const tags = property.getJsDocTags(checker).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`);
      return [ts.displayPartsToString(property.getDocumentationComment(checker)), ...tags].join("\n");
    };
    const listClusters = hover("kakaocloud-redis", "KakaoClientForDocs", "listClusters");
    expect(listClusters).toMatch(/^List clusters\n/);
    expect(listClusters).toContain("@see");
    expect(listClusters).toContain("kakaocloud-redis/#tag/clusters/listClusters");
    expect(listClusters).toContain("@throws {ServerError} 500");
    expect(hover("exoscale-dbaas-valkey", "ExoscaleClientForDocs", "getDbaasServiceValkey")).toMatch(/^Get a DBaaS Valkey service\n/);
    expect(hover("redis-enterprise", "RedisEnterpriseClientForDocs", "listLocalServices")).toMatch(/^List the services of the local node\n/);
  });
});

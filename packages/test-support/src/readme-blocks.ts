// Runs the ```ts examples of a package's README, so that README and code cannot drift: each block is
// written to a temporary module (importing the package's source instead of its published name),
// type-checked with the package's compiler options, then imported, i.e. run. test/consumers type-checks
// the same blocks as published, strictly. Test code only.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface ReadmeBlock {
  /** 1-based position among the README's ```ts blocks. */
  index: number;
  /** The first line of the README section the block is in. */
  heading: string;
  file: string;
}

export interface ReadmeCode {
  /** 1-based position among the README's blocks of its language. */
  index: number;
  /** The first line of the README section the block is in. */
  heading: string;
  code: string;
}

/** The ```ts blocks of a README's text, each with the heading of its section. */
export function readmeTypeScriptBlocks(readme: string): ReadmeCode[] {
  return readmeCodeBlocks(readme, "ts");
}

/** The blocks of one language (```ts, ```js ...) of a README's text, each with the heading of its section. */
export function readmeCodeBlocks(readme: string, language: string): ReadmeCode[] {
  const blocks: ReadmeCode[] = [];
  const pattern = new RegExp(`^(#+ .*)$|^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gm");
  let heading = "";
  for (let match = pattern.exec(readme); match; match = pattern.exec(readme)) {
    if (match[1]) {
      heading = match[1].replace(/^#+ /, "");
      continue;
    }
    blocks.push({ index: blocks.length + 1, heading, code: match[2] ?? "" });
  }
  return blocks;
}

/** Extracts the README's ```ts blocks into `<packageDir>/test/.readme-blocks/`, rewriting the package import. */
export function extractReadmeBlocks(packageDir: string, packageName: string): ReadmeBlock[] {
  const readme = readFileSync(path.join(packageDir, "README.md"), "utf8");
  const outDir = path.join(packageDir, "test", ".readme-blocks");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const source = path.join(packageDir, "src", "index.js");
  return readmeTypeScriptBlocks(readme).map(({ index, heading, code }) => {
    const file = path.join(outDir, `block-${index}.ts`);
    const rewritten = code.split(`from "${packageName}"`).join(`from ${JSON.stringify(path.relative(outDir, source).replace(/^(?!\.)/, "./"))}`);
    // `export {}` makes every block a module, so top-level await is allowed in it as in the README.
    writeFileSync(file, `${rewritten}\nexport {};\n`);
    return { index, heading, file };
  });
}

/** Type-checks the blocks with the package's tsconfig; returns the diagnostics as text (empty when fine). */
export function typecheckReadmeBlocks(packageDir: string, blocks: readonly ReadmeBlock[]): string {
  const configPath = path.join(packageDir, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram(blocks.map((block) => block.file), { ...config.options, noEmit: true });
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((diagnostic) => blocks.some((block) => block.file === diagnostic.file?.fileName));
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => packageDir, getNewLine: () => "\n" });
}

export function removeReadmeBlocks(packageDir: string): void {
  rmSync(path.join(packageDir, "test", ".readme-blocks"), { recursive: true, force: true });
}

// What a README's examples import from outside this repository: those packages must be installed for
// the examples to compile, and the README must tell the reader to install them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { readmeCodeBlocks, type ReadmeCode } from "@managed-redis/test-support/readme-blocks";
import type { PublicPackage } from "./public-packages.ts";

/** The README's TypeScript and JavaScript examples. */
export function readmeBlocks(pkg: PublicPackage): ReadmeCode[] {
  const readme = readFileSync(path.join(pkg.dir, "README.md"), "utf8");
  return [...readmeCodeBlocks(readme, "ts"), ...readmeCodeBlocks(readme, "js")];
}

/** The package a bare import specifier names: `msw/node` → `msw`, `@scope/name/sub` → `@scope/name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Bare specifiers imported by the code (static and dynamic imports, re-exports), without Node built-ins. */
export function importedPackages(code: string): string[] {
  const found = new Set<string>();
  const pattern = /\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;
  for (const match of code.matchAll(pattern)) {
    const specifier = match[1] ?? match[2] ?? match[3]!;
    if (specifier.startsWith(".") || specifier.startsWith("node:")) continue;
    found.add(packageNameOf(specifier));
  }
  return [...found];
}

/** Packages named by the README's `npm install …` commands, in shell blocks or inline code. */
export function installedByReadme(readme: string): Set<string> {
  const names = new Set<string>();
  for (const [, args] of readme.matchAll(/\bnpm (?:install|i|add)\s+([^`\n]+)/g)) {
    for (const arg of args!.trim().split(/\s+/)) {
      if (arg.startsWith("#")) break;
      if (arg.startsWith("-")) continue;
      names.add(packageNameOf(arg.replace(/(?!^)@[^/]*$/, "")));
    }
  }
  return names;
}

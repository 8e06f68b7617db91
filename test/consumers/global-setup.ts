// Packs every public package and installs the tarballs into a scratch app outside the repository (see
// lib/consumer-app.ts), once for all the files of the suite. Each run works in a folder of its own
// inside that app, removed at the end.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "@managed-redis/tooling/apis";
import { prepareConsumerApp } from "./lib/consumer-app.ts";
import { importedPackages, readmeBlocks } from "./lib/readme-imports.ts";
import { apiOf, isClientPackage, publicPackages, type PublicPackage } from "./lib/public-packages.ts";

export interface ProvidedPackage {
  name: string;
  version: string;
  dir: string;
  /** The API of a client package (its folder name), null for the others. */
  api: string | null;
  engines: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    consumerApp: { dir: string; runDir: string; tarballs: Record<string, string>; thirdParty: Record<string, string>; installed: boolean; packMs: number; installMs: number };
    publicPackages: ProvidedPackage[];
  }
}

/**
 * The third-party packages the app gets beside ours, at the versions this repository pins (so the
 * suite tests what the repository tests): @types/node for the TypeScript checks, each package's peer
 * dependencies, and whatever a README example imports.
 */
function thirdPartyPins(packages: readonly PublicPackage[]): Record<string, string> {
  const pins = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies;
  const ours = new Set(packages.map((pkg) => pkg.name));
  const wanted = new Set(["@types/node"]);
  for (const pkg of packages) {
    for (const peer of Object.keys(pkg.manifest.peerDependencies ?? {})) wanted.add(peer);
    for (const block of readmeBlocks(pkg)) for (const name of importedPackages(block.code)) if (!ours.has(name)) wanted.add(name);
  }
  return Object.fromEntries(
    [...wanted].sort().map((name) => {
      const version = pins[name];
      if (!version) throw new Error(`${name} (imported by a README example or a peer dependency) has no pinned version in the root package.json's devDependencies`);
      return [name, version];
    }),
  );
}

export default async function setup(project: TestProject) {
  const packages = publicPackages();
  const app = await prepareConsumerApp(packages, thirdPartyPins(packages));
  const runDir = mkdtempSync(path.join(app.dir, "run-"));
  console.log(`consumer app: ${app.dir} (${app.installed ? "installed" : "reused from the cache"}; pack ${app.packMs} ms, install ${app.installMs} ms)`);
  project.provide("consumerApp", { ...app, runDir });
  project.provide(
    "publicPackages",
    packages.map((pkg) => ({ name: pkg.name, version: pkg.version, dir: pkg.dir, api: isClientPackage(pkg) ? apiOf(pkg) : null, engines: pkg.manifest.engines?.node ?? null })),
  );
  return () => rmSync(runDir, { recursive: true, force: true });
}

// The packages a user can install: every workspace that npm would publish, found from the root
// package.json's workspaces (nothing listed by hand), and among them the API clients.
import path from "node:path";
import { repoRoot } from "@managed-redis/tooling/apis";
import { isPublishable, listWorkspaces, type WorkspaceManifest } from "@managed-redis/tooling/workspaces";

export interface PublicPackage {
  name: string;
  version: string;
  /** Absolute path of the workspace. */
  dir: string;
  manifest: WorkspaceManifest & { engines?: { node?: string }; dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
}

export function publicPackages(): PublicPackage[] {
  return listWorkspaces(repoRoot)
    .filter(isPublishable)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version!, dir: path.join(repoRoot, dir), manifest }));
}

const runtimePackage = "@managed-redis/client-runtime";

/** An API client: a package built on the shared client runtime. Its API is its folder's name, as in specs/. */
export function isClientPackage(pkg: PublicPackage): boolean {
  return pkg.name !== runtimePackage && Boolean(pkg.manifest.dependencies?.[runtimePackage]);
}

export function apiOf(pkg: PublicPackage): string {
  return path.basename(pkg.dir);
}

/** How a subpath's file is loaded: as JSON (import with `type: "json"`, require), as code, or only resolved. */
export type EntryKind = "json" | "module" | "file";

export interface SubpathExport {
  /** The key in `exports`, e.g. `./openapi.json`. */
  subpath: string;
  /** What a user writes: `@scope/name/openapi.json`. */
  specifier: string;
  /** The file it points at, relative to the package (the first target of its conditions, types aside). */
  target: string;
  kind: EntryKind;
}

export interface EntryPoints {
  /** Whether `import "<name>"` has something to load: a "." export (or no `exports` at all). */
  main: boolean;
  /** Every subpath that `exports` declares by name (patterns with `*` name no file of their own). */
  subpaths: SubpathExport[];
}

function firstTarget(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (!value || typeof value !== "object") return undefined;
  for (const [condition, nested] of Object.entries(value)) {
    if (condition === "types") continue;
    const target = firstTarget(nested);
    if (target) return target;
  }
  return undefined;
}

const kindOf = (target: string): EntryKind => (target.endsWith(".json") ? "json" : /\.[cm]?js$/.test(target) ? "module" : "file");

/** What a manifest's `exports` offers a user: a main entry, and the files it names. */
export function entryPointsOf(name: string, manifest: { exports?: unknown }): EntryPoints {
  const exports = manifest.exports;
  if (exports === undefined || typeof exports === "string") return { main: true, subpaths: [] };
  const keys = Object.keys(exports as object);
  // An object of conditions (`{ "import": ..., "require": ... }`) is the main entry's.
  if (!keys.some((key) => key.startsWith("."))) return { main: true, subpaths: [] };
  const subpaths = keys
    .filter((key) => key.startsWith("./") && !key.includes("*"))
    .flatMap((subpath) => {
      const target = firstTarget((exports as Record<string, unknown>)[subpath]);
      return target ? [{ subpath, specifier: `${name}/${subpath.slice(2)}`, target, kind: kindOf(target) }] : [];
    });
  return { main: keys.includes("."), subpaths };
}

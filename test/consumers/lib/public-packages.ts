// The packages a user can install: every workspace that npm would publish, found from the root
// package.json's workspaces (nothing listed by hand), and among them the API clients.
import path from "node:path";
import { repoRoot } from "../../../scripts/lib/apis.ts";
import { isPublishable, listWorkspaces, type WorkspaceManifest } from "../../../scripts/lib/workspaces.ts";

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

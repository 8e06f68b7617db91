// The npm workspaces of a repository (root package.json `workspaces`, globs of the form "dir/*" or
// "dir/name"), with their manifests. Used by scripts that act on every package, e.g. release-publish.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface WorkspaceManifest {
  name: string;
  version?: string;
  private?: boolean;
  files?: string[];
  [key: string]: unknown;
}

export interface Workspace {
  /** Path relative to the repository root, with forward slashes, e.g. "packages/mock". */
  dir: string;
  manifest: WorkspaceManifest;
}

export function readManifest(file: string): WorkspaceManifest {
  return JSON.parse(readFileSync(file, "utf8")) as WorkspaceManifest;
}

export function listWorkspaces(root: string): Workspace[] {
  const rootManifest = readManifest(path.join(root, "package.json")) as { workspaces?: string[] | { packages?: string[] } };
  const patterns = Array.isArray(rootManifest.workspaces) ? rootManifest.workspaces : (rootManifest.workspaces?.packages ?? []);
  const dirs = patterns.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [pattern];
    const parent = pattern.slice(0, -2);
    if (!existsSync(path.join(root, parent))) return [];
    return readdirSync(path.join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
  return dirs
    .filter((dir) => existsSync(path.join(root, dir, "package.json")))
    .sort()
    .map((dir) => ({ dir, manifest: readManifest(path.join(root, dir, "package.json")) }));
}

/** A workspace npm would publish: named, versioned and not private. */
export function isPublishable(workspace: Workspace): boolean {
  return Boolean(workspace.manifest.name && workspace.manifest.version && workspace.manifest.private !== true);
}

// `repository`, `homepage` and `bugs` of the published packages, written at publish time from the
// repository that builds them (GitHub Actions' GITHUB_SERVER_URL and GITHUB_REPOSITORY). The manifests
// carry none in git: this project has no public home yet, and npm's provenance check rejects a
// `repository.url` that is not the repository the workflow ran in, so the building repository is the
// only true value.
import type { WorkspaceManifest } from "../workspaces.ts";

export interface RepositoryMetadata {
  repository: { type: "git"; url: string; directory: string };
  homepage: string;
  bugs: { url: string };
}

export function repositoryMetadata(serverUrl: string, repository: string, directory: string): RepositoryMetadata {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/.test(repository)) throw new Error(`GITHUB_REPOSITORY must be owner/name; got "${repository}"`);
  let server: URL;
  try {
    server = new URL(serverUrl);
  } catch {
    throw new Error(`GITHUB_SERVER_URL must be a URL; got "${serverUrl}"`);
  }
  if (server.protocol !== "https:") throw new Error(`GITHUB_SERVER_URL must be https; got "${serverUrl}"`);
  const base = `${server.origin}/${repository}`;
  return {
    repository: { type: "git", url: `git+${base}.git`, directory },
    homepage: `${base}/tree/main/${directory}#readme`,
    bugs: { url: `${base}/issues` },
  };
}

/** The manifest with the metadata after `license` (where npm's docs list it), other keys in their order. */
export function withRepositoryMetadata(manifest: WorkspaceManifest, metadata: RepositoryMetadata): WorkspaceManifest {
  const entries = Object.entries(manifest).filter(([key]) => !(key in metadata));
  const at = entries.findIndex(([key]) => key === "license");
  entries.splice(at === -1 ? entries.length : at + 1, 0, ...Object.entries(metadata));
  return Object.fromEntries(entries) as WorkspaceManifest;
}

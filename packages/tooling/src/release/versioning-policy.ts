// The versioning policy (RELEASING.md), as a check that `npm test` runs (scripts/check-versions.ts) and
// `release:publish` repeats before it publishes anything:
//   - each spec is a public package, @managed-redis/spec-<api>, and its `info.version` is that package's
//     version;
//   - the client @managed-redis/<api> has the same version as its spec, kept equal by a changesets `fixed`
//     group, and is generated from exactly that spec version (its devDependency);
//   - every public package has a CHANGELOG.md with a section for its current version.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { apiNames, type ApiName } from "../apis.ts";
import { isPublishable, listWorkspaces, type Workspace, type WorkspaceManifest } from "../workspaces.ts";
import { hasVersionSection } from "./changelog.ts";
import { readInfoVersion } from "./info-version.ts";

export const specPackageOf = (api: ApiName) => `@managed-redis/spec-${api}`;
export const clientPackageName = (api: ApiName) => `@managed-redis/${api}`;

export interface ReleaseState {
  root: string;
  workspaces: Workspace[];
  /** `info.version` of specs/<api>/openapi.yaml, or the reason it could not be read. */
  infoVersions: Record<string, { version: string } | { error: string }>;
  /** `fixed` of .changeset/config.json. */
  fixedGroups: string[][];
  /** CHANGELOG.md of each workspace directory that has one. */
  changelogs: Record<string, string>;
}

export interface PolicyViolation {
  rule: "spec-package" | "info-version" | "client-version" | "fixed-group" | "generated-from" | "changelog";
  /** The file to change. */
  file: string;
  message: string;
}

export function readReleaseState(root: string, apis: readonly ApiName[] = apiNames): ReleaseState {
  const workspaces = listWorkspaces(root);
  const infoVersions: ReleaseState["infoVersions"] = {};
  for (const api of apis) {
    const file = path.join(root, "specs", api, "openapi.yaml");
    try {
      infoVersions[api] = { version: readInfoVersion(readFileSync(file, "utf8"), `specs/${api}/openapi.yaml`) };
    } catch (error) {
      infoVersions[api] = { error: (error as Error).message };
    }
  }
  const configFile = path.join(root, ".changeset", "config.json");
  const config = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, "utf8")) as { fixed?: unknown }) : {};
  const fixedGroups = Array.isArray(config.fixed) ? config.fixed.filter((group): group is string[] => Array.isArray(group)) : [];
  const changelogs: Record<string, string> = {};
  for (const { dir } of workspaces) {
    const file = path.join(root, dir, "CHANGELOG.md");
    if (existsSync(file)) changelogs[dir] = readFileSync(file, "utf8");
  }
  return { root, workspaces, infoVersions, fixedGroups, changelogs };
}

function find(state: ReleaseState, name: string): Workspace | undefined {
  return state.workspaces.find((workspace) => workspace.manifest.name === name);
}

const dependencyOn = (manifest: WorkspaceManifest, name: string) =>
  (["dependencies", "devDependencies"] as const)
    .map((field) => (manifest[field] as Record<string, string> | undefined)?.[name])
    .find((range) => range !== undefined);

export function checkVersioningPolicy(state: ReleaseState, apis: readonly ApiName[] = apiNames): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  for (const api of apis) {
    const specName = specPackageOf(api);
    const clientName = clientPackageName(api);
    const spec = find(state, specName);
    const client = find(state, clientName);
    const specManifest = `specs/${api}/package.json`;
    if (!spec) {
      violations.push({ rule: "spec-package", file: specManifest, message: `no workspace is named ${specName}: the ${api} spec is published as that package` });
      continue;
    }
    if (!isPublishable(spec)) {
      violations.push({ rule: "spec-package", file: `${spec.dir}/package.json`, message: `${specName} is private or has no version: the spec is published, so other generators can depend on a version` });
    }
    const info = state.infoVersions[api];
    if (!info || "error" in info) {
      violations.push({ rule: "info-version", file: `specs/${api}/openapi.yaml`, message: info?.error ?? "not read" });
    } else if (info.version !== spec.manifest.version) {
      violations.push({
        rule: "info-version",
        file: `specs/${api}/openapi.yaml`,
        message: `info.version is ${info.version} but ${specName} is ${spec.manifest.version}: the document's version is its package's version (release:version writes it)`,
      });
    }
    if (!client) {
      violations.push({ rule: "client-version", file: `packages/${api}/package.json`, message: `no workspace is named ${clientName}` });
      continue;
    }
    if (client.manifest.version !== spec.manifest.version) {
      violations.push({
        rule: "client-version",
        file: `${client.dir}/package.json`,
        message: `${clientName} is ${client.manifest.version} but its spec ${specName} is ${spec.manifest.version}: a client has its spec's version`,
      });
    }
    if (!state.fixedGroups.some((group) => group.includes(clientName) && group.includes(specName))) {
      violations.push({
        rule: "fixed-group",
        file: ".changeset/config.json",
        message: `no \`fixed\` group holds both ${clientName} and ${specName}: without it a changeset for one would version it alone`,
      });
    }
    const generatedFrom = dependencyOn(client.manifest, specName);
    if (generatedFrom !== spec.manifest.version) {
      violations.push({
        rule: "generated-from",
        file: `${client.dir}/package.json`,
        message: `${clientName} depends on ${specName}@${generatedFrom ?? "(nothing)"}, not on ${spec.manifest.version}: the client is generated from exactly its spec's version`,
      });
    }
  }
  for (const workspace of state.workspaces.filter(isPublishable)) {
    const { name, version } = workspace.manifest;
    const changelog = state.changelogs[workspace.dir];
    if (changelog === undefined) {
      violations.push({ rule: "changelog", file: `${workspace.dir}/CHANGELOG.md`, message: `${name} has no CHANGELOG.md: users read what changed in it there` });
    } else if (!hasVersionSection(changelog, version!)) {
      violations.push({ rule: "changelog", file: `${workspace.dir}/CHANGELOG.md`, message: `${name}'s CHANGELOG.md has no "## ${version}" section for its current version` });
    }
    if (!(workspace.manifest.files ?? ["CHANGELOG.md"]).includes("CHANGELOG.md")) {
      violations.push({ rule: "changelog", file: `${workspace.dir}/package.json`, message: `${name}'s \`files\` leaves CHANGELOG.md out of the package (npm does not add it by itself)` });
    }
  }
  return violations;
}

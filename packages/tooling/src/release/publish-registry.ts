// Where `changeset publish` sends each package, and the guard that keeps a rehearsal on this machine.
//
// changesets 2.31 (getCorrectRegistry in @changesets/cli) picks, for a scoped package: publishConfig's
// "@scope:registry", else the environment's npm_config_@scope:registry, else publishConfig.registry, else
// npm_config_registry, else the public registry; it passes that to `npm publish` in the environment. npm
// itself lets a scoped registry in any .npmrc win over `registry`. The guard asks both: the rule above and
// npm's effective configuration, and accepts only the rehearsal's registry, on a loopback address.
import type { WorkspaceManifest } from "../workspaces.ts";

export const PUBLIC_REGISTRY = "https://registry.npmjs.org/";
const publicRegistries = ["https://registry.npmjs.org", "https://registry.yarnpkg.com"];

/** The environment variable that puts `release:publish` in rehearsal mode: the only registry it may publish to. */
export const REHEARSAL_REGISTRY_VARIABLE = "MANAGED_REDIS_REHEARSAL_REGISTRY";

type Environment = Record<string, string | undefined>;

export function normalizeRegistry(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** The registry `changeset publish` publishes this package to, by changesets' own rule (above). */
export function changesetsPublishRegistry(manifest: WorkspaceManifest, env: Environment): string {
  const publishConfig = (manifest.publishConfig ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  if (manifest.name.startsWith("@")) {
    const scope = manifest.name.split("/")[0]!;
    const scoped = text(publishConfig[`${scope}:registry`]) ?? text(env[`npm_config_${scope}:registry`]);
    if (scoped) return normalizeRegistry(scoped);
  }
  const registry = text(publishConfig.registry) ?? text(env.npm_config_registry);
  if (!registry || publicRegistries.includes(registry.replace(/\/$/, ""))) return PUBLIC_REGISTRY;
  return normalizeRegistry(registry);
}

/** http(s) on 127.0.0.0/8, ::1 or localhost: a registry this machine runs. */
export function isLoopbackRegistry(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (parsed.username || parsed.password) return false;
  const host = parsed.hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface PublishTarget {
  name: string;
  /** By changesets' rule. */
  changesets: string;
  /** By npm's effective configuration (`npm config get`), for the package's scope. */
  npm: string | undefined;
}

/**
 * Why publishing must not go ahead, one line each; empty when it may. Every package must go to the
 * expected registry by both rules; in a rehearsal that registry must be on this machine. No manifest
 * may name a registry: the environment chooses it.
 */
export function publishGuardProblems(manifests: readonly WorkspaceManifest[], targets: readonly PublishTarget[], rehearsalRegistry: string | undefined): string[] {
  const problems: string[] = [];
  for (const manifest of manifests) {
    const publishConfig = (manifest.publishConfig ?? {}) as Record<string, unknown>;
    const named = Object.keys(publishConfig).filter((key) => key === "registry" || key.endsWith(":registry"));
    if (named.length > 0) problems.push(`${manifest.name}: publishConfig names a registry (${named.join(", ")}); remove it, the environment chooses where to publish`);
  }
  if (rehearsalRegistry === undefined) return problems;
  const expected = normalizeRegistry(rehearsalRegistry);
  if (!isLoopbackRegistry(expected)) {
    problems.push(`${REHEARSAL_REGISTRY_VARIABLE}=${rehearsalRegistry} is not a registry on this machine (loopback http(s) only): a rehearsal never publishes elsewhere`);
    return problems;
  }
  for (const target of targets) {
    if (target.changesets !== expected) problems.push(`${target.name}: changeset publish would publish to ${target.changesets}, not to the rehearsal's ${expected}`);
    if (target.npm !== undefined && normalizeRegistry(target.npm) !== expected) {
      problems.push(`${target.name}: npm's configuration sends it to ${target.npm}, not to the rehearsal's ${expected}`);
    }
  }
  return problems;
}

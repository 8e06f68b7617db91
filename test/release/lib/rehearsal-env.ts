// The environment of every command the rehearsal runs. It keeps PATH, HOME, the CA settings and the like,
// and drops everything that could point npm elsewhere or authenticate it anywhere: the outer npm's
// npm_config_* (its userconfig, cache and registry), tokens, GitHub Actions' variables and provenance.
// npm then reads only the rehearsal's own npmrc (the local registry and its token) and cache.
import { REHEARSAL_REGISTRY_VARIABLE } from "@managed-redis/tooling/release/publish-registry";

const dropped = [
  /^npm_/i, // npm_config_*, npm_lifecycle_*, npm_package_*
  /^(NODE_AUTH_TOKEN|NPM_TOKEN|NPM_CONFIG_.*)$/i,
  /(TOKEN|SECRET|PASSWORD|CREDENTIAL)/i,
  /^(GITHUB_|ACTIONS_|RUNNER_)/,
  /^(TURBO_|VITEST|NODE_OPTIONS$|NODE_ENV$)/,
  new RegExp(`^${REHEARSAL_REGISTRY_VARIABLE}$`),
];

export interface RehearsalEnvOptions {
  registry: string;
  /** The rehearsal's npmrc: the registry and its token, nothing else. */
  userconfig: string;
  cache: string;
  /**
   * The repository's turbo cache, read only: tasks whose inputs the release did not change are restored
   * from what `npm test` just built, as in the release workflow, where publishing follows `npm test`.
   */
  turboCacheDir?: string;
}

export function rehearsalEnv(base: NodeJS.ProcessEnv, { registry, userconfig, cache, turboCacheDir }: RehearsalEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!dropped.some((pattern) => pattern.test(key))) env[key] = value;
  return {
    ...env,
    npm_config_userconfig: userconfig,
    npm_config_registry: registry,
    npm_config_cache: cache,
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    npm_config_provenance: "false",
    [REHEARSAL_REGISTRY_VARIABLE]: registry,
    TURBO_TELEMETRY_DISABLED: "1",
    ...(turboCacheDir ? { TURBO_CACHE_DIR: turboCacheDir, TURBO_CACHE: "local:r" } : {}),
    REDOCLY_TELEMETRY: "off",
    GIT_AUTHOR_NAME: "Release Rehearsal",
    GIT_AUTHOR_EMAIL: "rehearsal@localhost",
    GIT_COMMITTER_NAME: "Release Rehearsal",
    GIT_COMMITTER_EMAIL: "rehearsal@localhost",
  };
}

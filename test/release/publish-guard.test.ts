// The guard of release:publish: a rehearsal publishes to its loopback registry or not at all, no manifest
// chooses a registry, and outside a rehearsal it publishes from GitHub Actions only.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";
import {
  changesetsPublishRegistry,
  isLoopbackRegistry,
  PUBLIC_REGISTRY,
  publishGuardProblems,
  REHEARSAL_REGISTRY_VARIABLE,
} from "@managed-redis/tooling/release/publish-registry";
import { repositoryMetadata, withRepositoryMetadata } from "@managed-redis/tooling/release/repository-metadata";
import { listWorkspaces } from "@managed-redis/tooling/workspaces";

const local = "http://127.0.0.1:4873/";
const manifest = (extra: Record<string, unknown> = {}) => ({ name: "@managed-redis/widgets", version: "1.0.0", ...extra });

describe("where changeset publish sends a package (changesets' rule)", () => {
  it("is the public registry unless told otherwise", () => {
    expect(changesetsPublishRegistry(manifest(), {})).toBe(PUBLIC_REGISTRY);
    expect(changesetsPublishRegistry(manifest(), { npm_config_registry: "https://registry.yarnpkg.com" })).toBe(PUBLIC_REGISTRY);
  });

  it("follows npm_config_registry, then publishConfig.registry, then the scope's registry", () => {
    expect(changesetsPublishRegistry(manifest(), { npm_config_registry: "http://127.0.0.1:4873" })).toBe(local);
    expect(changesetsPublishRegistry(manifest({ publishConfig: { registry: "https://npm.example.test/" } }), { npm_config_registry: local })).toBe("https://npm.example.test/");
    expect(changesetsPublishRegistry(manifest(), { npm_config_registry: local, "npm_config_@managed-redis:registry": PUBLIC_REGISTRY })).toBe(PUBLIC_REGISTRY);
  });
});

describe("a loopback registry", () => {
  it.each([
    ["http://127.0.0.1:4873/", true],
    ["http://127.8.9.10/", true],
    ["http://localhost:4873/", true],
    ["http://[::1]:4873/", true],
    ["https://registry.npmjs.org/", false],
    ["http://10.0.0.1:4873/", false],
    ["http://127.0.0.1.example.test/", false],
    ["http://user:pass@127.0.0.1:4873/", false],
    ["file:///tmp/registry", false],
    ["not a url", false],
  ])("%s → %s", (url, expected) => expect(isLoopbackRegistry(url)).toBe(expected));
});

describe("the guard", () => {
  const target = (changesets: string, npm: string | undefined = changesets) => ({ name: "@managed-redis/widgets", changesets, npm });

  it("lets a rehearsal publish only to its own registry, by both changesets' and npm's reckoning", () => {
    expect(publishGuardProblems([manifest()], [target(local)], local)).toEqual([]);
    expect(publishGuardProblems([manifest()], [target(PUBLIC_REGISTRY, local)], local)).toEqual([
      `@managed-redis/widgets: changeset publish would publish to ${PUBLIC_REGISTRY}, not to the rehearsal's ${local}`,
    ]);
    expect(publishGuardProblems([manifest()], [target(local, PUBLIC_REGISTRY)], local)).toEqual([
      `@managed-redis/widgets: npm's configuration sends it to ${PUBLIC_REGISTRY}, not to the rehearsal's ${local}`,
    ]);
  });

  it("refuses a rehearsal registry that is not on this machine", () => {
    expect(publishGuardProblems([manifest()], [target(PUBLIC_REGISTRY)], PUBLIC_REGISTRY)).toEqual([
      `${REHEARSAL_REGISTRY_VARIABLE}=${PUBLIC_REGISTRY} is not a registry on this machine (loopback http(s) only): a rehearsal never publishes elsewhere`,
    ]);
  });

  it("refuses a manifest that names a registry, rehearsal or not", () => {
    const named = manifest({ publishConfig: { access: "public", "@managed-redis:registry": PUBLIC_REGISTRY } });
    expect(publishGuardProblems([named], [], undefined)).toEqual([
      "@managed-redis/widgets: publishConfig names a registry (@managed-redis:registry); remove it, the environment chooses where to publish",
    ]);
  });
});

describe("npm run release:publish", () => {
  // A stand-in `npm` first on PATH records every call before handing it to the real npm: the proof that a
  // refused publish neither asked the registry (`npm info`) nor published (`npm publish`).
  const bin = mkdtempSync(path.join(os.tmpdir(), "release-publish-guard-"));
  const calls = path.join(bin, "calls.log");
  const realNpm = spawnSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).stdout.trim();
  writeFileSync(path.join(bin, "npm"), `#!/bin/sh\necho "$*" >> "${calls}"\nexec "${realNpm}" "$@"\n`);
  chmodSync(path.join(bin, "npm"), 0o755);
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  const run = (env: Record<string, string>) => {
    rmSync(calls, { force: true });
    const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|GITHUB_|MANAGED_REDIS_)/i.test(key)));
    const result = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), path.join(repoRoot, "scripts/release-publish.ts")], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...base, PATH: `${bin}${path.delimiter}${process.env.PATH}`, ...env },
      timeout: 60_000,
    });
    const npmCalls = existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n") : [];
    return { ...result, npmCalls };
  };

  it("refuses a rehearsal whose npm would publish to the public registry, before asking it anything", () => {
    const result = run({ [REHEARSAL_REGISTRY_VARIABLE]: "http://127.0.0.1:9/", npm_config_registry: PUBLIC_REGISTRY });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("release:publish refuses to publish");
    expect(result.stderr).toContain(`@managed-redis/kakaocloud-redis: changeset publish would publish to ${PUBLIC_REGISTRY}, not to the rehearsal's http://127.0.0.1:9/`);
    expect(result.npmCalls.length).toBeGreaterThan(0); // the guard asked npm for its configuration
    expect(result.npmCalls.filter((call) => !call.startsWith("config get "))).toEqual([]);
    expect(result.stdout).not.toContain("built in");
  });

  it("refuses to run outside GitHub Actions and a rehearsal, unless --allow-local", () => {
    const result = run({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("npm run release:rehearse");
    expect(result.npmCalls).toEqual([]);
  });
});

describe("repository metadata written at publish time", () => {
  it("points at the building repository", () => {
    expect(repositoryMetadata("https://github.com", "acme/managed-redis-apis", "packages/mock")).toEqual({
      repository: { type: "git", url: "git+https://github.com/acme/managed-redis-apis.git", directory: "packages/mock" },
      homepage: "https://github.com/acme/managed-redis-apis/tree/main/packages/mock#readme",
      bugs: { url: "https://github.com/acme/managed-redis-apis/issues" },
    });
  });

  it("refuses what is not owner/name on an https server", () => {
    expect(() => repositoryMetadata("https://github.com", "acme", "packages/mock")).toThrow('GITHUB_REPOSITORY must be owner/name; got "acme"');
    expect(() => repositoryMetadata("http://github.example.test", "acme/x", "packages/mock")).toThrow("GITHUB_SERVER_URL must be https");
  });

  it("goes after `license`, replacing what was there", () => {
    const metadata = repositoryMetadata("https://github.com", "acme/x", "specs/widgets");
    const stamped = withRepositoryMetadata({ name: "w", version: "1.0.0", license: "MIT", homepage: "old", type: "module" }, metadata);
    expect(Object.keys(stamped)).toEqual(["name", "version", "license", "repository", "homepage", "bugs", "type"]);
    expect(stamped.homepage).toBe(metadata.homepage);
  });

  it("is absent from every workspace's manifest in git: the project has no public home yet", () => {
    const workspaces = listWorkspaces(repoRoot);
    expect(workspaces.map(({ dir }) => dir)).toContain("packages/spec-facts");
    const carrying = workspaces.flatMap(({ dir, manifest }) =>
      Object.keys(manifest).filter((key) => ["repository", "homepage", "bugs"].includes(key)).map((key) => `${dir}: ${key}`),
    );
    expect(carrying).toEqual([]);
  });
});

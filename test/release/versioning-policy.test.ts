// The versioning policy (RELEASING.md) and its check: the repository passes, and each rule fails on a
// copy of the repository's manifests, specs and changelogs with one thing broken.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiNames, repoRoot } from "@managed-redis/tooling/apis";
import { checkVersioningPolicy, readReleaseState, type PolicyViolation } from "@managed-redis/tooling/release/versioning-policy";
import { listWorkspaces } from "@managed-redis/tooling/workspaces";

let fixture: string;

/** The files the policy reads, copied from the repository. */
function copyPolicyInputs(to: string): void {
  const files = ["package.json", ".changeset/config.json"];
  for (const { dir } of listWorkspaces(repoRoot)) files.push(`${dir}/package.json`, `${dir}/CHANGELOG.md`);
  for (const api of apiNames) files.push(`specs/${api}/openapi.yaml`);
  for (const file of files) {
    try {
      mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
      cpSync(path.join(repoRoot, file), path.join(to, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error; // private workspaces have no changelog
    }
  }
}

function editJson(file: string, edit: (value: Record<string, any>) => void): void {
  const full = path.join(fixture, file);
  const value = JSON.parse(readFileSync(full, "utf8")) as Record<string, any>;
  edit(value);
  writeFileSync(full, `${JSON.stringify(value, null, 2)}\n`);
}

function editText(file: string, edit: (text: string) => string): void {
  const full = path.join(fixture, file);
  writeFileSync(full, edit(readFileSync(full, "utf8")));
}

const violations = (): PolicyViolation[] => checkVersioningPolicy(readReleaseState(fixture));
const kakaoVersion = () => (JSON.parse(readFileSync(path.join(fixture, "specs/kakaocloud-redis/package.json"), "utf8")) as { version: string }).version;

beforeEach(() => {
  fixture = mkdtempSync(path.join(os.tmpdir(), "versioning-policy-"));
  copyPolicyInputs(fixture);
});
afterEach(() => rmSync(fixture, { recursive: true, force: true }));

describe("the versioning policy", () => {
  it("holds in the repository, and in the copy the other cases break", () => {
    expect(checkVersioningPolicy(readReleaseState(repoRoot))).toEqual([]);
    expect(violations()).toEqual([]);
  });

  it("fails when a spec's info.version is not its package's version", () => {
    editText("specs/kakaocloud-redis/openapi.yaml", (text) => text.replace(/^(  version: ).*$/m, "$19.9.9"));
    expect(violations()).toEqual([
      expect.objectContaining({ rule: "info-version", file: "specs/kakaocloud-redis/openapi.yaml", message: expect.stringContaining(`info.version is 9.9.9 but @managed-redis/spec-kakaocloud-redis is ${kakaoVersion()}`) }),
    ]);
  });

  it("fails when a client's version is not its spec's", () => {
    editJson("packages/exoscale-dbaas-valkey/package.json", (manifest) => (manifest.version = "7.0.0"));
    editText("packages/exoscale-dbaas-valkey/CHANGELOG.md", (text) => `${text}\n## 7.0.0\n`);
    expect(violations()).toEqual([expect.objectContaining({ rule: "client-version", file: "packages/exoscale-dbaas-valkey/package.json" })]);
  });

  it("fails when a spec and its client are not one changesets `fixed` group", () => {
    editJson(".changeset/config.json", (config) => (config.fixed = (config.fixed as string[][]).filter((group) => !group.includes("@managed-redis/redis-enterprise"))));
    expect(violations()).toEqual([expect.objectContaining({ rule: "fixed-group", file: ".changeset/config.json", message: expect.stringContaining("@managed-redis/redis-enterprise") })]);
  });

  it("fails when a client is not generated from its spec's version", () => {
    editJson("packages/kakaocloud-redis/package.json", (manifest) => (manifest.devDependencies["@managed-redis/spec-kakaocloud-redis"] = "0.0.1"));
    expect(violations()).toEqual([expect.objectContaining({ rule: "generated-from", file: "packages/kakaocloud-redis/package.json" })]);
  });

  it("fails when a spec is not a public package", () => {
    editJson("specs/redis-enterprise/package.json", (manifest) => (manifest.private = true));
    expect(violations().map(({ rule }) => rule)).toContain("spec-package");
  });

  it("fails when a public package's changelog has no section for its version, or is left out of the package", () => {
    editText("packages/mock/CHANGELOG.md", (text) => text.replace(/^## /m, "## 0.0.9-not-"));
    editJson("packages/msw/package.json", (manifest) => (manifest.files = (manifest.files as string[]).filter((file) => file !== "CHANGELOG.md")));
    expect(violations()).toEqual([
      expect.objectContaining({ rule: "changelog", file: "packages/mock/CHANGELOG.md" }),
      expect.objectContaining({ rule: "changelog", file: "packages/msw/package.json" }),
    ]);
  });
});

describe("npm run check:versions", () => {
  const check = (root: string) =>
    spawnSync(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), path.join(repoRoot, "scripts/check-versions.ts"), "--root", root], { encoding: "utf8" });

  it("passes on the copy and exits 1 on a mismatch, naming the file and both versions", () => {
    const clean = check(fixture);
    expect(clean.stderr).toBe("");
    expect(clean.status).toBe(0);

    editText("specs/kakaocloud-redis/openapi.yaml", (text) => text.replace(/^(  version: ).*$/m, "$19.9.9"));
    const broken = check(fixture);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("specs/kakaocloud-redis/openapi.yaml: info.version is 9.9.9");
  });

  it("is part of npm test", () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(manifest.scripts.test).toMatch(/\bcheck:versions\b/);
  });
});

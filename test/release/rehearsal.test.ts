// The release rehearsal: exactly what a release does, against a real npm registry on this machine, in a
// copy of the repository. A developer's change (a spec change, the regenerated client, a changeset for one
// client) goes through `npm run release:version` and `npm run release:publish` (the commands of
// .github/workflows/release.yml) to a local Verdaccio; then a scratch app installs the published packages
// from it, calls the client against the mock (both from the registry), runs `npx @managed-redis/mock
// --help`, and reads the published changelogs and spec packages. Everything is torn down at the end, on
// failure too. RELEASING.md describes the steps; `npm run release:rehearse` runs this file alone.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml, parseDocument } from "yaml";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { apiNames, repoRoot } from "@managed-redis/tooling/apis";
import { createRegistryUser, startLocalRegistry, uplinkFromNpmConfig, type LocalRegistry } from "@managed-redis/tooling/release/local-registry";
import { clientPackageName, specPackageOf } from "@managed-redis/tooling/release/versioning-policy";
import { isPublishable, listWorkspaces, readManifest } from "@managed-redis/tooling/workspaces";
import { isAlive, killAllGroups, redact, registerSecret, runCommand, startServer, type Server } from "./lib/commands.ts";
import { rehearsalEnv } from "./lib/rehearsal-env.ts";
import { commitAll, copyWorkingTree, initGit, linkNodeModules } from "./lib/scratch-repo.ts";

const client = clientPackageName("kakaocloud-redis");
const spec = specPackageOf("kakaocloud-redis");
const changesetSummary = `Rehearsal ${randomBytes(4).toString("hex")}: \`listClusters\` takes the optional \`rehearsalTag\` query parameter.`;
const keep = process.env.RELEASE_REHEARSAL_KEEP === "1";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Context {
  work: string;
  repo: string;
  app: string;
  registry: LocalRegistry;
  env: NodeJS.ProcessEnv;
  mock?: Server;
  before: Map<string, string>;
  published: Map<string, string>;
  failed: boolean;
}
let context: Context | undefined;
let work: string | undefined;
const timings: string[] = [];

/** One step of the rehearsal; skipped (not failed again) once a step before it has failed. */
async function step<T>(test: TestContext, name: string, body: (ctx: Context) => Promise<T> | T): Promise<T | undefined> {
  if (!context) throw new Error("the rehearsal did not start (see the first failure)");
  if (context.failed) {
    test.skip("an earlier step of the rehearsal failed");
    return undefined;
  }
  const started = Date.now();
  try {
    return await body(context);
  } catch (error) {
    context.failed = true;
    if (existsSync(context.registry.logFile)) (error as Error).message += `\n--- local registry log\n${redact(readFileSync(context.registry.logFile, "utf8").slice(-4000))}`;
    throw error;
  } finally {
    timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

const npm = (ctx: Context, cwd: string, args: string[], timeoutMs = 120_000, check = true) =>
  runCommand("npm", args, { cwd, env: ctx.env, timeoutMs, check });

async function teardown(): Promise<void> {
  const ctx = context;
  await ctx?.mock?.stop();
  await ctx?.registry.stop();
  killAllGroups();
  if (work && !keep) rmSync(work, { recursive: true, force: true });
}

beforeAll(async () => {
  const started = Date.now();
  work = mkdtempSync(path.join(os.tmpdir(), "release-rehearsal-"));
  const registryDir = path.join(work, "registry");
  mkdirSync(registryDir);
  // The upstream is what npm is configured with here; read before the rehearsal's own npmrc exists.
  const registry = await startLocalRegistry(registryDir, uplinkFromNpmConfig());
  const password = randomBytes(24).toString("hex");
  registerSecret(password);
  const token = await createRegistryUser(registry.url, "rehearsal", password);
  registerSecret(token);
  const npmrc = path.join(work, "npmrc");
  writeFileSync(npmrc, `registry=${registry.url}\n//${new URL(registry.url).host}/:_authToken=${token}\n`, { mode: 0o600 });
  const turboCache = path.join(repoRoot, ".turbo", "cache");
  const env = rehearsalEnv(process.env, {
    registry: registry.url,
    userconfig: npmrc,
    cache: path.join(work, "npm-cache"),
    ...(existsSync(turboCache) ? { turboCacheDir: turboCache } : {}),
  });

  const repo = path.join(work, "repo");
  mkdirSync(repo);
  copyWorkingTree(repoRoot, repo);
  linkNodeModules(repoRoot, repo);
  initGit(repo, env);
  const before = new Map(listWorkspaces(repo).map(({ manifest }) => [manifest.name, manifest.version ?? ""]));
  context = { work, repo, app: path.join(work, "app"), registry, env, before, published: new Map(), failed: false };
  timings.push(`start the registry and copy the repository: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 120_000);

afterAll(async () => {
  await teardown();
  console.log(`release rehearsal timings:\n  ${timings.join("\n  ")}${keep ? `\n  kept: ${work}` : ""}`);
}, 30_000);

describe.sequential("release rehearsal against a local npm registry", () => {
  it("the local registry reads third-party packages through, and accepts publishing in @managed-redis only", (test) =>
    step(test, "registry checks", async (ctx) => {
      const proxied = await npm(ctx, ctx.work, ["view", "openapi-fetch@0.17.0", "version"]);
      expect(proxied.stdout.trim()).toBe("0.17.0");
      // Nothing of the scope comes from upstream: the name is unknown until the rehearsal publishes it.
      const unknown = await npm(ctx, ctx.work, ["view", client, "version"], 60_000, false);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/E404|404/);

      const outside = path.join(ctx.work, "outside-scope");
      mkdirSync(outside);
      writeFileSync(path.join(outside, "package.json"), JSON.stringify({ name: `managed-redis-rehearsal-${randomBytes(3).toString("hex")}`, version: "1.0.0" }));
      const refused = await npm(ctx, outside, ["publish"], 60_000, false);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/E403|403/);
    }), 120_000);

  it("a developer's change: the spec gains an optional parameter, the client is regenerated, a changeset asks for a minor release of the client", (test) =>
    step(test, "developer's change", async (ctx) => {
      const pathFile = path.join(ctx.repo, "specs", "kakaocloud-redis", "paths", "v1_clusters.yaml");
      const document = parseDocument(readFileSync(pathFile, "utf8"));
      const parameters = document.getIn(["get", "parameters"], true) as { add(node: unknown): void };
      parameters.add(
        document.createNode({
          name: "rehearsalTag",
          in: "query",
          required: false,
          description: "Only return clusters with this tag (added by the release rehearsal, in its copy only).",
          schema: { type: "string", minLength: 1 },
          example: "blue",
        }),
      );
      writeFileSync(pathFile, document.toString());
      await runCommand(path.join(ctx.repo, "node_modules", ".bin", "turbo"), ["run", "generate", `--filter=${client}`, "--output-logs=errors-only"], {
        cwd: ctx.repo,
        env: ctx.env,
        timeoutMs: 120_000,
      });
      expect(readFileSync(path.join(ctx.repo, "packages", "kakaocloud-redis", "src", "generated", "openapi.ts"), "utf8")).toContain("rehearsalTag");
      writeFileSync(path.join(ctx.repo, ".changeset", "release-rehearsal.md"), `---\n"${client}": minor\n---\n\n${changesetSummary}\n`);
      commitAll(ctx.repo, ctx.env, "clients(kakaocloud-redis): rehearsalTag");
    }), 180_000);

  it("npm run release:version applies the changesets: versions, changelogs with the spec's changes, info.version, baseline, lockfile", (test) =>
    step(test, "release:version", async (ctx) => {
      await npm(ctx, ctx.repo, ["run", "release:version"], 240_000);
      const version = (name: string) => readManifest(path.join(ctx.repo, listWorkspaces(ctx.repo).find(({ manifest }) => manifest.name === name)!.dir, "package.json")).version;
      const [major, minor] = ctx.before.get(client)!.split(".").map(Number) as [number, number];
      const released = version(client)!;
      // At least the minor asked for (a pending changeset of the repository may ask for more).
      expect(released === `${major}.${minor + 1}.0` || Number(released.split(".")[0]) > major).toBe(true);
      expect(version(spec)).toBe(released);

      const infoVersion = (parseYaml(readFileSync(path.join(ctx.repo, "specs", "kakaocloud-redis", "openapi.yaml"), "utf8")) as { info: { version: string } }).info.version;
      expect(infoVersion).toBe(released);
      const baseline = JSON.parse(readFileSync(path.join(ctx.repo, "specs", "kakaocloud-redis", "baseline", "openapi.json"), "utf8")) as { info: { version: string }; paths: Record<string, { get: { parameters: { name: string }[] } }> };
      expect(baseline.info.version).toBe(released);
      expect(baseline.paths["/v1/clusters"]!.get.parameters.map(({ name }) => name)).toContain("rehearsalTag");

      const changelog = readFileSync(path.join(ctx.repo, "packages", "kakaocloud-redis", "CHANGELOG.md"), "utf8");
      expect(changelog).toContain(`## ${released}`);
      expect(changelog).toContain(changesetSummary);
      expect(changelog).toMatch(/### API description changes[\s\S]*`rehearsalTag`/);

      const lock = JSON.parse(readFileSync(path.join(ctx.repo, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
      expect(lock.packages["packages/kakaocloud-redis"]?.version).toBe(released);
      expect(lock.packages["specs/kakaocloud-redis"]?.version).toBe(released);
      expect(readdirSync(path.join(ctx.repo, ".changeset")).filter((file) => file.endsWith(".md") && file !== "README.md")).toEqual([]);
      // What the version PR would contain, merged.
      commitAll(ctx.repo, ctx.env, "release: version packages");
    }), 300_000);

  it("npm run release:publish builds and publishes every public package to the local registry, and tags them", (test) =>
    step(test, "release:publish", async (ctx) => {
      const result = await npm(ctx, ctx.repo, ["run", "release:publish"], 300_000);
      console.log(redact(result.stdout.split("\n").filter((line) => line.startsWith("release:publish:")).join("\n")));
      expect(result.stdout).toContain(`to ${ctx.registry.url} (rehearsal)`);
      const publicWorkspaces = listWorkspaces(ctx.repo).filter(isPublishable);
      expect(publicWorkspaces.map(({ manifest }) => manifest.name)).toEqual(expect.arrayContaining([client, ...apiNames.map(specPackageOf), "@managed-redis/mock"]));
      const tags = (await runCommand("git", ["tag", "-l"], { cwd: ctx.repo, env: ctx.env, timeoutMs: 10_000 })).stdout.split("\n");
      const rows: string[] = [];
      for (const { manifest } of publicWorkspaces) {
        const view = await npm(ctx, ctx.work, ["view", `${manifest.name}@${manifest.version}`, "--json"], 60_000);
        const info = JSON.parse(view.stdout) as { version: string; dist?: { tarball?: string } };
        expect(info.version, manifest.name).toBe(manifest.version);
        expect(tags, `git tag of ${manifest.name}`).toContain(`${manifest.name}@${manifest.version}`);
        ctx.published.set(manifest.name, manifest.version!);
        expect(info.dist?.tarball, manifest.name).toMatch(new RegExp(`^${escapeRegExp(ctx.registry.url)}`));
        rows.push(`${manifest.name}@${manifest.version}${ctx.before.get(manifest.name) === manifest.version ? "" : ` (was ${ctx.before.get(manifest.name)})`}`);
      }
      console.log(`published to the local registry:\n  ${rows.join("\n  ")}`);
    }), 360_000);

  it("a scratch app installs the published packages from the registry (not from tarballs)", (test) =>
    step(test, "install from the registry", async (ctx) => {
      mkdirSync(ctx.app);
      writeFileSync(path.join(ctx.app, "package.json"), JSON.stringify({ name: "release-rehearsal-app", private: true, type: "module" }, null, 2));
      const wanted = [client, "@managed-redis/mock", ...apiNames.map(specPackageOf)].map((name) => `${name}@${ctx.published.get(name)}`);
      await npm(ctx, ctx.app, ["install", "--no-audit", "--no-fund", ...wanted], 300_000);
      const lock = JSON.parse(readFileSync(path.join(ctx.app, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; resolved?: string }> };
      const ours = Object.entries(lock.packages).filter(([key]) => key.includes("node_modules/@managed-redis/"));
      expect(ours.length).toBeGreaterThanOrEqual(wanted.length);
      for (const [key, entry] of ours) {
        expect(entry.resolved, key).toMatch(new RegExp(`^${escapeRegExp(ctx.registry.url)}`));
        const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
        expect(entry.version, key).toBe(ctx.published.get(name));
      }
    }), 360_000);

  it("the client installed from the registry calls the mock installed from the registry", (test) =>
    step(test, "client against the mock", async (ctx) => {
      const mockManifest = readManifest(path.join(ctx.app, "node_modules", "@managed-redis", "mock", "package.json")) as { dependencies?: Record<string, string> };
      expect(mockManifest.dependencies?.[spec], "the mock serves the released spec").toBe(ctx.published.get(spec));
      ctx.mock = await startServer(path.join(ctx.app, "node_modules", ".bin", "managed-redis-mock"), ["--api", "kakaocloud-redis", "--port", "0"], {
        cwd: ctx.app,
        env: ctx.env,
        timeoutMs: 60_000,
        ready: /^kakaocloud-redis\s+http:\/\/127\.0\.0\.1:\d+/,
      });
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(ctx.mock.line)![0];
      writeFileSync(
        path.join(ctx.app, "list-clusters.mjs"),
        [
          `import { createKakaoCloudRedisClient } from "${client}";`,
          `const kakao = createKakaoCloudRedisClient({ token: "rehearsal", baseUrl: process.argv[2] });`,
          `const { data, error, response } = await kakao.GET("/v1/clusters", { params: { query: { rehearsalTag: "blue" } } });`,
          `console.log(JSON.stringify({ status: response.status, names: data?.clusters?.map((cluster) => cluster.name), error }));`,
          "",
        ].join("\n"),
      );
      const call = await runCommand(process.execPath, ["list-clusters.mjs", url], { cwd: ctx.app, env: ctx.env, timeoutMs: 60_000 });
      const answer = JSON.parse(call.stdout.trim().split("\n").at(-1)!) as { status: number; names?: string[] };
      expect(answer.status).toBe(200);
      expect(answer.names?.length).toBeGreaterThan(0);
      expect(await ctx.mock.stop()).toBe(0);
    }), 120_000);

  it("npx @managed-redis/mock --help runs from the registry install", (test) =>
    step(test, "npx --help", async (ctx) => {
      const help = await runCommand("npx", ["--no-install", "@managed-redis/mock", "--help"], { cwd: ctx.app, env: ctx.env, timeoutMs: 60_000 });
      expect(help.stdout).toContain("managed-redis-mock");
      expect(help.stdout).toContain("Usage:");
      const version = await runCommand("npx", ["--no-install", "@managed-redis/mock", "--version"], { cwd: ctx.app, env: ctx.env, timeoutMs: 60_000 });
      expect(version.stdout.trim()).toBe(ctx.published.get("@managed-redis/mock"));
    }), 120_000);

  it("the published client's CHANGELOG.md shows the change and the spec's changes", (test) =>
    step(test, "published changelog", (ctx) => {
      const changelog = readFileSync(path.join(ctx.app, "node_modules", "@managed-redis", "kakaocloud-redis", "CHANGELOG.md"), "utf8");
      const released = ctx.published.get(client)!;
      const section = changelog.split(/\n(?=## )/).find((part) => part.startsWith(`## ${released}`));
      expect(section, `a "## ${released}" section`).toBeDefined();
      expect(section).toContain(changesetSummary);
      expect(section).toMatch(/### API description changes[\s\S]*Optional `rehearsalTag` query parameter of `GET \/v1\/clusters` was added/);
    }), 30_000);

  it("the spec packages install from the registry: both bundles, their changelog, info.version = package version", (test) =>
    step(test, "spec packages", async (ctx) => {
      for (const api of apiNames) {
        const dir = path.join(ctx.app, "node_modules", "@managed-redis", `spec-${api}`);
        const version = ctx.published.get(specPackageOf(api))!;
        expect(readManifest(path.join(dir, "package.json")).version).toBe(version);
        const json = JSON.parse(readFileSync(path.join(dir, "dist", "openapi.json"), "utf8")) as { info: { version: string } };
        expect(json.info.version).toBe(version);
        expect(parseYaml(readFileSync(path.join(dir, "dist", "openapi.yaml"), "utf8"))).toEqual(json);
        expect(readFileSync(path.join(dir, "CHANGELOG.md"), "utf8")).toContain(`## ${version}`);
      }
      // Through the package's exports, as a consumer imports it.
      const imported = await runCommand(
        process.execPath,
        ["--input-type=module", "-e", `const spec = await import("${spec}/openapi.json", { with: { type: "json" } }); console.log(spec.default.info.version, JSON.stringify(spec.default.paths["/v1/clusters"].get.parameters.map((p) => p.name)));`],
        { cwd: ctx.app, env: ctx.env, timeoutMs: 30_000 },
      );
      expect(imported.stdout).toContain(ctx.published.get(spec)!);
      expect(imported.stdout).toContain("rehearsalTag");
      // A generator reads the published YAML by its path, as the spec packages' README shows.
      await runCommand(path.join(repoRoot, "node_modules", ".bin", "openapi-typescript"), [`node_modules/${spec}/dist/openapi.yaml`, "-o", "kakaocloud-redis.d.ts"], { cwd: ctx.app, env: ctx.env, timeoutMs: 60_000 });
      expect(readFileSync(path.join(ctx.app, "kakaocloud-redis.d.ts"), "utf8")).toContain("rehearsalTag?: string");
    }), 60_000);

  it("leaves no process and no temp folder behind", async () => {
    const ctx = context;
    expect(ctx, "the rehearsal started").toBeDefined();
    await teardown();
    expect(isAlive(ctx!.registry.pid), "the registry process").toBe(false);
    if (ctx!.mock) expect(isAlive(ctx!.mock.child.pid!), "the mock process").toBe(false);
    if (!keep) expect(existsSync(ctx!.work), ctx!.work).toBe(false);
  }, 30_000);
});

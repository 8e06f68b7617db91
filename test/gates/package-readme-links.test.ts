// A published package's README is read on npmjs.com, where a relative link resolves against nothing (the
// packages carry no `repository` until there is a public home): every link in it must be absolute, an
// anchor of the same page, or a file the package itself ships.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";

interface Manifest {
  name: string;
  private?: boolean;
  files?: string[];
}

function publishedPackages(): { dir: string; manifest: Manifest }[] {
  const roots = ["packages", "specs"].map((folder) => path.join(repoRoot, folder));
  return roots.flatMap((root) =>
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(root, entry.name))
      .flatMap((dir) => {
        try {
          const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
          return manifest.private ? [] : [{ dir, manifest }];
        } catch {
          return [];
        }
      }),
  );
}

/** The targets of the Markdown links and images of a text, outside fenced code blocks. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
}

/** Why a link target would break on npmjs.com, or undefined when it works there. */
export function brokenOnRegistry(target: string, packageDir: string, files: readonly string[]): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#")) return undefined;
  const file = path.normalize(path.join(packageDir, target.split("#")[0]!));
  const relative = path.relative(packageDir, file);
  if (relative.startsWith("..")) return "leaves the package";
  const shipped = ["README.md", "package.json", ...files].some(
    (entry) => relative === path.normalize(entry) || relative.startsWith(`${path.normalize(entry)}${path.sep}`),
  );
  return shipped ? undefined : "names a file the package does not ship";
}

describe("published package READMEs", () => {
  const packages = publishedPackages();

  it("are found (the public packages and the spec packages)", () => {
    expect(packages.map((p) => p.manifest.name)).toEqual(expect.arrayContaining(["@managed-redis/mock", "@managed-redis/kakaocloud-redis"]));
  });

  it.each(packages.map((p) => [p.manifest.name, p] as const))("%s links only to what works on npmjs.com", (_name, { dir, manifest }) => {
    let readme: string;
    try {
      readme = readFileSync(path.join(dir, "README.md"), "utf8");
    } catch {
      return expect.fail(`${manifest.name} has no README.md`);
    }
    const broken = linkTargets(readme)
      .map((target) => ({ target, problem: brokenOnRegistry(target, dir, manifest.files ?? []) }))
      .filter((link) => link.problem !== undefined);
    expect(broken).toEqual([]);
  });

  it("the check itself finds a link that leaves the package, and one to an unshipped file", () => {
    const dir = path.join(repoRoot, "packages", "mock");
    expect(linkTargets("see [x](../simulator/README.md#a) and ![i](./img.png)")).toEqual(["../simulator/README.md#a", "./img.png"]);
    expect(brokenOnRegistry("../simulator/README.md#a", dir, ["dist"])).toBe("leaves the package");
    expect(brokenOnRegistry("./src/index.ts", dir, ["dist"])).toBe("names a file the package does not ship");
    expect(brokenOnRegistry("./dist/cli.js", dir, ["dist"])).toBeUndefined();
    expect(brokenOnRegistry("https://www.npmjs.com/package/@managed-redis/simulator", dir, [])).toBeUndefined();
    expect(linkTargets("```md\n[x](../no)\n```\n")).toEqual([]);
  });
});

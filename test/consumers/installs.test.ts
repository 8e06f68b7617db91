// The scratch app holds every public package installed from its own tarball (never a copy from the
// registry), with what its manifest points at.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const app = inject("consumerApp");
const packages = inject("publicPackages");
const lock = JSON.parse(readFileSync(path.join(app.dir, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; resolved?: string; link?: boolean }>;
};

/** Every file a manifest field points at: main, module, types, bin, and every target of `exports`. */
function manifestTargets(manifest: Record<string, unknown>): string[] {
  const targets = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string") targets.add(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  for (const field of ["main", "module", "types", "bin", "exports"]) walk(manifest[field]);
  return [...targets].filter((target) => !target.includes("*"));
}

describe("the consumer app", () => {
  it("was made from every public package found in the workspaces", () => {
    expect(packages.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(app.tarballs).sort()).toEqual(packages.map((pkg) => pkg.name).sort());
  });

  for (const pkg of packages) {
    describe(pkg.name, () => {
      const installedDir = path.join(app.dir, "node_modules", pkg.name);

      it("is installed from its tarball, once, at the workspace's version", () => {
        const entries = Object.entries(lock.packages).filter(([location]) => location.endsWith(`node_modules/${pkg.name}`));
        expect(entries.map(([location]) => location)).toEqual([`node_modules/${pkg.name}`]);
        expect(entries[0]![1].resolved).toBe(`file:tarballs/${path.basename(app.tarballs[pkg.name]!)}`);
        expect(entries[0]![1].version).toBe(pkg.version);
      });

      it("ships every file its manifest points at, its README and its license", () => {
        const manifest = JSON.parse(readFileSync(path.join(installedDir, "package.json"), "utf8")) as Record<string, unknown>;
        const missing = manifestTargets(manifest).filter((target) => !existsSync(path.join(installedDir, target)));
        expect(missing).toEqual([]);
        expect(existsSync(path.join(installedDir, "README.md"))).toBe(true);
        expect(existsSync(path.join(installedDir, "LICENSE"))).toBe(true);
      });

      it("publishes publicly (a scoped package is private on npm unless it says otherwise)", () => {
        const manifest = JSON.parse(readFileSync(path.join(installedDir, "package.json"), "utf8")) as { publishConfig?: { access?: string } };
        expect(manifest.publishConfig?.access).toBe("public");
      });
    });
  }
});

// Reads the bumps that pending changesets (.changeset/*.md) ask for. A changeset's frontmatter maps package
// names to a bump, for example `"@managed-redis/exoscale-dbaas-valkey": major`.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { ApiName } from "../apis.ts";
import type { Bump } from "./redocly-report.ts";

/** The client package built from each API's spec: a breaking spec change is a major release of it. */
export function clientPackageOf(api: ApiName): string {
  return `@managed-redis/${api}`;
}

export interface ChangesetBump {
  file: string;
  bump: Bump;
}

const bumps = new Set<string>(["major", "minor", "patch"]);

/** Every bump that the changesets in `dir` ask for, by package name. */
export function readChangesetBumps(dir: string): Map<string, ChangesetBump[]> {
  const byPackage = new Map<string, ChangesetBump[]>();
  if (!existsSync(dir)) return byPackage;
  for (const name of readdirSync(dir).sort()) {
    // README.md is the folder's explanation that `changeset init` writes, not a changeset.
    if (!name.endsWith(".md") || name.toLowerCase() === "readme.md") continue;
    const file = path.join(dir, name);
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, "utf8"))?.[1];
    if (frontmatter === undefined) continue;
    const entries: unknown = parse(frontmatter);
    if (entries === null || typeof entries !== "object") continue;
    for (const [packageName, bump] of Object.entries(entries)) {
      if (typeof bump !== "string" || !bumps.has(bump)) continue;
      const list = byPackage.get(packageName) ?? [];
      list.push({ file: name, bump: bump as Bump });
      byPackage.set(packageName, list);
    }
  }
  return byPackage;
}

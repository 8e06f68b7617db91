// Reads the pending changesets (.changeset/*.md): the bumps they ask for and what they tell users. A
// changeset's frontmatter maps package names to a bump, for example `"@managed-redis/exoscale-dbaas-valkey":
// major`; its body is the release note.
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

export interface Changeset {
  file: string;
  /** The bump asked for each package. */
  bumps: Map<string, Bump>;
  /** The release note: the Markdown after the frontmatter, trimmed. */
  summary: string;
}

/** The changesets in `dir`, by file name. */
export function readChangesets(dir: string): Changeset[] {
  if (!existsSync(dir)) return [];
  const changesets: Changeset[] = [];
  for (const name of readdirSync(dir).sort()) {
    // README.md is the folder's explanation that `changeset init` writes, not a changeset.
    if (!name.endsWith(".md") || name.toLowerCase() === "readme.md") continue;
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(path.join(dir, name), "utf8"));
    if (!match) continue;
    const entries: unknown = parse(match[1]!);
    if (entries === null || typeof entries !== "object") continue;
    const packageBumps = new Map<string, Bump>();
    for (const [packageName, bump] of Object.entries(entries)) {
      if (typeof bump === "string" && bumps.has(bump)) packageBumps.set(packageName, bump as Bump);
    }
    changesets.push({ file: name, bumps: packageBumps, summary: (match[2] ?? "").trim() });
  }
  return changesets;
}

/** Every bump that the changesets in `dir` ask for, by package name. */
export function readChangesetBumps(dir: string): Map<string, ChangesetBump[]> {
  const byPackage = new Map<string, ChangesetBump[]>();
  for (const changeset of readChangesets(dir)) {
    for (const [packageName, bump] of changeset.bumps) {
      const list = byPackage.get(packageName) ?? [];
      list.push({ file: changeset.file, bump });
      byPackage.set(packageName, list);
    }
  }
  return byPackage;
}

export interface ReleaseNote {
  file: string;
  bump: Bump;
  summary: string;
}

/** What the pending changesets for one package tell its users, biggest bump first. */
export function releaseNotesFor(dir: string, packageName: string): ReleaseNote[] {
  const order: Record<Bump, number> = { major: 0, minor: 1, patch: 2 };
  return readChangesets(dir)
    .flatMap((changeset) => {
      const bump = changeset.bumps.get(packageName);
      return bump && changeset.summary ? [{ file: changeset.file, bump, summary: changeset.summary }] : [];
    })
    .sort((a, b) => order[a.bump] - order[b.bump] || a.file.localeCompare(b.file));
}

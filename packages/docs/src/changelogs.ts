// Publishes the changelogs. Per API, <api>/changelog.html (and the Markdown beside it): the API description's
// changelog, from specs/<api>/dist/changelog.md, which `npm run changelog` (scripts/render-changelog.ts) renders from the released
// history plus the changes not yet released (without it, the released history specs/<api>/CHANGELOG.md
// alone), followed by the client package's CHANGELOG.md. And changelogs.html: the CHANGELOG.md of every
// published package, as changesets writes them at each release. Nothing is invented when none exists.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot, type ApiName } from "@managed-redis/tooling/apis";
import { isPublishable, listWorkspaces } from "@managed-redis/tooling/workspaces";
import { escapeHtml } from "./html.ts";
import { pageShell } from "./page-shell.ts";

export function changelogSource(api: ApiName): string {
  const rendered = path.join(repoRoot, "specs", api, "dist", "changelog.md");
  return existsSync(rendered) ? rendered : path.join(repoRoot, "specs", api, "CHANGELOG.md");
}

export function hasChangelog(api: ApiName): boolean {
  return existsSync(changelogSource(api));
}

const clientChangelog = (api: ApiName) => path.join(repoRoot, "packages", api, "CHANGELOG.md");

/** Writes <apiDir>/changelog.html and CHANGELOG.md; returns false (writing nothing) when there is no changelog. */
export function writeChangelogPage(api: ApiName, title: string, apiDir: string): boolean {
  if (!hasChangelog(api)) return false;
  const markdown = readFileSync(changelogSource(api), "utf8");
  copyFileSync(changelogSource(api), path.join(apiDir, "CHANGELOG.md"));
  // Shown as written (preformatted): no Markdown renderer is a dependency of this package, and the file
  // is meant to be read as text. Swap in a renderer here if the changelog grows tables or links.
  let client = "";
  if (existsSync(clientChangelog(api))) {
    copyFileSync(clientChangelog(api), path.join(apiDir, "CLIENT-CHANGELOG.md"));
    client = `
      <h2 id="client">@managed-redis/${escapeHtml(api)} (the client)</h2>
      <p><a href="./CLIENT-CHANGELOG.md">CHANGELOG.md</a> of the npm package</p>
      <pre class="changelog">${escapeHtml(readFileSync(clientChangelog(api), "utf8"))}</pre>`;
  }
  const body = `
      <h1>${escapeHtml(title)}: changelog</h1>
      <p><a href="../index.html">All APIs</a> · <a href="./index.html">API reference</a> · <a href="./CHANGELOG.md">CHANGELOG.md</a> · <a href="../changelogs.html">Every package's changelog</a></p>
      <h2 id="description">@managed-redis/spec-${escapeHtml(api)} (the API description)</h2>
      <pre class="changelog">${escapeHtml(markdown)}</pre>${client}`;
  writeFileSync(
    path.join(apiDir, "changelog.html"),
    pageShell({ title: `${title} changelog · Managed Redis APIs`, stylesheet: "../site.css", home: "../index.html", body }),
  );
  return true;
}

/** Writes changelogs.html: every published package's CHANGELOG.md, in the order of the workspaces. */
export function writePackageChangelogsPage(siteDir: string): void {
  const sections = listWorkspaces(repoRoot)
    .filter(isPublishable)
    .filter(({ dir }) => existsSync(path.join(repoRoot, dir, "CHANGELOG.md")))
    .map(({ dir, manifest }) => {
      const id = manifest.name.replace(/^@/, "").replace(/[^A-Za-z0-9-]+/g, "-");
      return `
      <h2 id="${id}">${escapeHtml(manifest.name)} <span class="version">${escapeHtml(manifest.version ?? "")}</span></h2>
      <pre class="changelog">${escapeHtml(readFileSync(path.join(repoRoot, dir, "CHANGELOG.md"), "utf8"))}</pre>`;
    });
  const body = `
      <h1>Changelogs of the npm packages</h1>
      <p><a href="index.html">All APIs</a>. Each spec package shares its version with its client (RELEASING.md in the repository).</p>${sections.join("")}`;
  writeFileSync(path.join(siteDir, "changelogs.html"), pageShell({ title: "Package changelogs · Managed Redis APIs", stylesheet: "site.css", body }));
}

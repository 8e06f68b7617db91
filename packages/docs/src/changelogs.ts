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
import { renderMarkdown } from "./markdown.ts";
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
  // The same Markdown that CHANGELOG.md is, as HTML: its `#` title becomes an <h2> under the page's <h1>.
  const usedIds = new Set<string>();
  let client = "";
  if (existsSync(clientChangelog(api))) {
    copyFileSync(clientChangelog(api), path.join(apiDir, "CLIENT-CHANGELOG.md"));
    client = `
      <section id="client" class="changelog" aria-label="@managed-redis/${escapeHtml(api)} (the client)">
        <p class="muted">The client package, <a href="./CLIENT-CHANGELOG.md">CHANGELOG.md</a>:</p>
${renderMarkdown(readFileSync(clientChangelog(api), "utf8"), { headingOffset: 1, idPrefix: "client-", usedIds })}
      </section>`;
  }
  const body = `
      <h1>${escapeHtml(title)}: changelog</h1>
      <p><a href="../index.html">All APIs</a> · <a href="./index.html">API reference</a> · <a href="./CHANGELOG.md">CHANGELOG.md</a> · <a href="../changelogs.html">Every package's changelog</a></p>
      <section id="description" class="changelog" aria-label="@managed-redis/spec-${escapeHtml(api)} (the API description)">
${renderMarkdown(markdown, { headingOffset: 1, idPrefix: "description-", usedIds })}
      </section>${client}`;
  writeFileSync(
    path.join(apiDir, "changelog.html"),
    pageShell({ title: `${title} changelog · Managed Redis APIs`, stylesheet: "../site.css", home: "../index.html", body }),
  );
  return true;
}

/** Writes changelogs.html: every published package's CHANGELOG.md, in the order of the workspaces. */
export function writePackageChangelogsPage(siteDir: string): void {
  const usedIds = new Set<string>();
  const sections = listWorkspaces(repoRoot)
    .filter(isPublishable)
    .filter(({ dir }) => existsSync(path.join(repoRoot, dir, "CHANGELOG.md")))
    .map(({ dir, manifest }) => {
      const id = manifest.name.replace(/^@/, "").replace(/[^A-Za-z0-9-]+/g, "-");
      // Each CHANGELOG.md starts with `# <package name>`: that heading is the section's <h2>.
      return `
      <section id="${id}" class="changelog">
${renderMarkdown(readFileSync(path.join(repoRoot, dir, "CHANGELOG.md"), "utf8"), { headingOffset: 1, idPrefix: `${id}-`, usedIds })}
        <p class="muted">Version ${escapeHtml(manifest.version ?? "")}</p>
      </section>`;
    });
  const body = `
      <h1>Changelogs of the npm packages</h1>
      <p><a href="index.html">All APIs</a>. Each spec package shares its version with its client (RELEASING.md in the repository).</p>${sections.join("")}`;
  writeFileSync(path.join(siteDir, "changelogs.html"), pageShell({ title: "Package changelogs · Managed Redis APIs", stylesheet: "site.css", body }));
}

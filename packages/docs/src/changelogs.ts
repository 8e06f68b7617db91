// Publishes each API's changelog as <api>/changelog.html (and the Markdown beside it). The source is
// specs/<api>/dist/changelog.md, which `npm run changelog` (scripts/render-changelog.ts) renders from the released history plus the
// changes not yet released; without it, the released history specs/<api>/CHANGELOG.md alone. Nothing is
// invented when neither exists.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot, type ApiName } from "@managed-redis/tooling/apis";
import { escapeHtml } from "./html.ts";
import { pageShell } from "./page-shell.ts";

export function changelogSource(api: ApiName): string {
  const rendered = path.join(repoRoot, "specs", api, "dist", "changelog.md");
  return existsSync(rendered) ? rendered : path.join(repoRoot, "specs", api, "CHANGELOG.md");
}

export function hasChangelog(api: ApiName): boolean {
  return existsSync(changelogSource(api));
}

/** Writes <apiDir>/changelog.html and CHANGELOG.md; returns false (writing nothing) when there is no changelog. */
export function writeChangelogPage(api: ApiName, title: string, apiDir: string): boolean {
  if (!hasChangelog(api)) return false;
  const markdown = readFileSync(changelogSource(api), "utf8");
  copyFileSync(changelogSource(api), path.join(apiDir, "CHANGELOG.md"));
  // Shown as written (preformatted): no Markdown renderer is a dependency of this package, and the file
  // is meant to be read as text. Swap in a renderer here if the changelog grows tables or links.
  const body = `
      <h1>${escapeHtml(title)}: changelog</h1>
      <p><a href="../index.html">All APIs</a> · <a href="./index.html">API reference</a> · <a href="./CHANGELOG.md">CHANGELOG.md</a></p>
      <pre class="changelog">${escapeHtml(markdown)}</pre>`;
  writeFileSync(
    path.join(apiDir, "changelog.html"),
    pageShell({ title: `${title} changelog · Managed Redis APIs`, stylesheet: "../site.css", home: "../index.html", body }),
  );
  return true;
}

// Builds the docs site into packages/docs/dist/: the landing page, and per API its reference page (Scalar, with
// code samples and "try it"), the notes on its transcription, copies of the bundled spec and (when one
// exists) its changelog as HTML. Fails on a missing bundle, a broken link on a hand-written page, or anything
// that would load from another host.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { apiNames, bundledSpec } from "@managed-redis/tooling/apis";
import { readBundle, summarizeApi } from "./api-summary.ts";
import { writeChangelogPage, writePackageChangelogsPage } from "./changelogs.ts";
import { renderLandingPage, type LandingPageApi } from "./landing-page.ts";
import { checkLinks, formatBrokenLinks } from "./link-checker.ts";
import { writeNotesPage } from "./notes-page.ts";
import { mockDefaultPorts } from "./api-distribution.ts";
import { writeReferenceAssets, writeReferencePage } from "./reference-pages.ts";
import { findRemoteResources, findRemoteResourcesInCss } from "./remote-resources.ts";

export const siteDir = fileURLToPath(new URL("../dist/", import.meta.url));
const assetsDir = fileURLToPath(new URL("./assets/", import.meta.url));

function fail(message: string): never {
  console.error(`✗ docs: ${message}`);
  process.exit(1);
}

const started = Date.now();
const missing = apiNames.flatMap((api) => (["yaml", "json"] as const).map((ext) => bundledSpec(api, ext))).filter((file) => !existsSync(file));
if (missing.length) fail(`bundled specs missing (run \`npm run bundle\` first):\n  ${missing.join("\n  ")}`);

rmSync(siteDir, { recursive: true, force: true });
mkdirSync(siteDir, { recursive: true });
for (const asset of readdirSync(assetsDir)) copyFileSync(path.join(assetsDir, asset), path.join(siteDir, asset));
await writeReferenceAssets(siteDir);

const handWrittenPages = ["index.html"];
const landingApis: LandingPageApi[] = [];
for (const api of apiNames) {
  const summary = summarizeApi(api);
  const apiDir = path.join(siteDir, api);
  mkdirSync(apiDir, { recursive: true });
  copyFileSync(bundledSpec(api, "yaml"), path.join(apiDir, "openapi.yaml"));
  copyFileSync(bundledSpec(api, "json"), path.join(apiDir, "openapi.json"));
  const hasChangelog = writeChangelogPage(api, summary.title, apiDir);
  writeReferencePage({
    api,
    title: `${summary.title} ${summary.version} reference · Managed Redis APIs`,
    bundle: readBundle(api),
    apiDir,
    mockUrl: `http://127.0.0.1:${mockDefaultPorts[api]}`,
    hasChangelog,
  });
  handWrittenPages.push(`${api}/index.html`);
  if (hasChangelog) handWrittenPages.push(`${api}/changelog.html`);
  writeNotesPage(summary.title, readBundle(api) as Record<string, any>, apiDir);
  handWrittenPages.push(`${api}/notes.html`);
  landingApis.push({ summary, hasChangelog });
  console.log(`  ${api}: ${summary.operations.length} operations, reference page, notes${hasChangelog ? ", changelog" : ""}`);
}
writePackageChangelogsPage(siteDir);
handWrittenPages.push("changelogs.html");
writeFileSync(path.join(siteDir, "index.html"), renderLandingPage(landingApis, { packageChangelogs: "changelogs.html" }));

const broken = checkLinks({ root: siteDir, pages: handWrittenPages });
if (broken.length) fail(`broken links:\n${formatBrokenLinks(broken)}`);

const htmlPages = handWrittenPages;
const remote = [
  ...htmlPages.flatMap((page) => findRemoteResources(readFileSync(path.join(siteDir, page), "utf8")).map((found) => ({ page, ...found }))),
  ...["site.css", "reference.css"].flatMap((css) => findRemoteResourcesInCss(readFileSync(path.join(siteDir, css), "utf8")).map((found) => ({ page: css, ...found }))),
];
if (remote.length) fail(`pages would load from other hosts:\n${remote.map((r) => `  ${r.page}: ${r.kind} ${r.url}`).join("\n")}`);

console.log(`✓ docs: ${path.relative(process.cwd(), siteDir) || "."} built in ${((Date.now() - started) / 1000).toFixed(1)} s (${htmlPages.length} pages, links and offline checked)`);

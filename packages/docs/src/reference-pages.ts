// One reference page per API, rendered in the browser by Scalar's API reference (@scalar/api-reference, MIT),
// which the site serves itself: `assets/scalar/standalone.js` once for the three APIs, `reference.js` (our
// options, old anchors, Exoscale signing; bundled by esbuild from src/browser/) and per API
// `<api>/index.html` with `<api>/reference.json`, the bundle with the generated code samples in it.
// packages/docs/README.md says why Scalar and not Redoc, with the figures.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { ApiName } from "@managed-redis/tooling/apis";
import { configElementId, type ReferencePageConfig } from "./browser/reference-config.ts";
import { codeSamples, sampleOperations, type SpecDocument } from "./code-samples.ts";
import { oldAnchorRedirects } from "./deep-links.ts";
import { escapeHtml } from "./html.ts";

const require = createRequire(import.meta.url);
/** The standalone browser build of Scalar's API reference (Vue and all inside, one file). */
export const scalarStandalone = path.join(path.dirname(require.resolve("@scalar/api-reference")), "browser", "standalone.js");
// The package exports no ./package.json; it sits one level above dist/.
export const scalarVersion = (JSON.parse(readFileSync(path.join(path.dirname(scalarStandalone), "..", "..", "package.json"), "utf8")) as { version: string }).version;

const browserEntry = fileURLToPath(new URL("./browser/reference.ts", import.meta.url));

// The policy of a reference page: scripts and styles from the site (Scalar injects <style> elements), data:
// images and fonts, and requests ("try it", the document) to the site and to loopback addresses only. So a
// credential typed into "try it" can only travel to this machine, and nothing the renderer might try to load
// from another host gets out.
export const referencePagePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:* http://localhost:* https://127.0.0.1:* https://localhost:*",
  "worker-src 'self' blob:",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** Writes what the three reference pages share besides src/assets/ (reference.css): Scalar and the page script. */
export async function writeReferenceAssets(siteDir: string): Promise<void> {
  const scalarDir = path.join(siteDir, "assets", "scalar");
  mkdirSync(scalarDir, { recursive: true });
  copyFileSync(scalarStandalone, path.join(scalarDir, "standalone.js"));
  await build({
    entryPoints: [browserEntry],
    outfile: path.join(siteDir, "reference.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
}

// The notes on the transcription have a page of their own (notes.html): the renderer's document carries
// none, so no option of the renderer (extensions shown, "Copy as Markdown") can put them in the reference.
function withoutNotes<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutNotes) as T;
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== "x-decision").map(([key, value]) => [key, withoutNotes(value)])) as T;
}

/** The bundle as the renderer gets it: every operation with its TypeScript and curl samples, no transcription notes. */
export function referenceDocument(api: ApiName, bundle: SpecDocument, mockUrl: string): SpecDocument {
  const doc = withoutNotes(bundle);
  for (const operation of sampleOperations(doc)) {
    const target = doc.paths![operation.path]![operation.method] as Record<string, unknown>;
    target["x-codeSamples"] = codeSamples(api, bundle, operation, mockUrl);
  }
  return doc;
}

/** JSON inside a <script> element: `</` and `<!--` cannot end or comment it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

const exoscaleFields = `
    <fieldset class="try-it-credentials">
      <legend>Try it with your API key</legend>
      <label>API key <input id="try-it-api-key" type="text" autocomplete="off" spellcheck="false" placeholder="EXO… (any value for the mock)"></label>
      <label>API secret <input id="try-it-api-secret" type="password" autocomplete="off" placeholder="any value for the mock"></label>
      <p>Each request is signed (EXO2-HMAC-SHA256) in this page with <code>signExoscaleRequest</code> of @managed-redis/exoscale-dbaas-valkey, the client's own signer. The two values stay in this page: never stored, logged or sent anywhere but in the signature.</p>
    </fieldset>`;

export interface ReferencePageInput {
  api: ApiName;
  title: string;
  bundle: SpecDocument;
  apiDir: string;
  mockUrl: string;
  hasChangelog: boolean;
}

export function writeReferencePage({ api, title, bundle, apiDir, mockUrl, hasChangelog }: ReferencePageInput): void {
  writeFileSync(path.join(apiDir, "reference.json"), JSON.stringify(referenceDocument(api, bundle, mockUrl)));
  const config: ReferencePageConfig = {
    documentUrl: "./reference.json",
    mockUrl,
    signing: api === "exoscale-dbaas-valkey" ? "exoscale" : null,
    redirects: oldAnchorRedirects(bundle),
  };
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="${referencePagePolicy}">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" href="../favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="../reference.css">
  <script type="application/json" id="${configElementId}">${scriptJson(config)}</script>
  <script src="../assets/scalar/standalone.js" defer></script>
  <script src="../reference.js" defer></script>
</head>
<body>
  <header class="docs-site-bar">
    <nav aria-label="Site">
      <a class="site-name" href="../index.html">Managed Redis APIs</a>
      <a href="../index.html">← All APIs</a>
      <a href="./openapi.yaml" download>openapi.yaml</a>
      <a href="./openapi.json" download>openapi.json</a>${hasChangelog ? `\n      <a href="./changelog.html">Changelog</a>` : ""}
      <a href="./notes.html">Notes on this transcription</a>
    </nav>
    <p class="try-it-note">“Test Request” sends to the local mock, <code>${escapeHtml(mockUrl)}</code> (<code>npm start</code>), or to the base URL you enter under Server (this machine's addresses only). Credentials you enter stay in this page: never stored or logged.</p>${api === "exoscale-dbaas-valkey" ? exoscaleFields : ""}
  </header>
  <div id="reference"></div>
  <noscript><p>The reference needs JavaScript. The description itself: <a href="./openapi.yaml">openapi.yaml</a>, <a href="./openapi.json">openapi.json</a>.</p></noscript>
</body>
</html>
`;
  writeFileSync(path.join(apiDir, "index.html"), html);
}

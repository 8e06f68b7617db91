// The docs section: the reference pages as rendered by Redoc (the renderer this site used until #16,
// rebuilt here into a temp dir) and by Scalar (the built site), side by side in Chromium. Per API and
// renderer: page weight, time until the first operation is in view when its link is opened, requests to
// other hosts (must be none) and console errors (must be none).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import type { Browser } from "playwright-core";
import { apiNames, bundledSpec, type ApiName } from "@managed-redis/tooling/apis";
import { readBundle } from "@managed-redis/docs/api-summary";
import { operationFragment, slugify } from "@managed-redis/docs/deep-links";
import { defaultSiteRoot, startDocsServer } from "@managed-redis/docs/server";
import { scalarVersion } from "@managed-redis/docs/reference-pages";
import { launchChromium } from "../test/support/chromium.ts";
import { buildRedocPage } from "./docs/redoc-page.ts";
import { describeEnvironment } from "./lib/environment.ts";
import { progress } from "./lib/progress.ts";
import type { DocsRendererRow, DocsSection } from "./lib/results.ts";
import { median } from "./lib/stats.ts";

const RUNS = 5;
const isLocal = (url: string) => /^(data|blob|about):/.test(url) || ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);

interface Renderer {
  name: string;
  root: string;
  /** The URL, relative to the site, of the API's first operation. */
  firstOperation(api: ApiName): { href: string; summary: string };
}

function firstOperationOf(api: ApiName): { tag: string; operationId: string; summary: string } {
  const doc = readBundle(api);
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item) as { operationId?: string; summary?: string; tags?: string[] }[]) {
      if (operation?.operationId && operation.summary && operation.tags?.[0]) return { tag: operation.tags[0], operationId: operation.operationId, summary: operation.summary };
    }
  }
  throw new Error(`${api}: no operation`);
}

async function measureOnce(browser: Browser, url: string, summary: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const remote: string[] = [];
  const consoleErrors: string[] = [];
  let bytes = 0;
  let gzipBytes = 0;
  let requests = 0;
  await context.route((target) => !isLocal(target.href), (route) => {
    remote.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const pending: Promise<unknown>[] = [];
  page.on("requestfinished", (request) => {
    requests++;
    pending.push(request.sizes().then((sizes) => (bytes += sizes.responseBodySize + sizes.responseHeadersSize), () => {}));
    // What a server that compresses (gzip, level 6) would send of the same bodies.
    pending.push(
      request.response().then((response) => response?.body()).then((body) => (gzipBytes += body ? gzipSync(body, { level: 6 }).length : 0), () => {}),
    );
  });
  await page.goto(url, { waitUntil: "commit" });
  // The operation is "visible" when a heading with its summary is inside the viewport (not the sidebar entry).
  const visibleAt = await page.waitForFunction(
    (text) => {
      for (const heading of document.querySelectorAll("h1, h2, h3")) {
        if (heading.textContent?.trim() !== text) continue;
        const box = heading.getBoundingClientRect();
        if (box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight) return performance.now();
      }
      return false;
    },
    summary,
    { polling: "raf", timeout: 60_000 },
  );
  const firstOperationMs = Math.round((await visibleAt.jsonValue()) as number);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await Promise.all(pending);
  await context.close();
  return { firstOperationMs, bytes, gzipBytes, requests, remote, consoleErrors };
}

export async function measureDocsRenderers(): Promise<DocsSection> {
  const redocRoot = mkdtempSync(path.join(os.tmpdir(), "bench-redoc-site-"));
  try {
    progress("docs: building the Redoc pages");
    copyFileSync(path.join(defaultSiteRoot, "favicon.svg"), path.join(redocRoot, "favicon.svg"));
    for (const api of apiNames) {
      mkdirSync(path.join(redocRoot, api), { recursive: true });
      buildRedocPage({ bundle: bundledSpec(api, "yaml"), output: path.join(redocRoot, api, "index.html"), title: api });
    }
    const renderers: Renderer[] = [
      {
        name: "Redoc 3.0.1 (`redocly build-docs --inlineBundle`, before)",
        root: redocRoot,
        firstOperation: (api) => {
          const { tag, operationId, summary } = firstOperationOf(api);
          return { href: `${api}/#/${slugify(tag)}/${operationId.toLowerCase()}`, summary };
        },
      },
      {
        name: `Scalar ${scalarVersion} (\`@scalar/api-reference\` standalone, now)`,
        root: defaultSiteRoot,
        firstOperation: (api) => {
          const { tag, operationId, summary } = firstOperationOf(api);
          return { href: `${api}/${operationFragment(tag, operationId)}`, summary };
        },
      },
    ];
    const servers = await Promise.all(renderers.map((renderer) => startDocsServer({ port: 0, root: renderer.root })));
    const browser = await launchChromium();
    const samples = new Map<string, Awaited<ReturnType<typeof measureOnce>>[]>();
    try {
      for (let run = 0; run < RUNS; run++) {
        for (const api of apiNames) {
          // Interleaved, so that load from elsewhere on the machine hits both renderers alike.
          for (const [index, renderer] of renderers.entries()) {
            const { href, summary } = renderer.firstOperation(api);
            const key = `${index} ${api}`;
            samples.set(key, [...(samples.get(key) ?? []), await measureOnce(browser, `${servers[index]!.url}${href}`, summary)]);
          }
        }
        progress(`docs: run ${run + 1}/${RUNS}`);
      }
    } finally {
      await browser.close();
      await Promise.all(servers.map((server) => server.close()));
    }
    const rows: DocsRendererRow[] = [];
    for (const [index, renderer] of renderers.entries()) {
      for (const api of apiNames) {
        const runs = samples.get(`${index} ${api}`)!;
        rows.push({
          renderer: renderer.name,
          api,
          pageBytes: median(runs.map((r) => r.bytes)),
          pageGzipBytes: median(runs.map((r) => r.gzipBytes)),
          requests: median(runs.map((r) => r.requests)),
          firstOperationMs: median(runs.map((r) => r.firstOperationMs)),
          firstOperationMaxMs: Math.max(...runs.map((r) => r.firstOperationMs)),
          remoteRequests: [...new Set(runs.flatMap((r) => r.remote))],
          consoleErrors: [...new Set(runs.flatMap((r) => r.consoleErrors))],
        });
      }
    }
    return {
      measuredAt: new Date().toISOString(),
      environment: describeEnvironment(),
      method:
        `Chromium (test/support/chromium.ts), a fresh browser context per load (empty cache), 1280×900. Each load opens the link of the API's first operation, as a reader opening a shared link does; ` +
        `"first operation" is the time from navigation start until a heading with the operation's summary is inside the viewport. Page weight: bytes of every response the load fetched (headers and bodies, uncompressed: the docs server does not compress), until the network is idle; gzipped: the same bodies at gzip level 6, as a compressing server would send them. ` +
        `Requests to other hosts are refused and counted. ${RUNS} runs, interleaved, median (and the slowest).`,
      rows,
      notes: [
        "Scalar's page is one shared file for the three APIs (`assets/scalar/standalone.js`, cached by the browser and revalidated with its ETag) plus ~0.1 MB per API; Redoc's 2.5 MB is inlined into each API's page.",
        "What Scalar's extra weight and time buy (packages/docs/README.md): \"Test Request\" against the mock, fragment URLs that survive a new tab, and the hooks that sign Exoscale requests with the client's signer; Redoc's open-source edition has no console.",
      ],
    };
  } finally {
    rmSync(redocRoot, { recursive: true, force: true });
  }
}

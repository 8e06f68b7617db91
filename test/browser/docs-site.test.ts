// The built docs site in a real browser: the landing page and each reference page show what the bundled
// specs contain, nothing is requested from another host, no console error occurs. Full-page screenshots
// land in test-artifacts/browser/.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiNames, repoRoot, type ApiName } from "@managed-redis/tooling/apis";
import { defaultSiteRoot, startDocsServer, type DocsServer } from "@managed-redis/docs/server";
import { launchChromium, openRecordedPage, type RecordedPage } from "./browser-session.ts";
import { transcriptionNotes } from "@managed-redis/docs/transcription-notes";
import { loadBundle } from "@managed-redis/tooling/bundled-specs";
import { enumsOfPropertiesNamed, factsOf, propertyEnum, tagRoutesOf, type TagRoute } from "./spec-facts.ts";

const screenshotDir = path.join(repoRoot, "test-artifacts", "browser");

let server: DocsServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.join(defaultSiteRoot, "index.html"))) {
    throw new Error(`no built docs site in ${defaultSiteRoot}: build it first (npx turbo run build --filter=@managed-redis/docs)`);
  }
  mkdirSync(screenshotDir, { recursive: true });
  [server, browser] = await Promise.all([startDocsServer({ port: 0 }), launchChromium()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

function expectCleanPage(recorded: RecordedPage): void {
  expect(recorded.remoteRequests, "requests to other hosts").toEqual([]);
  expect(recorded.pageErrors, "page errors").toEqual([]);
  expect(recorded.consoleErrors, "console errors").toEqual([]);
}

/** Visible text and in-page routes of a Redoc page, with every tag opened and rendered whole. */
async function readReferencePage(page: Page, tags: TagRoute[]): Promise<{ text: string; hrefs: string[] }> {
  // Redoc 3 shows one tag's operations at a time (route #/<tag>) and mounts sections only as they come into
  // view. Scrolling makes that a race with a busy machine; instead the viewport grows to the page's height
  // so that every section is in view, until each operation of the tag has rendered its responses and the
  // text has stopped changing.
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const maxViewportHeight = 30_000;
  const texts: string[] = [];
  const hrefs = new Set<string>();
  for (const { route, operations } of tags) {
    await page.setViewportSize(viewport);
    await page.evaluate((hash) => {
      window.location.hash = hash;
      window.scrollTo(0, 0);
    }, route);
    const responseAnchors = operations.map((operation) => `a[href$="${route.slice(2)}/${operation}/responses"]`);
    let text = "";
    for (let stable = 0, step = 0; stable < 4 && step < 150; step++) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const current = page.viewportSize()!.height;
      const capped = current >= maxViewportHeight;
      if (height > current + 300 && !capped) {
        await page.setViewportSize({ width: viewport.width, height: Math.min(height + 200, maxViewportHeight) });
      }
      // Past the height cap the rest is brought into view by scrolling; text is kept from every step.
      if (capped) await page.evaluate(() => window.scrollBy(0, 20_000));
      await page.waitForTimeout(150);
      const allRendered = await page.evaluate((selectors) => selectors.every((selector) => document.querySelector(selector)), responseAnchors);
      const next = await page.innerText("body");
      stable = allRendered && next === text && (height <= current + 300 || capped) ? stable + 1 : 0;
      if (next !== text) texts.push(next);
      text = next;
    }
    for (const href of await page.$$eval("a[href]", (links) => links.map((a) => a.getAttribute("href") ?? ""))) hrefs.add(href);
  }
  await page.setViewportSize(viewport);
  return { text: texts.join("\n"), hrefs: [...hrefs] };
}

const referenceTexts = new Map<ApiName, Promise<{ text: string; hrefs: string[] }>>();

describe("landing page", () => {
  it("shows the three APIs with version, operation count, install line and mock command, without loading anything remote", async () => {
    const recorded = await openRecordedPage(browser);
    const { page } = recorded;
    await page.goto(server.url, { waitUntil: "load" });
    expect(await page.title()).toMatch(/Managed Redis APIs/);
    for (const api of apiNames) {
      const facts = factsOf(api);
      const info = { title: facts.title, version: facts.version };
      const section = page.locator(`section#${api}`);
      await expect(section.getByRole("heading", { level: 2 }).innerText()).resolves.toContain(info.title);
      const text = await section.innerText();
      expect(text).toContain(`v${info.version}`);
      expect(text).toContain(`${facts.operations.length} operation`);
      expect(text).toContain(`npm install @managed-redis/${api}`);
      expect(text).toContain(`npx @managed-redis/mock --api ${api}`);
      for (const href of [`${api}/index.html`, `${api}/openapi.yaml`, `${api}/openapi.json`]) {
        await expect(section.locator(`a[href="${href}"]`).count()).resolves.toBe(1);
      }
    }
    await expect(page.getByRole("navigation").getByRole("link").count()).resolves.toBe(apiNames.length);
    await page.screenshot({ path: path.join(screenshotDir, "landing.png"), fullPage: true });
    expectCleanPage(recorded);
    await recorded.context.close();
  });

  it("is readable at phone width: no sideways scrolling", async () => {
    const recorded = await openRecordedPage(browser, { width: 375, height: 740 });
    const { page } = recorded;
    await page.goto(server.url, { waitUntil: "load" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, "landing-phone.png"), fullPage: true });
    expectCleanPage(recorded);
    await recorded.context.close();
  });

  it("serves every file the landing page links to", async () => {
    const recorded = await openRecordedPage(browser);
    const { page } = recorded;
    await page.goto(server.url, { waitUntil: "load" });
    const local = await page.$$eval("a[href], link[href]", (elements) =>
      elements.map((element) => (element as HTMLAnchorElement).href).filter((href) => href.startsWith(location.origin)),
    );
    expect(local.length).toBeGreaterThan(apiNames.length * 3);
    for (const href of new Set(local.map((url) => url.split("#")[0]!))) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
    }
    expectCleanPage(recorded);
    await recorded.context.close();
  });

  it("links each API's reference page, which links back", async () => {
    const recorded = await openRecordedPage(browser);
    const { page } = recorded;
    await page.goto(server.url, { waitUntil: "load" });
    await page.locator(`section#redis-enterprise a[href="redis-enterprise/index.html"]`).click();
    await page.waitForURL(/redis-enterprise\/index\.html/);
    await page.getByRole("link", { name: "← All APIs" }).click();
    await page.waitForURL((url) => url.pathname === "/" || url.pathname === "/index.html");
    expectCleanPage(recorded);
    await recorded.context.close();
  });
});

describe.each(apiNames)("%s reference page", (api) => {
  it("shows every operation of the spec, without loading anything remote or logging an error", { timeout: 45_000 }, async () => {
    const recorded = await openRecordedPage(browser);
    const { page } = recorded;
    await page.goto(`${server.url}${api}/`, { waitUntil: "load" });
    const facts = factsOf(api);
    expect(await page.title()).toContain(facts.title);
    const reading = readReferencePage(page, tagRoutesOf(facts));
    referenceTexts.set(api, reading);
    const { text, hrefs } = await reading;
    for (const operation of facts.operations) {
      if (operation.summary) expect(text, `summary of ${operation.operationId}`).toContain(operation.summary);
      if (operation.operationId) {
        const slug = operation.operationId.toLowerCase();
        expect(hrefs.some((href) => href.toLowerCase().endsWith(`/${slug}`)), `link to ${operation.operationId}`).toBe(true);
      }
    }
    await page.screenshot({ path: path.join(screenshotDir, `${api}.png`), fullPage: true });
    expectCleanPage(recorded);
    await recorded.context.close();
  });
});

describe.each(apiNames)("%s notes on the transcription", (api) => {
  // A note as the page shows it: Markdown code spans become <code>, so compare the words, not the backticks.
  const shown = (note: string) => note.replace(/`/g, "").replace(/\s+/g, " ").trim();
  const notes = transcriptionNotes(loadBundle(api)).flatMap((note) => note.notes.map(shown));

  it("are on their own page, linked from the reference page, every note shown", async () => {
    expect(notes.length).toBeGreaterThan(5);
    const recorded = await openRecordedPage(browser);
    const { page } = recorded;
    await page.goto(`${server.url}${api}/`, { waitUntil: "load" });
    await page.getByRole("link", { name: "Notes on this transcription" }).click();
    await page.waitForURL(new RegExp(`${api}/notes\\.html$`));
    const text = (await page.innerText("main")).replace(/\s+/g, " ");
    expect(notes.filter((note) => !text.includes(note))).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, `${api}-notes.png`), fullPage: true });
    expectCleanPage(recorded);
    await recorded.context.close();
  });

  it("are not in the reference text", async () => {
    const reading = referenceTexts.get(api);
    expect(reading, "the reference page test ran first").toBeDefined();
    const text = (await reading!).text.replace(/\s+/g, " ");
    expect(notes.filter((note) => text.includes(note))).toEqual([]);
  });
});

describe("Exoscale DBaaS Valkey reference page", () => {
  const api = "exoscale-dbaas-valkey";
  const facts = factsOf(api);
  const expected = {
    "operation state": propertyEnum(facts, "Operation", "state"),
    "operation reason": propertyEnum(facts, "Operation", "reason"),
    dow: enumsOfPropertiesNamed(facts, "dow"),
  };

  it.each(Object.entries(expected))("shows every enum value of the %s", async (name, values) => {
    expect(values.length, `enum values of ${name} in the bundle`).toBeGreaterThan(0);
    const reading = referenceTexts.get(api);
    expect(reading, "the reference page test ran first").toBeDefined();
    const { text } = await reading!;
    // Redoc prints enum values in quotes; the quotes keep "busy" from matching ordinary prose.
    const missing = values.filter((value) => !text.includes(`"${value}"`));
    expect(missing).toEqual([]);
  });
});

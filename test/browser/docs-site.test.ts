// The built docs site in a real browser: the landing page shows what the bundled specs contain, the
// changelogs are HTML, the notes on each transcription have a page of their own; nothing is requested from
// another host, no console error occurs. (The reference pages: reference-pages.test.ts and try-it.test.ts.)
// Full-page screenshots land in test-artifacts/browser/.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiNames, repoRoot, type ApiName } from "@managed-redis/tooling/apis";
import { defaultSiteRoot, startDocsServer, type DocsServer } from "@managed-redis/docs/server";
import { saveScreenshot } from "./screenshots.ts";
import { launchChromium, openRecordedPage, type RecordedPage } from "./browser-session.ts";
import { transcriptionNotes } from "@managed-redis/docs/transcription-notes";
import { changelogSource } from "@managed-redis/docs/changelogs";
import { operationsOf, readBundle } from "./spec-facts.ts";
import { waitForReference } from "./reference-page.ts";

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

describe("landing page", () => {
  it("shows the three APIs with version, operation count, install line and mock command, without loading anything remote", async () => {
    const recorded = await openRecordedPage(browser);
    const { page } = recorded;
    await page.goto(server.url, { waitUntil: "load" });
    expect(await page.title()).toMatch(/Managed Redis APIs/);
    for (const api of apiNames) {
      const doc = readBundle(api);
      const info = doc.info as { title: string; version: string };
      const section = page.locator(`section#${api}`);
      await expect(section.getByRole("heading", { level: 2 }).innerText()).resolves.toContain(info.title);
      const text = await section.innerText();
      expect(text).toContain(`v${info.version}`);
      expect(text).toContain(`${operationsOf(doc).length} operation`);
      expect(text).toContain(`npm install @managed-redis/${api}`);
      expect(text).toContain(`npx @managed-redis/mock --api ${api}`);
      for (const href of [`${api}/index.html`, `${api}/openapi.yaml`, `${api}/openapi.json`]) {
        await expect(section.locator(`a[href="${href}"]`).count()).resolves.toBe(1);
      }
    }
    await expect(page.getByRole("navigation").getByRole("link").count()).resolves.toBe(apiNames.length);
    await saveScreenshot(page, path.join(screenshotDir, "landing.png"), { fullPage: true });
    expectCleanPage(recorded);
    await recorded.context.close();
  });

  it("is readable at phone width: no sideways scrolling", async () => {
    const recorded = await openRecordedPage(browser, { width: 375, height: 740 });
    const { page } = recorded;
    await page.goto(server.url, { waitUntil: "load" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, path.join(screenshotDir, "landing-phone.png"), { fullPage: true });
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
    await waitForReference(page);
    await page.getByRole("link", { name: "← All APIs" }).click();
    await page.waitForURL((url) => url.pathname === "/" || url.pathname === "/index.html");
    expectCleanPage(recorded);
    await recorded.context.close();
  });
});

describe.each(apiNames)("%s notes on the transcription", (api) => {
  // A note as the page shows it: Markdown code spans become <code>, so compare the words, not the backticks.
  const shown = (note: string) => note.replace(/`/g, "").replace(/\s+/g, " ").trim();
  const notes = transcriptionNotes(readBundle(api)).flatMap((note) => note.notes.map(shown));

  it("are on their own page, linked from the reference page, every note shown", async () => {
    expect(notes.length).toBeGreaterThan(5);
    const recorded = await openRecordedPage(browser);
    const { page } = recorded;
    await page.goto(`${server.url}${api}/`, { waitUntil: "load" });
    await waitForReference(page);
    await page.getByRole("link", { name: "Notes on this transcription" }).click();
    await page.waitForURL(new RegExp(`${api}/notes\\.html$`));
    const text = (await page.innerText("main")).replace(/\s+/g, " ");
    expect(notes.filter((note) => !text.includes(note))).toEqual([]);
    await saveScreenshot(page, path.join(screenshotDir, `${api}-notes.png`), { fullPage: true });
    expectCleanPage(recorded);
    await recorded.context.close();
  });

});

describe.each(apiNames)("%s changelog", (api) => {
  it("is an HTML page of its own, linked from the landing page and the reference, with the changelog's headings as headings", async () => {
    const recorded = await openRecordedPage(browser);
    const { page } = recorded;
    await page.goto(server.url, { waitUntil: "load" });
    await page.locator(`section#${api}`).getByRole("link", { name: "Changelog" }).click();
    await page.waitForURL(new RegExp(`${api}/changelog\\.html$`));
    const markdown = readFileSync(changelogSource(api), "utf8");
    const headings = [...markdown.matchAll(/^(#{1,4}) (.+)$/gm)].map((match) => ({ level: match[1]!.length + 1, text: match[2]!.replace(/`/g, "") }));
    expect(headings.length).toBeGreaterThan(2);
    for (const { level, text } of headings) {
      await expect(page.getByRole("heading", { level, name: text, exact: true }).count(), `<h${level}> ${text}`).resolves.toBeGreaterThan(0);
    }
    await expect(page.locator("main pre").filter({ hasText: /^#/ }).count(), "Markdown shown raw").resolves.toBe(0);
    await expect(page.locator("main li").count()).resolves.toBeGreaterThan(0);
    await saveScreenshot(page, path.join(screenshotDir, `${api}-changelog.png`), { fullPage: true });
    await page.goto(`${server.url}${api}/`, { waitUntil: "load" });
    await waitForReference(page);
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Changelog" }).click();
    await page.waitForURL(new RegExp(`${api}/changelog\\.html$`));
    expectCleanPage(recorded);
    await recorded.context.close();
  });
});

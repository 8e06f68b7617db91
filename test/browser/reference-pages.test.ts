// The reference pages in Chromium, as a reader uses them: every link of the sidebar opened on its own (a
// fresh page load of its URL, as when shared, reloaded or opened in a new tab) shows its target; each
// operation shows its TypeScript and curl samples, exactly as generated; anchors of the former Redoc pages
// still lead to their target; the transcription notes stay out of the reference; nothing is requested from
// another host and nothing is logged as an error.
//
// Cost: one fresh load per sidebar link (about 140 over the three APIs, ~1–2 s each, two pages at a time).
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiNames, repoRoot, type ApiName } from "@managed-redis/tooling/apis";
import { mockDefaultPorts } from "@managed-redis/docs/api-distribution";
import { codeSamples, sampleOperations } from "@managed-redis/docs/code-samples";
import { deepLinkTargets, oldAnchorRedirects, redirectOldAnchor, type DeepLinkTarget } from "@managed-redis/docs/deep-links";
import { startDocsServer, type DocsServer } from "@managed-redis/docs/server";
import { transcriptionNotes } from "@managed-redis/docs/transcription-notes";
import { saveScreenshot } from "./screenshots.ts";
import { launchChromium, openRecordedPage, type RecordedPage } from "./browser-session.ts";
import { operationSection, readCodeSample, sidebarLinks, waitForReference, waitForTargetInView } from "./reference-page.ts";
import { enumsOfPropertiesNamed, propertyEnum, readBundle } from "./spec-facts.ts";

const screenshotDir = path.join(repoRoot, "test-artifacts", "browser");
const pagesAtOnce = 2;

let server: DocsServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  [server, browser] = await Promise.all([startDocsServer({ port: 0 }), launchChromium()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

function expectCleanPage(recorded: RecordedPage, what: string): void {
  expect(recorded.remoteRequests, `${what}: requests to other hosts`).toEqual([]);
  expect(recorded.pageErrors, `${what}: page errors`).toEqual([]);
  expect(recorded.consoleErrors, `${what}: console errors`).toEqual([]);
}

/** Runs `task` over `items`, `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  }));
}

const normalize = (text: string) => text.replace(/\u00a0/g, " ").replace(/\s+$/gm, "").trim();

/** What each API's pages showed, kept for the checks that read it afterwards (notes, enums). */
const shownText = new Map<ApiName, Map<string, string>>();

describe.each(apiNames)("%s reference page", (api) => {
  const doc = readBundle(api);
  const targets = deepLinkTargets(doc as never);
  const samples = new Map(
    sampleOperations(doc as never).map((operation) => [operation.operationId, codeSamples(api, doc as never, operation, `http://127.0.0.1:${mockDefaultPorts[api]}`)]),
  );

  it("lists every section, tag, operation and schema in its sidebar", async () => {
    const recorded = await openRecordedPage(browser);
    await recorded.page.goto(`${server.url}${api}/`, { waitUntil: "load" });
    await waitForReference(recorded.page);
    const links = await sidebarLinks(recorded.page);
    expect(links.filter((href) => href !== "#description/introduction" && href !== "#models").sort()).toEqual(targets.map((t) => t.fragment).sort());
    await saveScreenshot(recorded.page, path.join(screenshotDir, `${api}.png`));
    expectCleanPage(recorded, "the page");
    await recorded.context.close();
  });

  it("shows the target of every sidebar link opened on its own, with each operation's TypeScript and curl samples", { timeout: 600_000 }, async () => {
    const recorded = await openRecordedPage(browser);
    await recorded.page.goto(`${server.url}${api}/`, { waitUntil: "load" });
    await waitForReference(recorded.page);
    const links = await sidebarLinks(recorded.page);
    await recorded.page.close();
    const byFragment = new Map<string, DeepLinkTarget>(targets.map((target) => [target.fragment, target]));
    const texts = new Map<string, string>();
    const failures: string[] = [];
    await inBatches(links, pagesAtOnce, async (fragment) => {
      const page = await recorded.context.newPage();
      try {
        await page.goto(`${server.url}${api}/${fragment}`, { waitUntil: "load" });
        const text = await waitForTargetInView(page, fragment);
        const target = byFragment.get(fragment);
        if (target && !text.includes(target.title)) failures.push(`${fragment}: the target shows "${text.slice(0, 80)}", not "${target.title}"`);
        if (target?.kind === "operation") {
          const operationId = fragment.split("/").at(-1)!;
          const section = operationSection(page, fragment);
          for (const sample of samples.get(operationId) ?? []) {
            const shown = await readCodeSample(section, sample.label);
            if (normalize(shown) !== normalize(sample.source)) failures.push(`${fragment}: the ${sample.label} sample differs from the generated one:\n${shown}`);
          }
        }
        texts.set(fragment, await page.innerText("body"));
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      } finally {
        await page.close();
      }
    });
    shownText.set(api, texts);
    expect(failures).toEqual([]);
    expect(texts.size).toBe(links.length);
    expect(links.length).toBeGreaterThanOrEqual(targets.length);
    expectCleanPage(recorded, "the fresh loads");
    await recorded.context.close();
  });

  it("keeps the anchors of the former Redoc page working", { timeout: 120_000 }, async () => {
    const redirects = oldAnchorRedirects(doc as never);
    // The mapping of every old anchor is checked in packages/docs/test/deep-links.test.ts; here, one of each
    // kind is opened: a tag, an operation, an operation's part (a second fragment), a section.
    const oldAnchors = Object.keys(redirects).filter((anchor, index, all) => index === 0 || index === all.length - 1);
    if (api === "kakaocloud-redis") oldAnchors.push("#/clusters/listclusters#clusters/listclusters/responses");
    if (api === "redis-enterprise") oldAnchors.push("#/section/transport-port-and-certificates");
    const recorded = await openRecordedPage(browser);
    for (const anchor of oldAnchors) {
      const page = await recorded.context.newPage();
      await page.goto(`${server.url}${api}/${anchor}`, { waitUntil: "load" });
      const fragment = redirectOldAnchor(anchor, redirects)!;
      expect(fragment, anchor).toBeDefined();
      const text = await waitForTargetInView(page, fragment);
      expect(text, anchor).toContain(targets.find((target) => target.fragment === fragment)!.title);
      await page.close();
    }
    expectCleanPage(recorded, "old anchors");
    await recorded.context.close();
  });

  it("leaves the notes on the transcription out of the reference, and links them", async () => {
    // A note as the page would show it: Markdown code spans become <code>, so compare the words.
    const notes = transcriptionNotes(doc).flatMap((note) => note.notes.map((text) => text.replace(/`/g, "").replace(/\s+/g, " ").trim()));
    expect(notes.length).toBeGreaterThan(5);
    const texts = shownText.get(api);
    expect(texts, "the sidebar test ran first").toBeDefined();
    const everything = [...texts!.values()].join("\n").replace(/\s+/g, " ");
    expect(notes.filter((note) => everything.includes(note))).toEqual([]);
  });
});

describe("Exoscale DBaaS Valkey reference page", () => {
  const api = "exoscale-dbaas-valkey";
  const doc = readBundle(api);
  const expected = {
    "operation state": propertyEnum(doc, "Operation", "state"),
    "operation reason": propertyEnum(doc, "Operation", "reason"),
    dow: enumsOfPropertiesNamed(doc, "dow"),
  };

  it.each(Object.entries(expected))("shows every enum value of the %s", (name, values) => {
    expect(values.length, `enum values of ${name} in the bundle`).toBeGreaterThan(0);
    const texts = shownText.get(api);
    expect(texts, "the sidebar test ran first").toBeDefined();
    // Each value is a word of its own on the schema's page (Scalar lists enum values one per chip).
    const words = new Set([...texts!.values()].join("\n").split(/\s+/));
    expect(values.filter((value) => !words.has(value))).toEqual([]);
  });
});

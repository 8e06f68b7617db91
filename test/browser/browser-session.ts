// Chromium (test/support/chromium.ts: never a browser downloaded from a CDN) driven by playwright-core, with every request, console
// error and page error of a page recorded, and every request to another host refused and recorded.
import type { Browser, BrowserContext, Page } from "playwright-core";

export { launchChromium } from "../support/chromium.ts";

export function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (["data:", "blob:", "about:"].includes(protocol)) return true;
  return ["127.0.0.1", "localhost", "[::1]"].includes(hostname);
}

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  /** Every console message, of any level (to check that no secret is logged). */
  consoleMessages: string[];
  pageErrors: string[];
  remoteRequests: string[];
}

export async function openRecordedPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport, serviceWorkers: "block" });
  const recorded: Omit<RecordedPage, "page"> = { context, consoleErrors: [], consoleMessages: [], pageErrors: [], remoteRequests: [] };
  // The context sees the requests of workers too; anything for another host is recorded and never sent.
  context.on("request", (request) => {
    if (!isLocalUrl(request.url())) recorded.remoteRequests.push(request.url());
  });
  await context.route(
    (url) => !isLocalUrl(url.href),
    (route) => route.abort("blockedbyclient"),
  );
  // Pages opened later in the context (fresh loads of a link) are recorded too.
  context.on("page", (opened) => {
    opened.on("console", (message) => {
      recorded.consoleMessages.push(message.text());
      if (message.type() === "error") recorded.consoleErrors.push(message.text());
    });
    opened.on("pageerror", (error) => recorded.pageErrors.push(error.message));
  });
  const page = await context.newPage();
  return { page, ...recorded };
}

// How the browser suites read a reference page (Scalar's API reference): wait until it has loaded, find the
// element a fragment names, read a code sample, collect the sidebar's links. What Scalar's markup looks like
// is known here only, so a renderer upgrade that changes it is fixed in one file.
import type { Locator, Page } from "playwright-core";
import { scalarTargetSelector } from "@managed-redis/docs/browser/hold-deep-link";

/** Waits for the page's script to report the reference mounted (reference.ts sets the attribute). */
export async function waitForReference(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.referenceLoaded === "true", null, { timeout: 30_000 });
}

/** The element a fragment names (the page's own selector, src/browser/hold-deep-link.ts). */
export const targetSelector = scalarTargetSelector;

/**
 * Waits until the target of `fragment` is in view (its top inside the viewport) and the address still
 * names it; returns its text, or throws saying what is wrong.
 */
export async function waitForTargetInView(page: Page, fragment: string, timeout = 20_000): Promise<string> {
  const selector = targetSelector(fragment);
  try {
    await page.waitForFunction(
      ({ selector, fragment }) => {
        if (decodeURIComponent(location.hash) !== fragment) return false;
        const element = document.querySelector(selector);
        if (!element) return false;
        const { top, height } = element.getBoundingClientRect();
        return height > 0 && top >= -2 && top < window.innerHeight - 40;
      },
      { selector, fragment },
      { timeout },
    );
  } catch {
    const state = await page.evaluate((selector) => {
      const element = document.querySelector(selector);
      return { hash: location.hash, found: Boolean(element), top: element?.getBoundingClientRect().top, viewport: window.innerHeight };
    }, selector);
    throw new Error(`${fragment} is not in view after a fresh load: ${JSON.stringify(state)}`);
  }
  return page.locator(selector).first().innerText();
}

/** The operation's element (its id ends with the fragment): its text, samples and "Test Request" button. */
export function operationSection(page: Page, fragment: string): Locator {
  return page.locator(targetSelector(fragment).split(", ")[0]!).first();
}

/** Picks a language in the operation's code-sample card and returns the sample's text as shown. */
export async function readCodeSample(section: Locator, label: "TypeScript" | "curl"): Promise<string> {
  const picker = section.getByRole("button", { name: /^Change code sample language: / }).first();
  if (!(await picker.innerText({ timeout: 10_000 })).startsWith(label)) {
    await picker.click();
    await section.page().getByRole("option", { name: label, exact: true }).click();
  }
  const sample = section.locator(`[aria-label="Code sample: ${label}"]`).first();
  await sample.waitFor({ state: "visible", timeout: 10_000 });
  return sample.innerText();
}

/** Opens every collapsed group of the sidebar and returns its in-page links (`#…`), in order. */
export async function sidebarLinks(page: Page): Promise<string[]> {
  const sidebar = page.locator("aside").first();
  for (let round = 0; round < 5; round++) {
    const closed = sidebar.getByRole("button", { name: /^Open Group - / });
    if ((await closed.count()) === 0) break;
    await closed.first().click();
  }
  const hrefs = await sidebar.locator('a[href^="#"]').evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((href) => href.length > 1))];
}

/** Opens the "try it" panel of an operation from the operation's section. */
export async function openTryIt(page: Page, fragment: string): Promise<Locator> {
  await operationSection(page, fragment).getByRole("button", { name: /Test Request/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: /^Send/ }).first().waitFor();
  return dialog;
}

/** Replaces the request body in the open panel (a code editor) with `json`. */
export async function replaceBody(dialog: Locator, json: string): Promise<void> {
  const editor = dialog.locator('[contenteditable="true"]').filter({ hasText: /^\s*\{/ }).first();
  await editor.fill(json);
}

/** Sends the request of the open panel. */
export async function send(dialog: Locator): Promise<void> {
  await dialog.getByRole("button", { name: /^Send/ }).first().click();
}

/** Opens the "try it" panel of an operation and sends the request as it is. */
export async function sendFromOperation(page: Page, fragment: string): Promise<Locator> {
  const dialog = await openTryIt(page, fragment);
  await send(dialog);
  return dialog;
}

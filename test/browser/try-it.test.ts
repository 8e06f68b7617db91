// "Test Request" on the reference pages, in Chromium, against the mocks that `npm start` runs, each started
// here on a free port (never 4010-4012): the page aims at the mock's default address, the reader enters the
// test's mock as the base URL and a credential, sends, and sees the answer's status, headers and body. The
// Exoscale page signs with the client's signer; the credentials stay in the page (no storage, no cookie, not
// in the URL or the console); no request leaves the machine.
import { signExoscaleRequest } from "@managed-redis/exoscale-dbaas-valkey";
import { mockDefaults, startMock, type RunningMock } from "@managed-redis/mock";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiName } from "@managed-redis/tooling/apis";
import { operationFragment } from "@managed-redis/docs/deep-links";
import { startDocsServer, type DocsServer } from "@managed-redis/docs/server";
import { launchChromium, openRecordedPage, type RecordedPage } from "./browser-session.ts";
import { openTryIt, replaceBody, send, sendFromOperation, waitForReference, waitForTargetInView } from "./reference-page.ts";
import { readBundle, responseExample } from "./spec-facts.ts";

let server: DocsServer;
let browser: Browser;
const mocks: Record<"kakaoStatic" | "kakaoStateful" | "exoscaleStatic", RunningMock | undefined> = { kakaoStatic: undefined, kakaoStateful: undefined, exoscaleStatic: undefined };

beforeAll(async () => {
  [server, browser, mocks.kakaoStatic, mocks.kakaoStateful, mocks.exoscaleStatic] = await Promise.all([
    startDocsServer({ port: 0 }),
    launchChromium(),
    startMock({ api: "kakaocloud-redis", port: 0, logLevel: "silent" }),
    startMock({ api: "kakaocloud-redis", port: 0, stateful: true, logLevel: "silent" }),
    startMock({ api: "exoscale-dbaas-valkey", port: 0, logLevel: "silent" }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close(), ...Object.values(mocks).map((mock) => mock?.close())]);
});

const token = "kakao-token-typed-by-the-reader-7f3a";
const exoscaleKey = "EXOreaderkey0123456789abcdef";
const exoscaleSecret = "reader-secret-never-stored-91c2";

/** Opens an operation of a reference page in a fresh page, as a shared link does. */
async function openOperation(api: ApiName, operationId: string): Promise<{ recorded: RecordedPage; fragment: string }> {
  const doc = readBundle(api);
  const tag = Object.values(doc.paths as Record<string, Record<string, { operationId?: string; tags?: string[] }>>)
    .flatMap((item) => Object.values(item))
    .find((operation) => operation.operationId === operationId)!.tags![0]!;
  const fragment = operationFragment(tag, operationId);
  const recorded = await openRecordedPage(browser);
  await recorded.page.goto(`${server.url}${api}/${fragment}`, { waitUntil: "load" });
  await waitForReference(recorded.page);
  await waitForTargetInView(recorded.page, fragment);
  return { recorded, fragment };
}

/** The base URL field of the page's server card (the server variable `baseUrl`). */
const baseUrlField = (page: Page) => page.locator('input[id$="-baseUrl"]').first();

/** Enters the base URL and, in the renderer's authentication card, a credential value. */
async function enterBaseUrl(page: Page, url: string): Promise<void> {
  await baseUrlField(page).fill(url);
}

async function enterToken(page: Page, value: string): Promise<void> {
  // The authentication card of the introduction: the API key's value field is the one password field.
  const field = page.locator(".scalar-reference-intro-auth input[type=password], .scalar-reference-intro-auth input").last();
  await field.fill(value);
}

/** Everything the page keeps beyond its own memory: storage, cookies, IndexedDB, the address. */
async function persistedState(recorded: RecordedPage): Promise<string> {
  const inPage = await recorded.page.evaluate(async () => ({
    url: location.href,
    localStorage: Object.entries(localStorage),
    sessionStorage: Object.entries(sessionStorage),
    cookies: document.cookie,
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
  }));
  const state = await recorded.context.storageState({ indexedDB: true });
  return JSON.stringify({ inPage, state });
}

function expectNothingLeft(recorded: RecordedPage, state: string, secrets: string[]): void {
  for (const secret of secrets) {
    expect(state, "storage, cookies, IndexedDB or the address").not.toContain(secret);
    expect(recorded.consoleMessages.join("\n"), "the console").not.toContain(secret);
  }
  expect(recorded.remoteRequests, "requests to other hosts").toEqual([]);
  expect(recorded.pageErrors, "page errors").toEqual([]);
  expect(recorded.consoleErrors, "console errors").toEqual([]);
}

/** Waits until the panel shows the answer's status line (`200 OK`) and every one of `texts`; returns its text. */
async function shownAnswer(dialog: ReturnType<Page["getByRole"]>, status: string, texts: string[] = []): Promise<string> {
  await dialog.getByText(status, { exact: true }).first().waitFor({ timeout: 20_000 });
  let text = "";
  for (let attempt = 0; attempt < 40; attempt++) {
    text = await dialog.innerText();
    if (texts.every((wanted) => text.includes(wanted))) break;
    await dialog.page().waitForTimeout(250);
  }
  return text;
}

describe("try it", () => {
  it("sends List Redis engine versions from its Kakao page to the mock and shows the 200 answer: status, headers, body", { timeout: 120_000 }, async () => {
    const { recorded, fragment } = await openOperation("kakaocloud-redis", "listEngineVersions");
    const { page } = recorded;
    // By default the page aims at the mock `npm start` runs; the test's mock listens on a free port instead.
    await expect(baseUrlField(page).inputValue()).resolves.toBe(`http://127.0.0.1:${mockDefaults["kakaocloud-redis"]}`);
    await enterBaseUrl(page, mocks.kakaoStatic!.url);
    await enterToken(page, token);
    const sent = page.waitForRequest((request) => request.url() === `${mocks.kakaoStatic!.url}/v1/redis/versions`);
    const dialog = await sendFromOperation(page, fragment);
    const request = await sent;
    expect(request.method()).toBe("GET");
    expect(await request.headerValue("x-auth-token")).toBe(token);
    const text = await shownAnswer(dialog, "200 OK", ["["]);
    const example = JSON.stringify(responseExample(readBundle("kakaocloud-redis"), "/v1/redis/versions", "get", "200"));
    const versions = [...example.matchAll(/"(\d+\.\d+\.\d+)"/g)].map((match) => match[1]!);
    expect(versions.length, `versions in the example ${example}`).toBeGreaterThan(0);
    for (const version of versions) expect(text).toContain(version);
    await dialog.getByText("Response Headers").first().click();
    await expect(dialog.getByText(/content-type/i).first().isVisible()).resolves.toBe(true);
    expectNothingLeft(recorded, await persistedState(recorded), [token]);
    await recorded.context.close();
  });

  it("creates a cluster on the stateful mock from createCluster's page and finds it in the next List clusters", { timeout: 120_000 }, async () => {
    const { recorded, fragment } = await openOperation("kakaocloud-redis", "createCluster");
    const { page } = recorded;
    await enterBaseUrl(page, mocks.kakaoStateful!.url);
    await enterToken(page, token);
    const created = page.waitForResponse((response) => response.url() === `${mocks.kakaoStateful!.url}/v1/clusters` && response.request().method() === "POST");
    // A reader edits the example's body before sending it (the example's own name would do too, once).
    const body = responseExample(readBundle("kakaocloud-redis"), "/v1/clusters", "post", "request") as Record<string, unknown>;
    let dialog = await openTryIt(page, fragment);
    await replaceBody(dialog, JSON.stringify({ ...body, name: "tried-from-the-docs" }, null, 2));
    await send(dialog);
    const answer = await created;
    const { objectId } = (await answer.json()) as { objectId: string };
    expect(answer.status(), JSON.stringify(await answer.json())).toBe(201);
    expect(objectId).toMatch(/\S/);
    await expect(shownAnswer(dialog, "201 Created", [objectId])).resolves.toContain(objectId);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    const list = operationFragment("Clusters", "listClusters");
    await page.evaluate((hash) => (location.hash = hash), list);
    await waitForTargetInView(page, list);
    const listed = page.waitForResponse((response) => response.url() === `${mocks.kakaoStateful!.url}/v1/clusters` && response.request().method() === "GET");
    dialog = await openTryIt(page, list);
    // The panel fills the optional filters with the spec's examples; a reader who wants every cluster unticks them.
    for (const name of ["parameterGroupId", "parameterGroupName"]) await dialog.getByLabel(`Include ${name} in request`).uncheck();
    await send(dialog);
    expect(JSON.stringify(await (await listed).json())).toContain(objectId);
    // The body viewer renders the lines in view: a tall window shows the whole list.
    await page.setViewportSize({ width: 1280, height: 6000 });
    await expect(shownAnswer(dialog, "200 OK", [objectId])).resolves.toContain(objectId);
    expectNothingLeft(recorded, await persistedState(recorded), [token]);
    await recorded.context.close();
  });

  it("signs each Exoscale request with the key and secret entered, by the client's signer (EXO2-HMAC-SHA256)", { timeout: 120_000 }, async () => {
    const { recorded, fragment } = await openOperation("exoscale-dbaas-valkey", "get-dbaas-service-valkey");
    const { page } = recorded;
    await enterBaseUrl(page, mocks.exoscaleStatic!.url);
    await page.locator("#try-it-api-key").fill(exoscaleKey);
    await page.locator("#try-it-api-secret").fill(exoscaleSecret);
    const sent = page.waitForRequest((request: Request) => request.url().startsWith(`${mocks.exoscaleStatic!.url}/dbaas-valkey/`) && request.method() === "GET");
    const dialog = await sendFromOperation(page, fragment);
    const request = await sent;
    const authorization = (await request.headerValue("authorization")) ?? "";
    const expires = Number(/,expires=(\d+),/.exec(authorization)?.[1]);
    expect(authorization).toMatch(new RegExp(`^EXO2-HMAC-SHA256 credential=${exoscaleKey},expires=\\d+,signature=\\S+$`));
    expect(expires * 1000).toBeGreaterThan(Date.now());
    expect(authorization).toBe(await signExoscaleRequest({ method: "GET", url: request.url(), body: "" }, { apiKey: exoscaleKey, apiSecret: exoscaleSecret }, expires));
    expect(authorization).not.toContain(exoscaleSecret);
    await shownAnswer(dialog, "200 OK");
    expectNothingLeft(recorded, await persistedState(recorded), [exoscaleSecret]);
    await recorded.context.close();
  });
});

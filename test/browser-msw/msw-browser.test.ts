// @managed-redis/msw in Chromium (test/support/chromium.ts): a page bundled with esbuild starts MSW's
// service worker and drives the three clients through their scenarios (the browser build of the Redis
// Enterprise client included). Nothing may leave the machine: every request goes to the local page
// server or is answered by the service worker, and Chromium's resolver knows no other host, so a request
// that slipped past MSW would fail rather than go out.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium.ts";
import { startPageServer, type PageServer } from "./serve-page.ts";

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startPageServer(),
    // Chromium's resolver knows no host but this machine's.
    launchChromium(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const isLocal = (url: string) => ["localhost", "127.0.0.1"].includes(new URL(url).hostname);

describe("@managed-redis/msw in Chromium", () => {
  it("runs the KakaoCloud, Exoscale and Redis Enterprise scenarios against MSW's service worker, with no request leaving the machine", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    // Chromium logs every 4xx a page fetches; the scenarios read a deleted resource on purpose (404).
    const expected404Logs: string[] = [];
    const remote: { url: string; fromServiceWorker: boolean; status: number }[] = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (/^Failed to load resource: the server responded with a status of 404\b/.test(message.text())) expected404Logs.push(message.text());
      else problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ""}`));
    page.on("response", (response) => {
      if (!isLocal(response.url())) remote.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker(), status: response.status() });
    });

    await page.goto(server.url);
    await page.locator("#result[data-done]").waitFor({ timeout: 20_000 });
    const result = JSON.parse((await page.locator("#result").textContent()) ?? "{}") as Record<string, unknown>;
    await context.close();

    expect(result).toEqual({
      ok: true,
      kakaocloud: { firstStatus: "Creating", runningStatus: "Running", description: "from the browser", afterDelete: 404 },
      exoscaleValkey: { operationState: "pending", firstState: "rebuilding", runningState: "running", afterDelete: 404 },
      redisEnterprise: { caRefusedFor: "ca", restarted: { alert_mgr: true }, during: "RESTARTING", after: "RUNNING" },
    });
    expect(problems).toEqual([]);
    expect(expected404Logs).toHaveLength(remote.filter((entry) => entry.status === 404).length);
    expect(expected404Logs).toHaveLength(2);
    // The vendors' hosts were called, and every answer came from the service worker.
    const hosts = new Set(remote.map((entry) => new URL(entry.url).host));
    expect(hosts).toEqual(new Set(["redis.kr-central-2.kakaocloud.com", "api-ch-gva-2.exoscale.com"]));
    expect(remote.filter((entry) => !entry.fromServiceWorker)).toEqual([]);
    expect(remote.length).toBeGreaterThan(10);
  });
});

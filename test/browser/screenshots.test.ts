// The screenshot helper tolerates only Chromium's failure to capture, and only after retrying.
import { describe, expect, it } from "vitest";
import { saveScreenshot } from "./screenshots.ts";

function fakePage(failures: Error[]) {
  const calls: unknown[] = [];
  return {
    calls,
    page: {
      screenshot: async (options?: unknown) => {
        calls.push(options);
        const failure = failures.shift();
        if (failure) throw failure;
        return Buffer.from("");
      },
      waitForTimeout: async () => {},
    },
  };
}

const captureError = () => new Error("page.screenshot: Protocol error (Page.captureScreenshot): Unable to capture screenshot");

describe("saveScreenshot", () => {
  it("retries a capture failure and saves on a later attempt", async () => {
    const { page, calls } = fakePage([captureError()]);
    await expect(saveScreenshot(page as never, "/tmp/x.png", { fullPage: true })).resolves.toBe(true);
    expect(calls).toEqual([{ fullPage: true, path: "/tmp/x.png" }, { fullPage: true, path: "/tmp/x.png" }]);
  });

  it("gives up after three capture failures without failing the test", async () => {
    const { page, calls } = fakePage([captureError(), captureError(), captureError()]);
    await expect(saveScreenshot(page as never, "/tmp/x.png")).resolves.toBe(false);
    expect(calls).toHaveLength(3);
  });

  it("throws any other failure at once", async () => {
    const { page, calls } = fakePage([new Error("page.screenshot: Target page, context or browser has been closed")]);
    await expect(saveScreenshot(page as never, "/tmp/x.png")).rejects.toThrow("has been closed");
    expect(calls).toHaveLength(1);
  });
});

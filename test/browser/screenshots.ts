// Screenshots of the pages the tests visit, for people to look at (test-artifacts/browser/). They check
// nothing, so a busy machine's Chromium failing to capture one ("Unable to capture screenshot", seen at a
// load average of 14) must not fail the test that took it: it is tried three times, then reported on
// standard error and skipped. Any other failure (a closed page, a path that cannot be written) still throws.
import type { Page } from "playwright-core";

type ScreenshotOptions = NonNullable<Parameters<Page["screenshot"]>[0]>;

const captureFailure = /Unable to capture screenshot/;

/** Saves a screenshot of `page` to `file`; true when saved, false when Chromium could not capture one. */
export async function saveScreenshot(
  page: Pick<Page, "screenshot" | "waitForTimeout">,
  file: string,
  options: Omit<ScreenshotOptions, "path"> = {},
  attempts = 3,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({ ...options, path: file });
      return true;
    } catch (error) {
      if (!captureFailure.test(String(error))) throw error;
      if (attempt >= attempts) {
        process.stderr.write(`screenshot ${file} not saved after ${attempts} attempts: ${String(error).split("\n")[0]}\n`);
        return false;
      }
      await page.waitForTimeout(250 * attempt);
    }
  }
}

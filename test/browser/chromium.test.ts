// How the browser suites find a Chromium: CHROMIUM_PATH, then Debian's, then the one inside the
// @sparticuz/chromium npm package; one line that says what to do when there is none.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ChromiumNotFoundError, findChromium } from "../support/chromium.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "chromium-finder-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const missing = path.join(scratch, "no-such-chromium");

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first", async () => {
    const fake = path.join(scratch, "fake-chromium");
    writeFileSync(fake, "#!/bin/sh\n");
    chmodSync(fake, 0o755);
    await expect(findChromium({ env: { CHROMIUM_PATH: fake }, debianPath: missing })).resolves.toMatchObject({ executablePath: fake, source: "CHROMIUM_PATH" });
  });

  it("reports a CHROMIUM_PATH that is not an executable file in one line", async () => {
    const error = await findChromium({ env: { CHROMIUM_PATH: missing } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChromiumNotFoundError);
    expect((error as Error).message).toContain(`CHROMIUM_PATH=${missing} is not an executable file`);
    expect((error as Error).stack).not.toContain("\n");
  });

  it("says what to do, in one line, when there is no Chromium at all", async () => {
    const error = await findChromium({ env: {}, debianPath: missing, resolveFrom: scratch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChromiumNotFoundError);
    expect((error as Error).stack).toMatch(/^ChromiumNotFoundError: no Chromium: .* set CHROMIUM_PATH .* run `npm ci`/);
    expect((error as Error).stack).not.toContain("\n");
  });

  // The suites use Debian's Chromium where it is installed, so this keeps the packaged one tested too.
  it("falls back to the Chromium inside @sparticuz/chromium, unpacked once into the temp dir", async () => {
    const found = await findChromium({ env: {}, debianPath: missing });
    expect(found.source).toBe("@sparticuz/chromium");
    expect(path.dirname(found.executablePath)).toBe(path.join(os.tmpdir(), "managed-redis-chromium-153.0.0"));
    expect(execFileSync(found.executablePath, ["--version"], { encoding: "utf8", env: { ...process.env, ...found.env } })).toMatch(/^Chromium \d+\./);
  });
});

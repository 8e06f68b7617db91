import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { apiNames } from "@managed-redis/tooling/apis";
import { checkLinks } from "../src/link-checker.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
const builtSite = fileURLToPath(new URL("../dist/", import.meta.url));

describe("checkLinks", () => {
  const broken = checkLinks({ root: fixture("site-with-broken-links"), pages: ["index.html"] });
  const brokenHrefs = broken.map((link) => link.href);

  it("fails a page with a broken link", () => {
    expect(broken.length).toBeGreaterThan(0);
  });

  it("reports links to files that are not in the site", () => {
    expect(brokenHrefs).toContain("referance/index.html");
    expect(brokenHrefs).toContain("reference/openapi.json");
  });

  it("reports fragments that name no element, on the page or on the target page", () => {
    expect(brokenHrefs).toContain("#nowhere");
    expect(brokenHrefs).toContain("reference/index.html#no-such-id");
  });

  it("reports root-relative links, which break when the site is not served from the root", () => {
    expect(brokenHrefs).toContain("/reference/");
  });

  it("reports links to hosts other than npm, plain http links and empty links", () => {
    expect(brokenHrefs).toEqual(expect.arrayContaining(["https://cdn.example.com/docs", "http://www.npmjs.com/package/x", ""]));
  });

  it("does not report the links that work", () => {
    expect(brokenHrefs).not.toContain("reference/index.html");
    expect(brokenHrefs).not.toContain("#apis");
    expect(brokenHrefs).not.toContain("site.css");
  });

  it("accepts files, directories with an index.html, element and route fragments, downloads and npm", () => {
    expect(checkLinks({ root: fixture("site-with-good-links"), pages: ["index.html"] })).toEqual([]);
  });

  it("reports a page that does not exist", () => {
    expect(checkLinks({ root: fixture("site-with-good-links"), pages: ["missing.html"] })).toHaveLength(1);
  });
});

describe("the built site", () => {
  // turbo builds the site before this test (packages/docs/turbo.json: test depends on build).
  it("has no broken link on the landing page or a changelog page", () => {
    expect(existsSync(`${builtSite}index.html`), "packages/docs/dist is built").toBe(true);
    const pages = ["index.html", ...["changelogs.html", ...apiNames.map((api) => `${api}/changelog.html`)].filter((page) => existsSync(builtSite + page))];
    expect(checkLinks({ root: builtSite, pages })).toEqual([]);
  });
});

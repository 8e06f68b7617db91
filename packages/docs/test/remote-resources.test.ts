import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findRemoteResources, findRemoteResourcesInCss, isRemoteUrl } from "../src/remote-resources.ts";

const page = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/pages/${name}`, import.meta.url)), "utf8");
const builtSite = fileURLToPath(new URL("../dist/", import.meta.url));

describe("findRemoteResources", () => {
  it("finds Google Fonts, CDN scripts and module imports, remote images, CSS imports and url()s, and a missing policy", () => {
    const found = findRemoteResources(page("loads-remote-resources.html"));
    expect(found.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        "https://fonts.gstatic.com",
        "https://fonts.googleapis.com/css?family=Montserrat:300,400,700",
        "https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js",
        "https://cdn.example.com/theme.css",
        "https://cdn.example.com/font.woff2",
        "https://cdn.redoc.ly/redoc/logo-mini.svg",
        "//cdn.example.com/logo@2x.png",
        "https://cdn.example.com/bg.png",
        "(missing)",
      ]),
    );
    expect(found.filter((r) => r.kind === "script import")).toHaveLength(1);
    expect(found.map((r) => r.url)).not.toContain("https://redocly.com/redoc/");
  });

  it("accepts local files, data: URLs, loopback hosts, URLs inside script strings and links to click", () => {
    expect(findRemoteResources(page("loads-nothing-remote.html"))).toEqual([]);
  });

  it("reports a Content-Security-Policy that lets a host through", () => {
    const found = findRemoteResources(page("policy-allows-a-host.html"));
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: "content-security-policy script-src", url: "https://cdn.redocly.com" },
        { kind: "content-security-policy img-src", url: "*" },
      ]),
    );
  });

  it("lets a policy reach loopback addresses on any port, and nothing else by host", () => {
    const policy = (connect: string) => `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src ${connect}">`;
    expect(findRemoteResources(policy("'self' http://127.0.0.1:* http://localhost:* https://localhost:4010"))).toEqual([]);
    expect(findRemoteResources(policy("'self' http://127.0.0.1.example.com:*"))).toEqual([{ kind: "content-security-policy connect-src", url: "http://127.0.0.1.example.com:*" }]);
    expect(findRemoteResources(policy("'self' https:"))).toEqual([{ kind: "content-security-policy connect-src", url: "https:" }]);
  });

  it("tells loopback from remote hosts", () => {
    expect(isRemoteUrl("http://127.0.0.1:8080/x")).toBe(false);
    expect(isRemoteUrl("http://localhost/x")).toBe(false);
    expect(isRemoteUrl("https://127.0.0.1.example.com/x")).toBe(true);
    expect(isRemoteUrl("//cdn.example.com/x")).toBe(true);
    expect(isRemoteUrl("site.css")).toBe(false);
  });

  it("finds remote url()s in a stylesheet", () => {
    expect(findRemoteResourcesInCss("a { background: url(https://cdn.example.com/a.png) } b { background: url(b.png) }")).toHaveLength(1);
  });
});

describe("the built site", () => {
  it.each(["index.html", "kakaocloud-redis/index.html", "exoscale-dbaas-valkey/index.html", "redis-enterprise/index.html"])(
    "%s would load nothing from another host",
    (file) => {
      const html = readFileSync(`${builtSite}${file}`, "utf8");
      expect(findRemoteResources(html)).toEqual([]);
      expect(html).not.toContain("cdn.redoc.ly");
      expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    },
  );
});

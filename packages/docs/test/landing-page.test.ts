import { describe, expect, it } from "vitest";
import type { ApiSummary } from "../src/api-summary.ts";
import { renderLandingPage } from "../src/landing-page.ts";

const summary: ApiSummary = {
  api: "exoscale-dbaas-valkey",
  title: "Valkey <API>",
  version: "2.0.0",
  tagline: "Manage `valkey` services.",
  servers: [{ url: "https://api-{zone}.example.com/v2", description: undefined, variables: [{ name: "zone", default: "a", values: ["a", "b"], description: undefined }] }],
  operations: [{ method: "get", path: "/x", operationId: "getX", summary: "Get x" }],
  authentication: "API key in the `Authorization` header",
};

describe("renderLandingPage", () => {
  const html = renderLandingPage([{ summary, hasChangelog: false }]);

  it("is an accessible document: language, title, skip link, landmarks", () => {
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('<a class="skip-link" href="#main">');
    for (const landmark of ["<header", "<nav", '<main id="main"', "<footer"]) expect(html).toContain(landmark);
  });

  it("escapes what comes from the spec and renders its code spans", () => {
    expect(html).toContain("Valkey &lt;API&gt;");
    expect(html).toContain("<code>valkey</code>");
  });

  it("shows the operation count in the singular, the server variables and the links", () => {
    expect(html).toContain("1 operation<");
    expect(html).toContain("default <code>a</code>; also <code>b</code>");
    for (const href of ["exoscale-dbaas-valkey/index.html", "exoscale-dbaas-valkey/openapi.yaml", "exoscale-dbaas-valkey/openapi.json"]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain("npm install @managed-redis/exoscale-dbaas-valkey");
    expect(html).toContain("npx @managed-redis/mock --api exoscale-dbaas-valkey");
  });

  it("links the package changelogs page only when the build made one", () => {
    expect(html).not.toContain("changelogs.html");
    expect(renderLandingPage([{ summary, hasChangelog: false }], { packageChangelogs: "changelogs.html" })).toContain('<a href="changelogs.html">Changelogs of every npm package</a>');
  });

  it("links a changelog only when one exists", () => {
    expect(html).not.toContain("changelog.html");
    expect(renderLandingPage([{ summary, hasChangelog: true }])).toContain('href="exoscale-dbaas-valkey/changelog.html"');
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { apiNames } from "@managed-redis/tooling/apis";
import { changelogSource } from "../src/changelogs.ts";
import { renderMarkdown } from "../src/markdown.ts";

const builtSite = fileURLToPath(new URL("../dist/", import.meta.url));

describe("renderMarkdown", () => {
  it("renders headings one level down with unique ids, lists and code", () => {
    const html = renderMarkdown("# Title\n\n## 1.0.0\n\n- `a` changed\n- b\n\n## 1.0.0\n\n```sh\nnpm i x\n```\n", { headingOffset: 1, idPrefix: "p-" });
    expect(html).toContain('<h2 id="p-title">Title</h2>');
    expect(html).toContain('<h3 id="p-1-0-0">1.0.0</h3>');
    expect(html).toContain('<h3 id="p-1-0-0-2">1.0.0</h3>');
    expect(html).toMatch(/<ul>\s*<li><code>a<\/code> changed<\/li>/);
    expect(html).toContain('<pre><code class="language-sh">npm i x\n</code></pre>');
  });

  it("shows raw HTML as text", () => {
    const html = renderMarkdown('Before <script>alert(1)</script> <img src="https://example.com/x.png">\n');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("the built changelog pages", () => {
  it.each(apiNames)("%s/changelog.html has the changelog's headings as HTML, not Markdown in a <pre>", (api) => {
    const html = readFileSync(`${builtSite}${api}/changelog.html`, "utf8");
    const markdown = readFileSync(changelogSource(api), "utf8");
    const headings = [...markdown.matchAll(/^#{1,4} (.+)$/gm)].map((match) => match[1]!.replace(/`/g, ""));
    expect(headings.length).toBeGreaterThan(1);
    const shown = [...html.matchAll(/<h([2-5]) id="[^"]+">(.*?)<\/h\1>/g)].map((match) => match[2]!.replace(/<\/?code>/g, ""));
    for (const heading of headings) expect(shown).toContain(heading);
    expect(html).not.toContain('<pre class="changelog">');
    expect(html).not.toMatch(/^#{1,4} /m);
  });
});

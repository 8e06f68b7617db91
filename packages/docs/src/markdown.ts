// Markdown to HTML for the hand-written pages (the changelogs), with marked (pinned in package.json).
// Headings move down by `headingOffset` levels, so a changelog's own `#` title sits below the page's <h1>,
// and get ids (prefixed, unique on the page) that can be linked to. Raw HTML in the Markdown is shown as
// text: the pages run no script and carry no markup but what the site writes.
import { Marked } from "marked";
import { slugify } from "./deep-links.ts";
import { escapeHtml } from "./html.ts";

export interface MarkdownOptions {
  headingOffset?: number;
  /** Prefix of the heading ids, e.g. `client-`. */
  idPrefix?: string;
  /** Ids already used on the page; new ones are added. */
  usedIds?: Set<string>;
}

export function renderMarkdown(markdown: string, { headingOffset = 0, idPrefix = "", usedIds = new Set() }: MarkdownOptions = {}): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }) {
        const level = Math.min(6, depth + headingOffset);
        const base = `${idPrefix}${slugify(text) || "section"}`;
        let id = base;
        for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
        usedIds.add(id);
        return `<h${level} id="${id}">${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      html({ text }) {
        return escapeHtml(text);
      },
    },
  });
  return marked.parse(markdown, { async: false });
}

// Checks the links of hand-written pages in a built site: every href and src must name a file in the
// site (a directory means its index.html), a same-page #fragment must name an element id, and a link to
// another site must be https to an allowed host (npm, where the client packages live).
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const defaultAllowedHosts = ["www.npmjs.com"];

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

export interface CheckLinksOptions {
  /** The site's root directory (packages/docs/dist). */
  root: string;
  /** Pages to check, relative to root, e.g. ["index.html"]. */
  pages: string[];
  /** Hosts that https links may point to. */
  allowedHosts?: string[];
}

function linksOf(html: string): string[] {
  const withoutScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  return [...withoutScripts.matchAll(/<[a-z]+\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map(
    (match) => decodeEntities(match[1] ?? match[2] ?? ""),
  );
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => decodeEntities(m[1] ?? m[2] ?? "")));
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

function resolveFile(root: string, page: string, target: string): string | undefined {
  const resolved = path.resolve(root, path.dirname(page), decodeURIComponent(target));
  if (!resolved.startsWith(path.resolve(root) + path.sep) && resolved !== path.resolve(root)) return undefined;
  if (!existsSync(resolved)) return undefined;
  if (statSync(resolved).isDirectory()) {
    const index = path.join(resolved, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return resolved;
}

function checkLink(root: string, page: string, html: string, href: string, allowedHosts: string[]): string | undefined {
  if (href.trim() === "") return "empty link";
  if (href.startsWith("data:")) return undefined;
  if (href.startsWith("#")) {
    const id = decodeURIComponent(href.slice(1));
    return id === "" || idsOf(html).has(id) ? undefined : `no element with id "${id}" on the page`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) {
    let url: URL;
    try {
      url = new URL(href, "https://invalid.example");
    } catch {
      return "not a valid URL";
    }
    if (url.protocol !== "https:") return `${url.protocol} links are not allowed (only https to ${allowedHosts.join(", ")})`;
    if (!allowedHosts.includes(url.hostname)) return `links to ${url.hostname} are not allowed (only ${allowedHosts.join(", ")})`;
    return undefined;
  }
  const [target = "", fragment] = href.split("#", 2);
  const pathPart = target.split("?", 1)[0] ?? "";
  if (pathPart.startsWith("/")) return "root-relative links break when the site is not served from the root; use a relative link";
  const file = resolveFile(root, page, pathPart === "" ? path.basename(page) : pathPart);
  if (!file) return `no file ${path.posix.join(path.posix.dirname(page), pathPart)} in the site`;
  if (fragment && !fragment.startsWith("/") && file.endsWith(".html") && !idsOf(readFileSync(file, "utf8")).has(decodeURIComponent(fragment))) {
    return `no element with id "${fragment}" in ${path.relative(root, file)}`;
  }
  return undefined;
}

export function checkLinks({ root, pages, allowedHosts = defaultAllowedHosts }: CheckLinksOptions): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const file = path.join(root, page);
    if (!existsSync(file)) {
      broken.push({ page, href: page, reason: "the page itself does not exist" });
      continue;
    }
    const html = readFileSync(file, "utf8");
    for (const href of linksOf(html)) {
      const reason = checkLink(root, page, html, href, allowedHosts);
      if (reason) broken.push({ page, href, reason });
    }
  }
  return broken;
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
  return broken.map(({ page, href, reason }) => `  ${page}: ${href} — ${reason}`).join("\n");
}

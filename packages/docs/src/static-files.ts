// The docs site's files over HTTP, and nothing else: GET and HEAD only (405 with Allow otherwise), no
// dotfile or dot-directory (404), nothing outside the site's root, malformed escapes 400, ranges read by
// `range-parser` (one range: 206 with exactly those bytes; unsatisfiable: 416 with `Content-Range: bytes
// */size`; malformed or several: the whole file), validators (ETag, If-None-Match → 304), and the
// security headers on every answer. Every error is an answer for that request alone.
import { createReadStream, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { lookup } from "mrmime";
import parseRange from "range-parser";
import { referencePagePolicy } from "./reference-pages.ts";

/**
 * Sent with every answer. The policy is the reference pages' own (scripts and styles from the site, try-it
 * requests to loopback only) plus what a <meta> cannot say: no framing by another site.
 */
export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  "content-security-policy": `${referencePagePolicy}; frame-ancestors 'none'`,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
});

const allowedMethods = "GET, HEAD";
const rangeSyntax = /^bytes=\s*(\d+-\d*|-\d+)(\s*,\s*(\d+-\d*|-\d+))*\s*$/;

export function createStaticHandler(root: string): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const base = path.resolve(root);
  return async (request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    const method = request.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") return answerText(response, 405, "Method not allowed: the docs are read with GET or HEAD\n", { allow: allowedMethods });
    const rawPath = (request.url ?? "/").split("?", 1)[0]!;
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      return answerText(response, 400, "Bad request: the path has a malformed percent-escape\n");
    }
    if (decoded.includes("\0")) return answerText(response, 400, "Bad request: the path contains a NUL byte\n");
    const segments = decoded.split(/[\\/]+/).filter(Boolean);
    // Dotfiles (.git, .env, .DS_Store) and `..` are never served.
    if (segments.some((segment) => segment.startsWith("."))) return notFound(response);
    const found = await findFile(base, segments, rawPath.endsWith("/"));
    if (!found) return notFound(response);
    if (found.directory && !rawPath.endsWith("/")) {
      // A directory's page is read at its URL with a slash, so its relative links resolve inside it.
      return answerText(response, 301, "Moved permanently\n", { location: `/${segments.map(encodeURIComponent).join("/")}/` });
    }
    serveFile(request, response, found.file, found.stats, method === "HEAD");
  };
}

async function findFile(base: string, segments: string[], directory: boolean): Promise<{ file: string; stats: Stats; directory: boolean } | undefined> {
  const target = path.join(base, ...segments);
  if (target !== base && !target.startsWith(base + path.sep)) return undefined;
  // As sirv (dev) resolved them: the file, `name.html`, `name/index.html`.
  const candidates = directory || segments.length === 0 ? [path.join(target, "index.html")] : [target, `${target}.html`, path.join(target, "index.html")];
  for (const file of candidates) {
    try {
      const stats = await stat(file);
      if (stats.isFile()) return { file, stats, directory: file.endsWith(`${path.sep}index.html`) && !target.endsWith("index.html") };
    } catch {
      // not there: the next candidate
    }
  }
  return undefined;
}

function serveFile(request: IncomingMessage, response: ServerResponse, file: string, stats: Stats, headOnly: boolean): void {
  const etag = `W/"${stats.size}-${Math.floor(stats.mtimeMs)}"`;
  response.setHeader("content-type", contentTypeOf(file));
  response.setHeader("etag", etag);
  response.setHeader("last-modified", stats.mtime.toUTCString());
  response.setHeader("cache-control", "no-cache");
  response.setHeader("accept-ranges", "bytes");
  if (matchesNoneMatch(request.headers["if-none-match"], etag)) {
    response.statusCode = 304;
    response.end();
    return;
  }
  let start = 0;
  let end = stats.size - 1;
  const range = request.headers.range;
  const ifRange = request.headers["if-range"];
  // A Range header that is not byte ranges in RFC 9110 §14.1.2's syntax is ignored (range-parser would call
  // `bytes=abc` unsatisfiable).
  if (range !== undefined && rangeSyntax.test(range) && (ifRange === undefined || ifRange === etag)) {
    const ranges = parseRange(stats.size, range, { combine: true });
    if (ranges === -1) {
      // RFC 9110 §15.5.17: unsatisfiable (beyond the end, or last < first).
      return answerText(response, 416, "Range not satisfiable\n", { "content-range": `bytes */${stats.size}` });
    }
    // -2 (malformed) or several ranges: the whole file, as RFC 9110 §14.2 allows.
    if (ranges !== -2 && ranges.type === "bytes" && ranges.length === 1) {
      start = ranges[0]!.start;
      end = ranges[0]!.end;
      response.statusCode = 206;
      response.setHeader("content-range", `bytes ${start}-${end}/${stats.size}`);
    }
  }
  response.setHeader("content-length", stats.size === 0 ? 0 : end - start + 1);
  if (headOnly || stats.size === 0) {
    response.end();
    return;
  }
  const stream = createReadStream(file, { start, end });
  stream.on("error", () => response.destroy());
  stream.pipe(response);
}

/** RFC 9110 §13.1.2: `*` or a list holding this ETag (weak comparison). */
function matchesNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.trim() === "*" || header.split(",").some((tag) => bare(tag) === bare(etag));
}

function contentTypeOf(file: string): string {
  const type = lookup(file) ?? "application/octet-stream";
  return type.startsWith("text/") || type === "application/javascript" || type === "application/json" || type === "image/svg+xml" ? `${type}; charset=utf-8` : type;
}

function notFound(response: ServerResponse): void {
  answerText(response, 404, "Not found\n");
}

function answerText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.statusCode = status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader("content-type", "text/plain; charset=utf-8");
  response.setHeader("content-length", Buffer.byteLength(text));
  response.end(text);
}

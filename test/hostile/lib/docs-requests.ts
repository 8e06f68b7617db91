// Hostile requests to the docs server, generated with fast-check from a fixed seed: dotfiles and
// traversals in every spelling, broken escapes, long paths, every method, Range headers of any shape
// (reversed, past the end, several, malformed), conditional headers, odd Hosts and bodies on a GET.
import fc from "fast-check";
import type { HostileRequest } from "./send.ts";

export const siteFiles: Record<string, string | Buffer> = {
  "index.html": `<!doctype html><title>docs</title>${"<p>docs</p>".repeat(200)}`,
  "empty.txt": "",
  "one.txt": "1",
  "big.bin": Buffer.alloc(100_000, 0xab),
  "api/index.html": "<!doctype html><title>api</title>",
  ".env": "SECRET=gate-secret-env",
  ".git/config": "[core] gate-secret-git",
  "api/.hidden": "gate-secret-hidden",
};

export const secrets = /gate-secret/;

const files = ["/index.html", "/empty.txt", "/one.txt", "/big.bin", "/api/", "/", "/api", "/missing.html"];
const dotted = ["/.env", "/.git/config", "/api/.hidden", "/%2eenv", "/%2Eenv", "/.%65nv", "/api/%2e%2e/.env", "/api/..%2f.env", "/api/..%5c.env", "/..", "/../.env", "/./.env", "//.env", "/api//.hidden", "/.git/", "/.git"];
const broken = ["/%", "/%zz", "/%FF", "/%C0%AF", "/%E2%82", "/index.html%00", "/%00", "/index.html/", "/index.html?x=%zz", `/${"a".repeat(5000)}`, `/${"%41".repeat(3000)}`];
const methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO"];

/** `arbitrary` in one case of `oneIn`, else undefined. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number) => fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

export function docsRequests(count: number, seed: number): HostileRequest[] {
  const path = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...files) }, { weight: 3, arbitrary: fc.constantFrom(...dotted) }, { weight: 2, arbitrary: fc.constantFrom(...broken) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }).map((text) => `/${encodeURIComponent(text)}`) });
  const bound = fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 120_000 }), fc.constantFrom(0, 1, 2, 99_999, 100_000, 2 ** 53, 2 ** 64));
  const range = fc.oneof(
    fc.tuple(bound, bound).map(([first, last]) => `bytes=${first}-${last}`),
    bound.map((first) => `bytes=${first}-`),
    bound.map((suffix) => `bytes=-${suffix}`),
    fc.array(fc.tuple(bound, bound), { minLength: 2, maxLength: 5 }).map((pairs) => `bytes=${pairs.map(([a, b]) => `${a}-${b}`).join(",")}`),
    fc.constantFrom("bytes=abc", "bytes=", "bytes=--1", "items=0-1", "bytes=0-0", "bytes=100-50", "bytes = 0-1", "bytes=1-0,0-1", "bytes=0-1,,", `bytes=${"0-1,".repeat(500)}0-1`),
  );
  const request = fc
    .record({
      method: fc.oneof({ weight: 5, arbitrary: fc.constant("GET") }, { weight: 1, arbitrary: fc.constantFrom(...methods) }),
      path,
      range: sometimes(range, 2),
      ifRange: sometimes(fc.constantFrom('"nope"', 'W/"0-0"', "Thu, 01 Jan 1970 00:00:00 GMT"), 8),
      ifNoneMatch: sometimes(fc.constantFrom("*", '"x"', "W/", '"a", W/"b"'), 8),
      host: sometimes(fc.constantFrom("evil.example", "", "[::1", "x".repeat(300)), 6),
      body: sometimes(fc.string({ maxLength: 200 }), 8),
    })
    .map((choice): HostileRequest => {
      const headers: Record<string, string> = {};
      if (choice.range !== undefined) headers.range = choice.range;
      if (choice.ifRange !== undefined) headers["if-range"] = choice.ifRange;
      if (choice.ifNoneMatch !== undefined) headers["if-none-match"] = choice.ifNoneMatch;
      if (choice.host !== undefined) headers.host = choice.host;
      const kind = choice.range !== undefined ? "range" : dotted.includes(choice.path) ? "dotfile" : broken.includes(choice.path) ? "url-encoding" : choice.method !== "GET" ? "method" : "headers";
      return { kind, method: choice.method, path: choice.path, headers, ...(choice.body !== undefined ? { body: Buffer.from(choice.body) } : {}) };
    });
  return fc.sample(request, { seed, numRuns: count });
}

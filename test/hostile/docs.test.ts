// The hostile-input gate for the docs server: in a child process on a free port, serving a site root that
// holds dotfiles with secrets, at least 600 generated hostile requests (fixed seed), raw malformed HTTP,
// slow partial requests and a burst. Then: no exit, no 5xx, no secret served, every answer with the
// security headers, 405 with Allow for other methods, ranges answered exactly (206 with the bytes asked
// for, 416 with `bytes */size`), and the site still served.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import parseRange from "range-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "@managed-redis/docs/static-files";
import { expectSurvived, sendAll, sendRawCases, slowAndBurst } from "./lib/attack.ts";
import { docsRequests, secrets, siteFiles } from "./lib/docs-requests.ts";
import { Figures } from "./lib/figures.ts";
import { rawRequests } from "./lib/raw-requests.ts";
import { send, type HostileRequest, type Outcome } from "./lib/send.ts";
import { startDocsTarget, type Target } from "./lib/targets.ts";

const requestsPerTarget = 700;
const seed = 1302;
let root: string;
let target: Target;
const figures = new Figures("docs");

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "hostile-docs-"));
  for (const [file, content] of Object.entries(siteFiles)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  target = await startDocsTarget(root);
  figures.rssBefore = target.rssMiB();
});

afterAll(async () => {
  await target?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** What the answer to one request must be, beyond "not a 5xx". */
function judge(request: HostileRequest, outcome: Outcome): string | undefined {
  const { status, headers = {}, body = "" } = outcome;
  if (status === undefined) return undefined;
  if (status >= 500) return `answered ${status}`;
  if (secrets.test(body)) return "served a dotfile's content";
  const fromParser = status === 400 && headers["content-security-policy"] === undefined && headers["content-length"] === "0";
  for (const [name, value] of Object.entries(securityHeaders)) if (!fromParser && headers[name] !== value) return `answered ${status} without ${name}`;
  if (request.method !== "GET" && request.method !== "HEAD") {
    if (status === 405 && headers.allow === "GET, HEAD") return undefined;
    // A method Node's HTTP parser does not know is refused by the parser itself, with 400.
    return status === 400 && !http.METHODS.includes(request.method) ? undefined : `${request.method} answered ${status}, not 405 with Allow`;
  }
  const requested = request.path.split("?")[0]!.replace(/^\//, "");
  const file = requested === "" || requested.endsWith("/") ? `${requested}index.html` : requested;
  const content = siteFiles[file];
  if (status === 206 || status === 416) {
    if (content === undefined || request.headers.range === undefined) return `${status} for a request that is not a range of a file`;
    const size = Buffer.byteLength(content);
    const ranges = parseRange(size, request.headers.range, { combine: true });
    if (status === 416) return ranges === -1 && headers["content-range"] === `bytes */${size}` ? undefined : `416 for ${request.headers.range} of ${size} bytes (${headers["content-range"]})`;
    if (ranges === -1 || ranges === -2 || ranges.length !== 1) return `206 for ${request.headers.range}`;
    const { start, end } = ranges[0]!;
    if (headers["content-range"] !== `bytes ${start}-${end}/${size}`) return `206 with Content-Range ${headers["content-range"]} for ${request.headers.range}`;
    if (request.method === "GET" && Buffer.byteLength(body, "utf8") !== end - start + 1 && !Buffer.isBuffer(content)) return `206 with ${body.length} bytes for ${start}-${end}`;
  }
  return undefined;
}

describe("the docs server under hostile input", () => {
  it(`survives ${requestsPerTarget} generated requests, raw malformed HTTP, slow clients and a burst: no exit, no 5xx, no dotfile, exact ranges`, async () => {
    const problems = await sendAll(target, docsRequests(requestsPerTarget, seed), figures, judge);
    problems.push(...(await sendRawCases(target, rawRequests("/index.html", `127.0.0.1:${target.port}`), figures)));
    problems.push(...(await slowAndBurst(target, "/index.html", {}, figures)));
    const normal = await send(target.url, { kind: "probe", method: "GET", path: "/", headers: {} });
    expect(normal.status).toBe(200);
    expect(normal.body).toBe(siteFiles["index.html"]);
    expectSurvived(target, figures, problems);
  }, 240_000);
});

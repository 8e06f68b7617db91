// Sends a batch of hostile requests a few at a time, raw-socket cases, a burst of connections and slow
// partial requests, counting every outcome in the target's figures.
import { expect } from "vitest";
import type { Figures } from "./figures.ts";
import { openPartial, send, sendRaw, type HostileRequest, type Outcome } from "./send.ts";
import type { Target } from "./targets.ts";

/** How many requests are in flight at once: enough to interleave them, not so many the 2-core CI chokes. */
const concurrency = 8;

export async function sendAll(target: Target, requests: readonly HostileRequest[], figures: Figures, check?: (request: HostileRequest, outcome: Outcome) => string | undefined): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const outcome = await send(target.url, request);
      const label = `${request.kind} ${request.method} ${request.path.slice(0, 120)} ${JSON.stringify(request.headers).slice(0, 200)}`;
      if (outcome.error?.startsWith("not sent")) continue;
      figures.count(request.kind, outcome, label);
      // An answer is expected to everything, except that a client still sending a body past the limit may
      // see the connection close under it (after the server answered 413).
      if (outcome.status === undefined && !(request.kind === "size" || (request.body?.length ?? 0) > 64 * 1024)) problems.push(`${label}: no answer (${outcome.error})`);
      const complaint = check?.(request, outcome);
      if (complaint) problems.push(`${label}: ${complaint}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return problems;
}

export async function sendRawCases(target: Target, cases: { name: string; bytes: string }[], figures: Figures): Promise<string[]> {
  const problems: string[] = [];
  for (const { name, bytes } of cases) {
    const { statuses } = await sendRaw(target.url, Buffer.from(bytes, "latin1"));
    figures.raw++;
    for (const status of statuses) {
      figures.byStatus.set(`${status} raw`, (figures.byStatus.get(`${status} raw`) ?? 0) + 1);
      if (status >= 500) problems.push(`raw "${name}" → ${status}`);
    }
  }
  return problems;
}

/**
 * Slow clients and a burst: `slow` connections that send half a request and stay open, then `burst`
 * requests at once; every one of the burst must be answered while the slow ones hang.
 */
export async function slowAndBurst(target: Target, path: string, headers: Record<string, string>, figures: Figures, slow = 30, burst = 200): Promise<string[]> {
  const host = new URL(target.url).host;
  const partial = await Promise.all(
    Array.from({ length: slow }, (_, index) =>
      openPartial(target.url, index % 2 === 0 ? `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nX-Slow: ` : `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`),
    ),
  );
  figures.raw += slow;
  const answers = await Promise.all(Array.from({ length: burst }, () => send(target.url, { kind: "burst", method: "GET", path, headers })));
  for (const socket of partial) socket.destroy();
  const problems: string[] = [];
  for (const outcome of answers) {
    figures.count("burst", outcome, `burst GET ${path}`);
    if (outcome.status === undefined || outcome.status >= 500) problems.push(`burst GET ${path}: ${outcome.status ?? outcome.error}`);
  }
  return problems;
}

/** The gate's verdict on one target, after its figures are taken and printed: no exit, no problem, ≥ 600 requests. */
export function expectSurvived(target: Target, figures: Figures, problems: string[]): void {
  figures.rssAfter = target.rssMiB();
  figures.crashes = target.exits.length;
  console.log(figures.print());
  expect(target.exits, target.stderrTail()).toEqual([]);
  expect(problems.slice(0, 20)).toEqual([]);
  expect(figures.requests).toBeGreaterThanOrEqual(600);
}

// Mock throughput: requests/s and p50/p99 latency with autocannon at 1, 16 and 64 connections, for a
// representative GET and POST per API: the mock (static and stateful) and plain Prism, against a bare
// node:http server answering the mock's own bytes.
import autocannon from "autocannon";
import { bareServer, serverKinds, type CannedAnswer, type RunningServer, type ServerKind } from "./lib/mock-servers.ts";
import { cpuNanoseconds, request } from "./lib/processes.ts";
import { progress } from "./lib/progress.ts";
import type { ThroughputRow } from "./lib/results.ts";
import { median, p99, round } from "./lib/stats.ts";
import { apiNames, representativeGet, representativePost, type ApiName, type Target } from "./lib/targets.ts";

export const CONNECTIONS = [1, 16, 64] as const;
/** Seconds of load per server, request and connection count, taken in `ROUNDS` turns of equal length. */
export const DURATION_SECONDS = 3;
/**
 * The servers take turns, a round each, rather than one long run each: load from elsewhere on the machine
 * (other builds and tests share these cores) then hits every server alike, and the ratios stay fair.
 */
export const ROUNDS = 3;
const WARM_UP_REQUESTS = 500;

interface Load {
  /** CPU time the server used during the run, in ns (undefined where the system does not tell). */
  cpuNs?: number;
  requests: number;
  seconds: number;
  latencies: number[];
  non2xx: number;
  errors: number;
}

/**
 * One autocannon run. Latencies are taken from its per-response event (fractional ms): its own histogram
 * records whole milliseconds, which reads 0 for everything the bare server does.
 */
function load(server: RunningServer, target: Target, connections: number, limit: { duration: number } | { amount: number }): Promise<Load> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const tracker = autocannon(
      {
        url: `${server.url}${target.path}`,
        method: target.method,
        headers: target.headers,
        ...(target.body === undefined ? {} : { body: target.body }),
        connections,
        timeout: 10,
        ...limit,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({ requests: result.requests.total, seconds: result.duration, latencies, non2xx: result.non2xx, errors: result.errors + result.timeouts });
      },
    );
    // Every answer counts, 2xx or not: the stateful mock answers repeated creates of one name with the
    // documented 409, still a full trip through validation and the simulator. The non-2xx column says how
    // many there were.
    tracker.on("response", (_client, _statusCode, _bytes, responseTimeMs) => {
      latencies.push(responseTimeMs);
    });
  });
}

/** The mock's answer to each target, replayed byte for byte by the bare server. */
async function captureAnswers(api: ApiName, mock: RunningServer, targets: readonly Target[]): Promise<Map<Target, CannedAnswer>> {
  const answers = new Map<Target, CannedAnswer>();
  for (const target of targets) {
    const answer = await request(mock.url, target);
    if (answer.status >= 300) throw new Error(`${api}: the mock answered ${target.label} with ${answer.status}: ${answer.body.slice(0, 200)}`);
    answers.set(target, { status: answer.status, contentType: String(answer.headers["content-type"] ?? "application/json"), body: answer.body });
  }
  return answers;
}

export async function measureMockThroughput(): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const api of apiNames) {
    progress(`mock throughput: ${api}: starting the servers`);
    const targets = [representativeGet(api), representativePost(api)];
    const running = new Map<ServerKind, RunningServer>();
    try {
      // The first kind is the static mock: it serves the spec's examples, which the bare server then replays.
      const answers = new Map<Target, CannedAnswer>();
      for (const kind of serverKinds) running.set(kind, await kind.start(api, { targets, answers }));
      for (const [target, answer] of await captureAnswers(api, running.get(serverKinds[0]!)!, targets)) answers.set(target, answer);
      running.set(bareServer, await bareServer.start(api, { targets, answers }));
      const kinds = [bareServer, ...serverKinds];

      for (const target of targets) {
        for (const kind of kinds) await load(running.get(kind)!, target, 16, { amount: WARM_UP_REQUESTS });
        for (const connections of CONNECTIONS) {
          progress(`mock throughput: ${api} ${target.method} at ${connections} connection${connections === 1 ? "" : "s"}`);
          const measured = kinds.filter((kind) => !kind.connections || kind.connections.includes(connections));
          const totals = new Map<ServerKind, Load>(measured.map((kind) => [kind, { cpuNs: 0, requests: 0, seconds: 0, latencies: [], non2xx: 0, errors: 0 }]));
          for (let turn = 0; turn < ROUNDS; turn++) {
            for (const kind of measured) {
              const server = running.get(kind)!;
              const cpuBefore = cpuNanoseconds(server.pid);
              const result = await load(server, target, connections, { duration: DURATION_SECONDS / ROUNDS });
              const cpuAfter = cpuNanoseconds(server.pid);
              const total = totals.get(kind)!;
              total.cpuNs = cpuBefore === undefined || cpuAfter === undefined || total.cpuNs === undefined ? undefined : total.cpuNs + (cpuAfter - cpuBefore);
              total.requests += result.requests;
              total.seconds += result.seconds;
              for (const latency of result.latencies) total.latencies.push(latency);
              total.non2xx += result.non2xx;
              total.errors += result.errors;
            }
          }
          const rps = (total: Load) => total.requests / total.seconds;
          const bareRps = totals.has(bareServer) ? rps(totals.get(bareServer)!) : undefined;
          for (const [kind, total] of totals) {
            rows.push({
              api,
              request: target.label,
              server: kind.name,
              connections,
              requestsPerSecond: round(rps(total)),
              p50Ms: round(median(total.latencies), 2),
              p99Ms: round(p99(total.latencies), 2),
              non2xx: total.non2xx,
              errors: total.errors,
              throughputRatio: bareRps ? round(rps(total) / bareRps, 3) : null,
              serverCpuMicros: total.cpuNs === undefined || total.requests === 0 ? null : round(total.cpuNs / 1000 / total.requests, 1),
            });
          }
        }
      }
    } finally {
      await Promise.all([...running.values()].map((server) => server.stop()));
    }
  }
  return rows;
}

// The mock section: start times and throughput, and the verdicts on the two mock targets.
import { describeEnvironment } from "./lib/environment.ts";
import type { MockSection, Target } from "./lib/results.ts";
import { measureMockStartup } from "./mock-startup.ts";
import { CONNECTIONS, DURATION_SECONDS, measureMockThroughput } from "./mock-throughput.ts";

const READY_LIMIT_MS = 3_000;
const P99_LIMIT_MS = 20;

export async function measureMock(): Promise<MockSection> {
  const startup = await measureMockStartup();
  const throughput = await measureMockThroughput();

  // "Ready" as a user meets it: a fresh process (CLI) or the first startMock() in one; not the warm restart.
  const fullStarts = startup.rows.filter((row) => !row.how.includes("again"));
  const slowest = fullStarts.reduce((a, b) => (b.firstAnswerMs > a.firstAnswerMs ? b : a));
  const slowStarts = fullStarts.filter((row) => row.firstAnswerMs > READY_LIMIT_MS);
  // The target is the static mock's (the issue's); the stateful mode is reported beside it, not judged by it.
  const at16 = throughput.filter((row) => row.connections === 16 && row.server === "prism mock (CLI)");
  const slow16 = at16.filter((row) => row.p99Ms > P99_LIMIT_MS);
  const worst16 = at16.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a));
  const bareAt16 = throughput.filter((row) => row.connections === 16 && row.server === "bare node:http");

  const targets: Target[] = [
    {
      name: "all mocks ready ≤ 3 s",
      limit: "≤ 3,000 ms",
      met: slowStarts.length === 0,
      measured: `slowest ${slowest.firstAnswerMs} ms (${slowest.api}, ${slowest.how.split(" (")[0]})`,
      ...(slowStarts.length === 0
        ? {}
        : {
            note:
              `over by ${slowStarts.map((row) => `${row.api} ${row.how.split(" (")[0]} ${row.firstAnswerMs} ms`).join("; ")}. ` +
              "Nearly all of it is loading Prism (its module graph takes ~1.5–2.5 s to import on this machine; " +
              "listening once loaded takes ~50–500 ms, see the \"again\" rows), and the machine's other load adds to it. " +
              "What would close it: one process for all three APIs (the CLI's default) so Prism loads once; a bundled " +
              "(esbuild) CLI that loads one file instead of Prism's module tree; or a V8 compile cache " +
              "(module.enableCompileCache() on Node ≥ 22.1).",
          }),
    },
    {
      name: "mock p99 ≤ 20 ms at 16 connections",
      limit: "≤ 20 ms",
      met: slow16.length === 0,
      measured: `worst ${worst16.p99Ms} ms (${worst16.api} ${worst16.request.split(" (")[0]}); bare node:http ${Math.max(...bareAt16.map((row) => row.p99Ms))} ms at most`,
      ...(slow16.length === 0
        ? {}
        : {
            note:
              `over by ${slow16.map((row) => `${row.api} ${row.request.split(" (")[0]} ${row.p99Ms} ms`).join("; ")}. ` +
              "Prism handles each request on one thread: it routes, validates the request body, parameters and " +
              "credentials against the spec (Ajv) and picks the example before answering, so it serves ~1–3k " +
              "requests/s where node:http serves 15–40k; 16 concurrent requests queue behind each other and GC pauses " +
              "land in the tail, most on the POSTs, whose larger bodies take longest to validate. The static mock no " +
              "longer re-validates its own answers (they are the spec's examples, checked by the example gate), which " +
              "brought the GETs under 20 ms. On this 2-core machine autocannon takes the other core. What would close " +
              "the rest: run one Prism per core (node:cluster) behind the front door's port; measure on a machine " +
              "where the load generator has its own cores.",
          }),
    },
  ];

  return {
    measuredAt: new Date().toISOString(),
    environment: describeEnvironment(),
    method:
      "Start: a fresh process per measurement; the clock runs from spawn (CLI) or from the startMock() call " +
      "(in-process) until the API's representative GET gets its first HTTP answer, polled every 10 ms. " +
      `Throughput: autocannon (programmatic) for ${DURATION_SECONDS} s per run at ${CONNECTIONS.join(", ")} connections, ` +
      "after 500 warm-up requests per server and request; the mock is the CLI (one process per API, log level error), " +
      "the bare node:http server (its own process) answers the mock's own status, content type and body, byte for " +
      "byte, after reading the request body. Latency percentiles are computed from every 2xx response's time " +
      "(fractional ms, from autocannon's response event).",
    startup: startup.rows,
    throughput,
    notes: startup.notes,
    targets,
  };
}

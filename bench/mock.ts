// The mock section: start times and throughput, and the verdicts on the mock's targets.
import { describeEnvironment } from "./lib/environment.ts";
import { bareServer, PLAIN_PRISM, STATEFUL_MOCK, STATIC_MOCK } from "./lib/mock-servers.ts";
import type { MockSection, Target, ThroughputRow } from "./lib/results.ts";
import { round } from "./lib/stats.ts";
import { measureMockStartup } from "./mock-startup.ts";
import { CONNECTIONS, DURATION_SECONDS, measureMockThroughput, ROUNDS } from "./mock-throughput.ts";

const READY_LIMIT_MS = 1_000;
const NPM_START_LIMIT_MS = 3_000;
const P99_LIMIT_MS = 20;
const PRISM_RATIO = 3;
const STATEFUL_RATIO = 0.5;

const short = (row: ThroughputRow) => `${row.api} ${row.request.split(" (")[0]}`;

/** The static mock's CPU per request over the stateful one's, e.g. `0.54×`. */
function cpuShare(staticRow: ThroughputRow, statefulRow: ThroughputRow | undefined): string {
  const a = staticRow.serverCpuMicros;
  const b = statefulRow?.serverCpuMicros;
  return a && b ? `${round(a / b, 2)}×` : "not measured";
}

function target(name: string, limit: string, failures: string[], measured: string, note: string): Target {
  return { name, limit, met: failures.length === 0, measured, ...(failures.length === 0 ? {} : { note: `over by ${failures.join("; ")}. ${note}` }) };
}

export async function measureMock(): Promise<MockSection> {
  const startup = await measureMockStartup();
  const throughput = await measureMockThroughput();

  const at16 = (server: string) => throughput.filter((row) => row.connections === 16 && row.server === server);
  const staticRows = at16(STATIC_MOCK);
  const pairWith = (row: ThroughputRow, server: string) => at16(server).find((other) => other.api === row.api && other.request === row.request);

  // "Ready" as a user meets it: a fresh process, or the first startMock() in one; not the warm restart.
  const mockStarts = startup.rows.filter((row) => !row.how.includes("again") && !row.how.startsWith("`npm start`"));
  const slowest = mockStarts.reduce((a, b) => (b.firstAnswerMs > a.firstAnswerMs ? b : a));
  const npmStart = startup.rows.find((row) => row.how.startsWith("`npm start`"));

  const prismRatios = staticRows.map((row) => ({ row, ratio: round(row.requestsPerSecond / (pairWith(row, PLAIN_PRISM)?.requestsPerSecond ?? Number.NaN), 2) }));
  const statefulRatios = staticRows.map((row) => ({ row, stateful: pairWith(row, STATEFUL_MOCK) })).map(({ row, stateful }) => ({ row, stateful, ratio: round((stateful?.requestsPerSecond ?? Number.NaN) / row.requestsPerSecond, 2) }));
  const statefulRows = at16(STATEFUL_MOCK);
  const worstStatic = staticRows.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a));
  const worstStateful = statefulRows.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a));
  const bareWorst = Math.max(...at16(bareServer.name).map((row) => row.p99Ms));
  const load = describeEnvironment().loadAverage;
  const loadNote = `Measured with a 1-minute load average of ${load} on ${describeEnvironment().cores} cores; autocannon shares them with the server under test.`;

  const targets: Target[] = [
    target(
      "static mock ≥ 3× plain Prism's throughput at 16 connections",
      "≥ 3×",
      prismRatios.filter(({ ratio }) => !(ratio >= PRISM_RATIO)).map(({ row, ratio }) => `${short(row)} ${ratio}×`),
      prismRatios.map(({ row, ratio }) => `${short(row)} ${ratio}×`).join(", "),
      loadNote,
    ),
    target(
      "static mock p99 ≤ 20 ms at 16 connections, every operation",
      "≤ 20 ms",
      staticRows.filter((row) => row.p99Ms > P99_LIMIT_MS).map((row) => `${short(row)} ${row.p99Ms} ms`),
      `worst ${worstStatic.p99Ms} ms (${short(worstStatic)}); bare node:http ${bareWorst} ms at most`,
      loadNote,
    ),
    target(
      "stateful mock ≥ half the static mock's throughput at 16 connections",
      "≥ 0.5×",
      statefulRatios.filter(({ ratio }) => !(ratio >= STATEFUL_RATIO)).map(({ row, ratio }) => `${short(row)} ${ratio}×`),
      statefulRatios.map(({ row, ratio }) => `${short(row)} ${ratio}×`).join(", "),
      `${loadNote} The servers' own CPU per request (static → stateful, the share of the static mock's throughput a ` +
        `stateful mock gets when CPU is what limits both): ${statefulRatios
          .map(({ row, stateful }) => `${short(row)} ${row.serverCpuMicros ?? "?"} → ${stateful?.serverCpuMicros ?? "?"} µs (${cpuShare(row, stateful)})`)
          .join(", ")}. The stateful mock also builds each answer from its store, serialises it and checks it against the spec ` +
        "(a text already found valid is not checked again; a read repeated at the same instant, the store unchanged since, is " +
        "answered from the text it got then), where the static mock sends an example serialised once.",
    ),
    target(
      "stateful mock p99 ≤ 20 ms at 16 connections",
      "≤ 20 ms",
      statefulRows.filter((row) => row.p99Ms > P99_LIMIT_MS).map((row) => `${short(row)} ${row.p99Ms} ms`),
      `worst ${worstStateful.p99Ms} ms (${short(worstStateful)})`,
      loadNote,
    ),
    target(
      "each mock ready ≤ 1 s after start",
      "≤ 1,000 ms",
      mockStarts.filter((row) => row.firstAnswerMs > READY_LIMIT_MS).map((row) => `${row.api} ${row.how.split(" (")[0]} ${row.firstAnswerMs} ms`),
      `slowest ${slowest.firstAnswerMs} ms (${slowest.api}, ${slowest.how.split(" (")[0]})`,
      `Node's own start is ~40 ms of it; the rest is loading the mock and the generated spec modules. ${loadNote}`,
    ),
    npmStart
      ? target(
          "`npm start` ready ≤ 3 s (three mocks and docs, warm build)",
          "≤ 3,000 ms",
          npmStart.firstAnswerMs > NPM_START_LIMIT_MS ? [`${npmStart.firstAnswerMs} ms`] : [],
          `${npmStart.firstAnswerMs} ms`,
          `It includes npm's and turbo's own start (the build check) and tsx compiling scripts/start.ts. ${loadNote}`,
        )
      : { name: "`npm start` ready ≤ 3 s (three mocks and docs, warm build)", limit: "≤ 3,000 ms", met: null, measured: "not measured", note: startup.notes.find((note) => note.includes("npm start")) ?? "" },
  ];

  return {
    measuredAt: new Date().toISOString(),
    environment: describeEnvironment(),
    method:
      "Start: a fresh process per measurement; the clock runs from spawn (CLI, `npm start`) or from the startMock() call " +
      "(in-process) until the API's representative GET gets its first HTTP answer, polled every 10 ms. " +
      `Throughput: autocannon (programmatic) for ${DURATION_SECONDS} s per server, request and connection count (${CONNECTIONS.join(", ")}), ` +
      `in ${ROUNDS} rounds of ${DURATION_SECONDS / ROUNDS} s in which the servers take turns (so load from elsewhere on the machine hits them alike), ` +
      "after 500 warm-up requests per server and request. The mock is its CLI (one API per process, log level error), static " +
      "and `--stateful`; plain Prism is `prism mock` (@stoplight/prism-cli 5.14.2) on the same bundled spec with `--verboseLevel error`; " +
      "the bare node:http server (its own process) answers the static mock's own status, content type and body, byte for byte, " +
      "after reading the request body. Latency percentiles are computed from every response's time (fractional ms, from " +
      "autocannon's response event). All rows of one table were measured in the same run.",
    startup: startup.rows,
    throughput,
    notes: [...startup.notes, ...statefulRefusals(statefulRows)],
    targets,
  };
}

/**
 * The stateful mock remembers: the same create sent again and again is answered with the API's documented
 * conflict (the name exists), which is what those rows measure. A new name per request
 * would not measure creates for long either: the simulator's cap (1,000 clusters or services) is reached
 * within the first tenth of a second.
 */
function statefulRefusals(rows: readonly ThroughputRow[]): string[] {
  return rows
    .filter((row) => row.non2xx > 0)
    .map(
      (row) =>
        `${short(row)}, \`--stateful\`: ${row.non2xx} of its answers are not 2xx: the same create, repeated, gets the documented 409 ` +
        "(a resource of that name exists: the spec's example names a seeded one, or an earlier request made it), a refusal the " +
        "simulator answers like any other answer (validated against the spec). " +
        "A new name per request would reach the simulator's cap of 1,000 within a tenth of a second.",
    );
}

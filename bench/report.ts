// Renders bench/results.json into bench/RESULTS.md: one table per measurement, the targets first.
import type { Environment } from "./lib/environment.ts";
import type { BundleSection, ClientOverheadSection, DocsSection, MockSection, PipelineSection, Results, Target } from "./lib/results.ts";

/** A markdown table; columns whose cells are all numbers (or ratios, sizes) are right-aligned. */
function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => /^[*\d.,\s]*[\d.,]+[\s]*(×|kB|MB|ms|µs)?[*]*( \([\d,]+\))?$|^$/.test(String(row[column] ?? ""))));
  return [
    `| ${header.join(" | ")} |`,
    `|${numeric.map((right) => (right ? "---:" : "---")).join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

const bytes = (value: number) => value.toLocaleString("en");
const kB = (value: number) => `${(value / 1000).toFixed(2)} kB`;
const verdict = (target: Target) => (target.met === null ? "not measured" : target.met ? "**met**" : "**missed**");
const machine = (env: Environment) => `${env.cpu}, ${env.cores} cores, Node ${env.node}, load average ${env.loadAverage}`;
const measured = (section: { measuredAt: string; environment: Environment }) => `_Measured ${section.measuredAt} on ${machine(section.environment)}._`;

function targetsTable(results: Results): string {
  const targets = [results.client, results.bundle, results.mock].flatMap((section) => section?.targets ?? []);
  if (targets.length === 0) return "";
  const notes = targets.filter((target) => target.note && target.met === false);
  return [
    "## Targets",
    "",
    table(["target", "limit", "measured", "verdict"], targets.map((t) => [t.name, t.limit, t.measured, verdict(t)])),
    "",
    ...notes.map((t) => `- **${t.name}** — ${t.note}`),
  ].join("\n");
}

function clientSection(section: ClientOverheadSection): string {
  const rows = (list: typeof section.rows) =>
    list.map((r) => [r.client, r.variant, r.rawMedianUs, r.clientMedianUs, `**${r.medianRatio}×**`, r.rawP99Us, r.clientP99Us, `${r.p99Ratio}×`]);
  const header = ["client", "variant", "raw median µs", "client median µs", "median ratio", "raw p99 µs", "client p99 µs", "p99 ratio"];
  return [
    "## Client overhead (per request, vs raw fetch)",
    "",
    measured(section),
    "",
    section.method,
    "",
    table(header, rows(section.rows)),
    "",
    "Breakdown, interleaved in the same runs (same raw-fetch samples):",
    "",
    table(["client", "contender", "raw median µs", "contender median µs", "median ratio", "raw p99 µs", "contender p99 µs", "p99 ratio"], rows(section.breakdown)),
    "",
    "Where the time goes: CPU per request without the network (a fetch that answers at once), median of batches:",
    "",
    table(["step", "µs per request"], section.profile.map((p) => [p.step, p.microsecondsPerRequest])),
    "",
    ...section.notes.map((note) => `- ${note}`),
  ].join("\n");
}

function bundleSection(section: BundleSection): string {
  return [
    "## Bundle size (browser, esbuild)",
    "",
    measured(section),
    "",
    section.method,
    "",
    table(
      ["entry", "min", "min+gz", "min+gz vs openapi-fetch", "what is in it (minified bytes)"],
      section.rows.map((r) => [
        r.entry,
        bytes(r.minBytes),
        `**${kB(r.gzipBytes)}** (${bytes(r.gzipBytes)})`,
        r.gzipRatio === null ? "" : `${r.gzipRatio}×`,
        r.byPackage.filter((p) => p.name !== "entry.js").map((p) => `${p.name} ${bytes(p.bytes)}`).join(", "),
      ]),
    ),
    "",
    ...section.rows.flatMap((r) => r.warnings.map((w) => `- ${r.entry}: ${w}.`)),
    ...section.notes.map((note) => `- ${note}`),
    ...(section.breakdown ? ["", breakdownTable(section.breakdown, section.breakdownMethod ?? "")] : []),
  ].join("\n");
}

/** One row per module, one column per bundle: min+gz bytes the module adds (its minified bytes in brackets). */
function breakdownTable(breakdown: NonNullable<BundleSection["breakdown"]>, method: string): string {
  const modules = [...new Set(breakdown.flatMap((b) => b.modules.map((m) => m.module)))];
  const largest = (module: string) => Math.max(...breakdown.map((b) => b.modules.find((m) => m.module === module)?.gzipBytes ?? 0));
  modules.sort((a, b) => largest(b) - largest(a));
  const cell = (b: (typeof breakdown)[number], module: string) => {
    const found = b.modules.find((m) => m.module === module);
    return found ? `${bytes(found.gzipBytes)} (${bytes(found.minBytes)})` : "—";
  };
  return [
    "### Where the bytes go",
    "",
    method,
    "",
    table(
      ["module", ...breakdown.map((b) => b.entry)],
      [
        ...modules.map((module) => [module, ...breakdown.map((b) => cell(b, module))]),
        ["**total min+gz (from source)**", ...breakdown.map((b) => `**${bytes(b.gzipBytes)}**`)],
      ],
    ),
  ].join("\n");
}

function mockSection(section: MockSection): string {
  const groups = new Map<string, typeof section.throughput>();
  for (const row of section.throughput) {
    const key = `${row.api} — ${row.request}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [
    "## Mock",
    "",
    measured(section),
    "",
    section.method,
    "",
    "### Start to first answer",
    "",
    table(["API", "how", "ms", "detail"], section.startup.map((r) => [r.api, r.how, r.firstAnswerMs, r.detail ?? ""])),
    "",
    ...section.notes.map((note) => `- ${note}`),
    "",
    "### Throughput and latency (autocannon)",
    "",
    "Rows come from `serverKinds` in `bench/lib/mock-servers.ts`; a new server is one entry there. Server CPU is the CPU time of the " +
      "server's process (`/proc/<pid>/schedstat`) over the requests it answered: what it costs whatever else runs on the machine, " +
      "while requests/s also depend on autocannon, which shares the two cores, and on everything else running.",
    "",
    ...[...groups].flatMap(([title, rows]) => [
      `**${title}**`,
      "",
      table(
        ["server", "connections", "requests/s", "vs bare", "p50 ms", "p99 ms", "server CPU µs/request", "non-2xx", "errors"],
        rows.map((r) => [r.server, r.connections, bytes(r.requestsPerSecond), r.throughputRatio === null ? "" : `${r.throughputRatio}×`, r.p50Ms, r.p99Ms, r.serverCpuMicros ?? "", r.non2xx, r.errors]),
      ),
      "",
    ]),
  ].join("\n");
}

function pipelineSection(section: PipelineSection): string {
  return [
    "## Pipeline",
    "",
    measured(section),
    "",
    section.method,
    "",
    table(
      ["run", "seconds", "tasks", "cached", "not from cache"],
      [
        ["cold `turbo run build` (empty cache)", section.cold.seconds, section.cold.tasks, section.cold.cached, section.cold.ok ? "" : "failed"],
        ["warm `turbo run build` (same cache)", section.warm.seconds, section.warm.tasks, section.warm.cached, section.warm.notCached.join(", ") || "none"],
      ],
    ),
    "",
    table(
      ["codegen (generate-client-types --check)", "seconds", "up to date"],
      [...section.codegen.map((c) => [c.api, c.seconds, c.ok ? "yes" : "no"]), ["(tsx start alone, `tsx -e 0`)", section.tsxBaselineSeconds, ""]],
    ),
    "",
    ...section.notes.map((note) => `- ${note}`),
  ].join("\n");
}

function docsSection(section: DocsSection): string {
  return [
    "## Docs site: reference renderers (Chromium)",
    "",
    measured(section),
    "",
    section.method,
    "",
    table(
      ["renderer", "API", "page weight", "gzipped", "requests", "first operation in view ms (median)", "slowest ms", "requests to other hosts", "console errors"],
      section.rows.map((r) => [r.renderer, r.api, `${(r.pageBytes / 1e6).toFixed(2)} MB`, `${(r.pageGzipBytes / 1e6).toFixed(2)} MB`, r.requests, r.firstOperationMs, r.firstOperationMaxMs, r.remoteRequests.length === 0 ? "0" : r.remoteRequests.join(", "), r.consoleErrors.length === 0 ? "0" : r.consoleErrors.join("; ")]),
    ),
    "",
    ...section.notes.map((note) => `- ${note}`),
  ].join("\n");
}

export function renderMarkdown(results: Results): string {
  return [
    "# Benchmarks",
    "",
    "The latest figures of `npm run bench` (not part of `npm test`); `tsx bench/run.ts --only client|bundle|mock|pipeline|docs`",
    "re-measures one section and keeps the others. Every ratio compares things measured side by side in the same run.",
    "Raw data: [results.json](./results.json).",
    "",
    targetsTable(results),
    "",
    results.client ? clientSection(results.client) : "",
    "",
    results.bundle ? bundleSection(results.bundle) : "",
    "",
    results.mock ? mockSection(results.mock) : "",
    "",
    results.pipeline ? pipelineSection(results.pipeline) : "",
    "",
    results.docs ? docsSection(results.docs) : "",
    "",
  ]
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

export function renderJson(results: Results): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

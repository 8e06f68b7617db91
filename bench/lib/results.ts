// The shape of bench/results.json. Every section records when it was measured: `--only` re-measures one
// section and keeps the others from the previous run, so ratios are always within one section's run.
import type { Environment } from "./environment.ts";

export interface Target {
  name: string;
  limit: string;
  met: boolean | null;
  /** The figure the verdict is based on. */
  measured: string;
  /** Why it was missed and what would close it; or why it could not be measured. */
  note?: string;
}

export interface ClientOverheadRow {
  client: string;
  variant: string;
  requests: number;
  rawMedianUs: number;
  rawP99Us: number;
  clientMedianUs: number;
  clientP99Us: number;
  medianRatio: number;
  p99Ratio: number;
}

export interface ClientOverheadSection {
  measuredAt: string;
  environment: Environment;
  method: string;
  rows: ClientOverheadRow[];
  /** openapi-fetch alone (createClient + the same header), interleaved with the same raw fetch. */
  breakdown: ClientOverheadRow[];
  /** CPU per request without the network (fetch answering at once), step by step. */
  profile: { step: string; microsecondsPerRequest: number }[];
  notes: string[];
  targets: Target[];
}

export interface BundleRow {
  entry: string;
  minBytes: number;
  gzipBytes: number;
  /** Ratio of min+gz to openapi-fetch alone. */
  gzipRatio: number | null;
  /** Bytes of the minified output by package, largest first. */
  byPackage: { name: string; bytes: number }[];
  warnings: string[];
}

/** Where the min+gz bytes of one bundle go, module by module (built from the packages' sources). */
export interface BundleBreakdown {
  entry: string;
  /** min+gz of the whole bundle built from source (the dist build's figure is the row's). */
  gzipBytes: number;
  modules: { module: string; minBytes: number; gzipBytes: number }[];
}

export interface BundleSection {
  measuredAt: string;
  environment: Environment;
  method: string;
  rows: BundleRow[];
  breakdown?: BundleBreakdown[];
  breakdownMethod?: string;
  notes: string[];
  targets: Target[];
}

export interface StartupRow {
  api: string;
  how: string;
  /** Spawn (or startMock call) to the first HTTP answer of the representative GET. */
  firstAnswerMs: number;
  detail?: string;
}

export interface ThroughputRow {
  api: string;
  request: string;
  /** "mock (CLI)", "mock --stateful (CLI)", "plain Prism (CLI)", "bare node:http". */
  server: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** requests/s of this server over the bare server's, same request and connections. */
  throughputRatio: number | null;
  /**
   * CPU time of the server's process per answered request, in µs (Linux only): what the server itself
   * spends, whatever else the machine is doing; throughput also depends on the load generator and on the
   * other processes sharing the cores.
   */
  serverCpuMicros?: number | null;
}

export interface MockSection {
  measuredAt: string;
  environment: Environment;
  method: string;
  startup: StartupRow[];
  throughput: ThroughputRow[];
  notes: string[];
  targets: Target[];
}

export interface PipelineSection {
  measuredAt: string;
  environment: Environment;
  method: string;
  cold: { seconds: number; tasks: number; cached: number; ok: boolean };
  warm: { seconds: number; tasks: number; cached: number; ok: boolean; notCached: string[] };
  codegen: { api: string; seconds: number; ok: boolean }[];
  tsxBaselineSeconds: number;
  notes: string[];
}

export interface DocsRendererRow {
  renderer: string;
  api: string;
  /** Bytes of every response of the load (headers and bodies), median. */
  pageBytes: number;
  /** The same bodies gzipped (level 6), as a compressing server would send them, median. */
  pageGzipBytes: number;
  requests: number;
  /** Navigation start → the first operation's heading in the viewport, median and slowest. */
  firstOperationMs: number;
  firstOperationMaxMs: number;
  /** Requests to other hosts (refused); must be empty. */
  remoteRequests: string[];
  consoleErrors: string[];
}

export interface DocsSection {
  measuredAt: string;
  environment: Environment;
  method: string;
  rows: DocsRendererRow[];
  notes: string[];
}

export interface Results {
  client?: ClientOverheadSection;
  bundle?: BundleSection;
  mock?: MockSection;
  pipeline?: PipelineSection;
  docs?: DocsSection;
}

// Client overhead: per-request latency of each generated client (auth included) against raw `fetch`, both
// calling the same local node:http server (its own process) with a small JSON answer. Contenders take
// turns in blocks of 100 requests after a warm-up, so drift of the machine hits them alike.
import { createExoscaleValkeyClient } from "@managed-redis/exoscale-dbaas-valkey";
import { createKakaoCloudRedisClient } from "@managed-redis/kakaocloud-redis";
import { createRedisEnterpriseClient } from "@managed-redis/redis-enterprise";
import createClient from "openapi-fetch";
import path from "node:path";
import { profileClients, type ProfileStep } from "./client-profile.ts";
import { describeEnvironment } from "./lib/environment.ts";
import { childDir } from "./lib/paths.ts";
import { startChild, waitForLine } from "./lib/processes.ts";
import { progress } from "./lib/progress.ts";
import type { ClientOverheadRow, ClientOverheadSection } from "./lib/results.ts";
import { median, p99, ratio, round } from "./lib/stats.ts";
import type { ApiName } from "./lib/targets.ts";

// The header each client sends, precomputed, so that raw fetch carries the same bytes: a token, an EXO2
// signature of the client's length, HTTP Basic.
const clientAuthHeaders: Record<ApiName, Record<string, string>> = {
  "kakaocloud-redis": { "X-Auth-Token": "bench-token" },
  "exoscale-dbaas-valkey": { Authorization: "EXO2-HMAC-SHA256 credential=EXObench,expires=1893456000,signature=YmVuY2g=" },
  "redis-enterprise": { Authorization: `Basic ${Buffer.from("bench@example.com:bench").toString("base64")}` },
};

function authHeadersFor(api: ApiName): Record<string, string> {
  return { ...clientAuthHeaders[api] };
}

const BLOCK = 20;
const BLOCKS = 150; // 3,000 measured requests per contender
const WARM_UP_BLOCKS = 15;
const TARGET_RATIO = 1.1;
const SMALL_JSON = JSON.stringify({ id: "c-1", name: "sessions", status: "Running", nodes: 2 });

type Send = (index: number) => Promise<void>;

interface Scenario {
  client: string;
  variant: string;
  api: ApiName;
  /** The request path for request number `index`. */
  path: (index: number) => string;
  contenders: (baseUrl: string, path: (index: number) => string) => { main: Send; breakdown: Record<string, Send> };
}

const fail = (what: string, status: number) => {
  throw new Error(`${what} answered ${status}`);
};

function rawFetch(baseUrl: string, api: ApiName, pathOf: (index: number) => string): Send {
  const headers = authHeadersFor(api);
  return async (index) => {
    const response = await fetch(`${baseUrl}${pathOf(index)}`, { headers });
    await response.json();
    if (!response.ok) fail("raw fetch", response.status);
  };
}

/** openapi-fetch's createClient with the same static header: what the library costs before our code. */
function openapiFetchAlone(baseUrl: string, api: ApiName, pathOf: (index: number) => string): Send {
  const client = createClient<Record<string, never>>({ baseUrl, headers: authHeadersFor(api) });
  return async (index) => {
    const { error, response } = await (client as unknown as { GET(path: string): Promise<{ error?: unknown; response: Response }> }).GET(pathOf(index));
    if (error) fail("openapi-fetch", response.status);
  };
}

const scenarios: Scenario[] = [
  {
    client: "@managed-redis/kakaocloud-redis",
    variant: "X-Auth-Token, GET /v1/clusters",
    api: "kakaocloud-redis",
    path: () => "/v1/clusters",
    contenders(baseUrl) {
      const make = (extra: object) => createKakaoCloudRedisClient({ token: "bench-token", baseUrl, ...extra });
      const send = (client: ReturnType<typeof make>): Send => async () => {
        const { error, response } = await client.GET("/v1/clusters");
        if (error) fail("kakaocloud-redis client", response.status);
      };
      // Retries and the logger cost a request that succeeds first time nothing but a check: measured here.
      const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };
      const methods = make({});
      return {
        main: send(make({})),
        breakdown: {
          "client, timeoutMs: false": send(make({ timeoutMs: false })),
          "client, retry: false": send(make({ retry: false })),
          "client, logger (level warn: nothing written)": send(make({ logger: silentLogger })),
          "client method listClusters()": async () => void (await methods.listClusters()),
        },
      };
    },
  },
  {
    client: "@managed-redis/exoscale-dbaas-valkey",
    variant: "EXO2 signature reused within the minute (default), GET /dbaas-valkey/{name}",
    api: "exoscale-dbaas-valkey",
    path: () => "/dbaas-valkey/my-valkey",
    contenders: exoscaleContenders(() => "my-valkey"),
  },
  {
    client: "@managed-redis/exoscale-dbaas-valkey",
    variant: "fresh EXO2 signature every request (a different service name each time)",
    api: "exoscale-dbaas-valkey",
    path: (index) => `/dbaas-valkey/valkey-${index}`,
    contenders: exoscaleContenders((index) => `valkey-${index}`),
  },
  {
    client: "@managed-redis/redis-enterprise",
    variant: "HTTP Basic, GET /v1/local/services",
    api: "redis-enterprise",
    path: () => "/v1/local/services",
    contenders(baseUrl) {
      const make = (extra: object) => createRedisEnterpriseClient({ username: "bench@example.com", password: "bench", baseUrl, ...extra });
      const send = (client: ReturnType<typeof make>): Send => async () => {
        const { error, response } = await client.GET("/v1/local/services");
        if (error) fail("redis-enterprise client", response.status);
      };
      const methods = make({});
      return {
        main: send(make({})),
        breakdown: { "client, timeoutMs: false": send(make({ timeoutMs: false })), "client method listLocalServices()": async () => void (await methods.listLocalServices()) },
      };
    },
  },
];

function exoscaleContenders(nameOf: (index: number) => string): Scenario["contenders"] {
  return (baseUrl) => {
    const make = (extra: object) => createExoscaleValkeyClient({ apiKey: "EXObench", apiSecret: "bench-secret", baseUrl, ...extra });
    const send = (client: ReturnType<typeof make>): Send => async (index) => {
      const { error, response } = await client.GET("/dbaas-valkey/{name}", { params: { path: { name: nameOf(index) } } });
      if (error) fail("exoscale-dbaas-valkey client", response.status);
    };
    const methods = make({});
    return {
      main: send(make({})),
      breakdown: {
        "client, timeoutMs: false": send(make({ timeoutMs: false })),
        "client method getDbaasServiceValkey()": async (index) => void (await methods.getDbaasServiceValkey({ name: nameOf(index) })),
      },
    };
  };
}

async function runInterleaved(contenders: Record<string, Send>): Promise<Record<string, number[]>> {
  const names = Object.keys(contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  let index = 0;
  for (let block = 0; block < WARM_UP_BLOCKS + BLOCKS; block += 1) {
    // Rotate who goes first, so no contender always follows the same one.
    for (let turn = 0; turn < names.length; turn += 1) {
      const name = names[(block + turn) % names.length]!;
      const send = contenders[name]!;
      for (let i = 0; i < BLOCK; i += 1) {
        const started = performance.now();
        await send(index++);
        const elapsed = performance.now() - started;
        if (block >= WARM_UP_BLOCKS) samples[name]!.push(elapsed * 1000);
      }
    }
  }
  return samples;
}

function row(client: string, variant: string, raw: number[], other: number[]): ClientOverheadRow {
  const rawMedian = median(raw);
  const rawP99 = p99(raw);
  const otherMedian = median(other);
  const otherP99 = p99(other);
  return {
    client,
    variant,
    requests: other.length,
    rawMedianUs: round(rawMedian),
    rawP99Us: round(rawP99),
    clientMedianUs: round(otherMedian),
    clientP99Us: round(otherP99),
    medianRatio: ratio(otherMedian, rawMedian),
    p99Ratio: ratio(otherP99, rawP99),
  };
}

export async function measureClientOverhead(): Promise<ClientOverheadSection> {
  const server = startChild(process.execPath, [path.join(childDir, "json-server.mjs")], {
    env: { ...process.env, BENCH_ROUTES: JSON.stringify({ "*": { body: SMALL_JSON } }) },
  });
  const rows: ClientOverheadRow[] = [];
  const breakdown: ClientOverheadRow[] = [];
  try {
    const [, port] = await waitForLine(server, /listening (\d+)/);
    const baseUrl = `http://127.0.0.1:${port}`;
    for (const scenario of scenarios) {
      progress(`client overhead: ${scenario.client} — ${scenario.variant}`);
      const { main, breakdown: extra } = scenario.contenders(baseUrl, scenario.path);
      const contenders: Record<string, Send> = {
        raw: rawFetch(baseUrl, scenario.api, scenario.path),
        client: main,
        "openapi-fetch alone (same header)": openapiFetchAlone(baseUrl, scenario.api, scenario.path),
        ...extra,
      };
      const samples = await runInterleaved(contenders);
      rows.push(row(scenario.client, scenario.variant, samples.raw!, samples.client!));
      for (const name of Object.keys(contenders).filter((name) => name !== "raw" && name !== "client")) {
        breakdown.push(row(scenario.client, `${name} — ${scenario.variant}`, samples.raw!, samples[name]!));
      }
    }
  } finally {
    await server.stop();
  }

  progress("client overhead: CPU profile per step (no network)");
  const profile = await profileClients();
  const worst = rows.reduce((a, b) => (b.medianRatio > a.medianRatio ? b : a));
  const missed = rows.filter((r) => r.medianRatio > TARGET_RATIO);
  return {
    measuredAt: new Date().toISOString(),
    environment: describeEnvironment(),
    method:
      `One node:http server in its own process answers every request with ${SMALL_JSON.length} bytes of JSON. ` +
      `Per scenario, raw fetch (same auth header, precomputed, response.json()) and each contender take turns in ` +
      `blocks of ${BLOCK} sequential requests (small blocks, so load from elsewhere on the machine hits every contender alike), ${WARM_UP_BLOCKS} warm-up blocks then ${BLOCKS} measured ` +
      `(${BLOCK * BLOCKS} requests each). Clients are built packages with their default options (retry on, ` +
      `timeoutMs 30000) unless the row says otherwise.`,
    rows,
    breakdown,
    profile,
    notes: [
      "The Exoscale client exposes no option to turn its signature cache off; the fresh-signature row makes every " +
        "request distinct (a different service name each time), so every request is signed (one HMAC-SHA256 via Web Crypto).",
      ...explainMisses(missed, breakdown, profile),
    ],
    targets: [
      {
        name: "client overhead (median) ≤ 1.10× raw fetch",
        limit: "≤ 1.10×",
        met: missed.length === 0,
        measured: rows.map((r) => `${r.medianRatio}×`).join(" / ") + " (median), " + rows.map((r) => `${r.p99Ratio}×`).join(" / ") + " (p99)",
        note: missed.length === 0 ? `worst: ${worst.client} (${worst.variant}) ${worst.medianRatio}×` : `missed by ${missed.map((r) => `${r.client} (${r.variant}) ${r.medianRatio}×`).join("; ")}`,
      },
    ],
  };
}

const stepCost = (profile: readonly ProfileStep[], prefix: string) => profile.find((step) => step.step.startsWith(prefix))?.microsecondsPerRequest;

/** Why the target was missed, from this run's own breakdown and profile, and what would close it. */
function explainMisses(missed: readonly ClientOverheadRow[], breakdown: readonly ClientOverheadRow[], profile: readonly ProfileStep[]): string[] {
  if (missed.length === 0) return [];
  const alone = breakdown.filter((r) => r.variant.startsWith("openapi-fetch alone"));
  const noTimeout = breakdown.filter((r) => r.variant.startsWith("client, timeoutMs: false"));
  const range = (rows: readonly ClientOverheadRow[]) => {
    const ratios = rows.map((r) => r.medianRatio);
    return `${Math.min(...ratios)}–${Math.max(...ratios)}×`;
  };
  const timeout = stepCost(profile, "AbortSignal.any");
  const request = stepCost(profile, "new Request");
  const fresh = stepCost(profile, "EXO2 authenticate, fresh");
  const cached = stepCost(profile, "EXO2 authenticate, signature cached");
  return [
    `Why the 1.10× target is missed: openapi-fetch alone, with the same static header and nothing of ours, already ` +
      `measures ${range(alone)} raw fetch here (it builds a Request (~${request} µs of CPU) and parses the answer), ` +
      `which leaves almost no room. The clients add the per-attempt timeout (one AbortController and an unref'd ` +
      `timer since this bench showed AbortSignal.any([signal, AbortSignal.timeout(30 s)]) costing ~${timeout} µs a ` +
      `request); with \`timeoutMs: false\` the clients measure ${range(noTimeout)}. EXO2 signing costs ~${cached} µs per request when the signature ` +
      `is cached (an async step and a cache lookup per request) and ~${fresh} µs when it is fresh (one Web ` +
      `Crypto HMAC, which hops to the thread pool).`,
    "What would close the rest: (1) clear the timeout's timer once the body is read, instead of leaving it " +
      "armed and unref'd; (2) authenticate synchronously " +
      "when a cached header exists (no await for static tokens, Basic, and cached EXO2 signatures); (3) accept that " +
      "openapi-fetch itself sits at ~1.1× and set the target relative to it (≤ 1.10× openapi-fetch alone) — a raw " +
      "fetch has no typed paths, params or body serialisation. A fresh EXO2 signature cannot reach 1.10× of an " +
      "unsigned raw fetch: the HMAC alone is larger than the margin; the cache is what keeps signing cheap.",
  ];
}

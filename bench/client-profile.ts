// Where a client's per-request time goes, without the network: each step's CPU cost in µs, measured
// in-process with a fetch that answers at once. Run with the client-overhead section, to explain its ratios.
import { createExoscaleAuthenticator, createExoscaleValkeyClient } from "@managed-redis/exoscale-dbaas-valkey";
import { createKakaoCloudRedisClient } from "@managed-redis/kakaocloud-redis";
import { createRedisEnterpriseClient } from "@managed-redis/redis-enterprise";
import createClient from "openapi-fetch";
import { median, round } from "./lib/stats.ts";

const BATCHES = 5;
const PER_BATCH = 500;
const BASE = "http://127.0.0.1:9";
const BODY = JSON.stringify({ id: "c-1", name: "sessions", status: "Running", nodes: 2 });

const answer = async (): Promise<Response> => new Response(BODY, { status: 200, headers: { "Content-Type": "application/json" } });

export interface ProfileStep {
  step: string;
  microsecondsPerRequest: number;
}

async function perOperation(operation: (index: number) => unknown): Promise<number> {
  let index = 0;
  for (let i = 0; i < PER_BATCH; i += 1) await operation(index++);
  const batches: number[] = [];
  for (let batch = 0; batch < BATCHES; batch += 1) {
    const started = performance.now();
    for (let i = 0; i < PER_BATCH; i += 1) await operation(index++);
    batches.push(((performance.now() - started) * 1000) / PER_BATCH);
  }
  return round(median(batches), 1);
}

export async function profileClients(): Promise<ProfileStep[]> {
  const header = { "X-Auth-Token": "bench-token" };
  const plain = createClient<Record<string, never>>({ baseUrl: BASE, fetch: answer, headers: header }) as unknown as {
    GET(path: string): Promise<unknown>;
  };
  const kakao = createKakaoCloudRedisClient({ token: "t", baseUrl: BASE, fetch: answer });
  const kakaoNoTimeout = createKakaoCloudRedisClient({ token: "t", baseUrl: BASE, fetch: answer, timeoutMs: false });
  const exo = createExoscaleValkeyClient({ apiKey: "EXObench", apiSecret: "s", baseUrl: BASE, fetch: answer });
  const exoNoTimeout = createExoscaleValkeyClient({ apiKey: "EXObench", apiSecret: "s", baseUrl: BASE, fetch: answer, timeoutMs: false });
  const re = createRedisEnterpriseClient({ username: "u", password: "p", baseUrl: BASE, fetch: answer });
  const exoAuth = createExoscaleAuthenticator({ apiKey: "EXObench", apiSecret: "s" });
  const controller = new AbortController();

  const steps: [string, (index: number) => unknown][] = [
    ["fetch stub + response.json() (the floor)", async () => (await answer()).json()],
    ["new Request(url, { headers })", () => new Request(`${BASE}/v1/clusters`, { headers: header })],
    ["AbortSignal.any([signal, AbortSignal.timeout(30 s)]) (the transport's per-attempt timeout)", () => AbortSignal.any([controller.signal, AbortSignal.timeout(30_000)])],
    ["EXO2 authenticate, signature cached (GET)", () => exoAuth.authenticate(new Request(`${BASE}/dbaas-valkey/my-valkey`))],
    ["EXO2 authenticate, fresh signature (GET)", (i) => exoAuth.authenticate(new Request(`${BASE}/dbaas-valkey/v-${i}`))],
    ["openapi-fetch alone, GET + header", () => plain.GET("/v1/clusters")],
    ["kakaocloud-redis client, GET (default options)", () => kakao.GET("/v1/clusters")],
    ["kakaocloud-redis client, GET, timeoutMs: false", () => kakaoNoTimeout.GET("/v1/clusters")],
    ["exoscale client, GET, signature cached", () => exo.GET("/dbaas-valkey/{name}", { params: { path: { name: "my-valkey" } } })],
    ["exoscale client, GET, signature cached, timeoutMs: false", () => exoNoTimeout.GET("/dbaas-valkey/{name}", { params: { path: { name: "my-valkey" } } })],
    ["exoscale client, GET, fresh signature", (i) => exo.GET("/dbaas-valkey/{name}", { params: { path: { name: `v-${i}` } } })],
    ["redis-enterprise client, GET (default options)", () => re.GET("/v1/local/services")],
  ];
  const results: ProfileStep[] = [];
  for (const [step, operation] of steps) {
    results.push({ step, microsecondsPerRequest: await perOperation(operation) });
  }
  return results;
}

// The stateful mocks a test file needs, the typed clients pointed at them, and a recording fetch whose
// every answer is checked against the bundled spec afterwards. The simulator's answers are this project's
// own data, so both Prism (the mocks run `strict`) and the checker judge them by the specs' strict variant:
// a field the spec does not list is drift.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FetchLike, TransportOptions } from "@managed-redis/client-runtime";
import { createExoscaleValkeyClient } from "@managed-redis/exoscale-dbaas-valkey";
import { createKakaoCloudRedisClient } from "@managed-redis/kakaocloud-redis";
import { startMock, type MockSimulatorOptions, type RunningMock } from "@managed-redis/mock";
import { createRedisEnterpriseClient } from "@managed-redis/redis-enterprise";
import { createOperationMatcher, type OperationMatcher } from "@managed-redis/spec-facts";
import { specModules } from "@managed-redis/spec-facts/all";
import { repoRoot, type ApiName } from "@managed-redis/tooling/apis";
import { SpecValidator } from "@managed-redis/tooling/bundled-specs";

/** Short enough for a suite under a minute, long enough that every transitional state is seen. */
export const shortDelays = {
  provision: 400,
  modify: 300,
  scale: 300,
  maintenance: 300,
  operation: 200,
  serviceStart: 300,
  serviceRestart: 300,
} satisfies MockSimulatorOptions["delays"];

/** Waiter settings for those delays. */
export const quickWait = { intervalMs: 50, maxIntervalMs: 200, timeoutMs: 10_000 };

export function startStatefulMock(api: ApiName, simulator: MockSimulatorOptions = {}): Promise<RunningMock> {
  return startMock({ api, port: 0, logLevel: "silent", stateful: true, strict: true, simulator: { delays: shortDelays, ...simulator } });
}

/** The `value` of a named example in the API's spec folder (`specs/<api>/examples/<file>.json`). */
export function specExample<T = Record<string, unknown>>(api: ApiName, file: string): T {
  return (JSON.parse(readFileSync(path.join(repoRoot, "specs", api, "examples", `${file}.json`), "utf8")) as { value: T }).value;
}

export interface RecordedExchange {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  /** The body text; "" when empty. */
  body: string;
}

/** A fetch for the clients that keeps every exchange (each retry attempt is one), in order. */
export function recordingFetch(onExchange?: (exchange: RecordedExchange, all: RecordedExchange[]) => void | Promise<void>) {
  const exchanges: RecordedExchange[] = [];
  const fetch: FetchLike = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const exchange = { method: input.method, url: input.url, status: response.status, headers: response.headers, body: await response.clone().text() };
    exchanges.push(exchange);
    await onExchange?.(exchange, exchanges);
    return response;
  };
  return { fetch, exchanges };
}

const credentials = { token: "stateful-test-token" };

export function kakaoClient(baseUrl: string, options: TransportOptions = {}) {
  return createKakaoCloudRedisClient({ ...credentials, baseUrl, timeoutMs: 10_000, ...options });
}

export function exoscaleClient(baseUrl: string, options: TransportOptions = {}) {
  return createExoscaleValkeyClient({ apiKey: "EXOstatefultest", apiSecret: "stateful-test-secret", baseUrl, timeoutMs: 10_000, ...options });
}

export function redisEnterpriseClient(baseUrl: string, options: TransportOptions = {}) {
  return createRedisEnterpriseClient({ username: "admin@example.com", password: "stateful-test-password", baseUrl, timeoutMs: 10_000, ...options });
}

/**
 * Checks recorded answers against the spec: a documented status, and a body valid against its schema in
 * the strict variant (Ajv compiling the bundle, independent of the generated validators the mock itself uses).
 */
export class ResponseChecker {
  private readonly validator: SpecValidator;
  private readonly matcher: OperationMatcher;

  constructor(readonly api: ApiName) {
    this.validator = new SpecValidator(api, "strict");
    this.matcher = createOperationMatcher(specModules[api].facts);
  }

  /** Problems with one exchange, [] when it is what the spec documents. */
  problems(exchange: RecordedExchange): string[] {
    const pathname = new URL(exchange.url).pathname;
    const match = this.matcher.match(exchange.method, pathname);
    const where = `${exchange.method} ${pathname} → ${exchange.status}`;
    if (match.kind !== "found") return [`${where}: no operation of the spec`];
    const operation = this.validator.operation(match.value.operationId);
    if (!operation.statuses.includes(String(exchange.status))) return [`${where}: status not documented for ${operation.operationId} (${exchange.body.slice(0, 200)})`];
    const pointer = this.validator.responseSchemaPointer(operation, String(exchange.status));
    if (!pointer) return [];
    let body: unknown;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      return [`${where}: body is not JSON`];
    }
    return this.validator.errors(pointer, body).map((error) => `${where} (${operation.operationId}): ${error}`);
  }

  /** Problems with every exchange; also how many were checked, so a test can tell it checked some. */
  check(exchanges: readonly RecordedExchange[]): { checked: number; problems: string[] } {
    return { checked: exchanges.length, problems: exchanges.flatMap((exchange) => this.problems(exchange)) };
  }
}

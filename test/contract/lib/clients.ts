// The three generated clients, pointed at the mocks. Retries are off: a documented 503 must reach the
// test as a 503, not as three of them.
import type { FetchLike } from "@managed-redis/client-runtime";
import { createExoscaleValkeyClient } from "@managed-redis/exoscale-dbaas-valkey";
import { createKakaoCloudRedisClient } from "@managed-redis/kakaocloud-redis";
import { createRedisEnterpriseClient } from "@managed-redis/redis-enterprise";
import type { ApiName } from "@managed-redis/tooling/apis";

export interface ClientOptions {
  throwOnError?: boolean;
  /** Sees each request after the client authenticated it, e.g. to take the credentials off again. */
  fetch?: FetchLike;
}

export function kakaoClient(baseUrl: string, options: ClientOptions = {}) {
  return createKakaoCloudRedisClient({ token: "contract-test-token", baseUrl, retry: false, timeoutMs: 10_000, ...options });
}

export function exoscaleClient(baseUrl: string, options: ClientOptions = {}) {
  return createExoscaleValkeyClient({
    apiKey: "EXOcontracttestkey",
    apiSecret: "contract-test-secret",
    baseUrl,
    retry: false,
    timeoutMs: 10_000,
    ...options,
  });
}

export function redisEnterpriseClient(baseUrl: string, options: ClientOptions = {}) {
  return createRedisEnterpriseClient({
    username: "admin@example.com",
    password: "contract-test-password",
    baseUrl,
    retry: false,
    timeoutMs: 10_000,
    ...options,
  });
}

export type KakaoClient = ReturnType<typeof kakaoClient>;
export type ExoscaleClient = ReturnType<typeof exoscaleClient>;
export type RedisEnterpriseClient = ReturnType<typeof redisEnterpriseClient>;

export function clientFor(api: ApiName, baseUrl: string, options: ClientOptions = {}) {
  switch (api) {
    case "kakaocloud-redis": return kakaoClient(baseUrl, options);
    case "exoscale-dbaas-valkey": return exoscaleClient(baseUrl, options);
    case "redis-enterprise": return redisEnterpriseClient(baseUrl, options);
  }
}

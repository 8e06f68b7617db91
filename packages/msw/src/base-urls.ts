// Where each API lives by default: the URL its spec's `servers` names (with its default variables),
// which is also what each typed client calls when given no `baseUrl`.
import type { ApiName } from "@managed-redis/simulator";

export const defaultBaseUrls: Readonly<Record<ApiName, string>> = Object.freeze({
  "kakaocloud-redis": "https://redis.kr-central-2.kakaocloud.com",
  // `https://api-{zone}.exoscale.com/v2`, zone ch-gva-2. Other zones: pass their URL as `baseUrl`.
  "exoscale-dbaas-valkey": "https://api-ch-gva-2.exoscale.com/v2",
  // `https://{host}:9443`, host localhost.
  "redis-enterprise": "https://localhost:9443",
});

// @managed-redis/redis-enterprise outside Node.js (browsers, workers): no Node built-in, no undici. The
// browser decides which certificates it trusts, so `ca` and `insecureSkipTlsVerify` are refused with an
// InvalidOptionError naming the option.
import { redisEnterpriseClientFactory } from "./client.js";
import { browserTlsTransport } from "./tls-browser.js";

export * from "./public-surface.js";

/**
 * Creates a typed client of the Redis Enterprise Software REST API (services), with HTTP Basic
 * authentication. The browser verifies the cluster's certificate against its own trust store.
 *
 *     const re = createRedisEnterpriseClient({ host: "cluster.example.com", username, password });
 *     const { data } = await re.GET("/v1/local/services");
 */
export const createRedisEnterpriseClient = redisEnterpriseClientFactory(browserTlsTransport);

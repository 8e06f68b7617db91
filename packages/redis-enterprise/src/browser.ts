// @managed-redis/redis-enterprise outside Node.js (browsers, workers): no Node built-in, no undici. The
// browser decides which certificates it trusts, so `ca` and `insecureSkipTlsVerify` are refused with an
// InvalidOptionError naming the option.
import { redisEnterpriseBaseClientFactory, redisEnterpriseClientFactory } from "./client.js";
import { browserTlsTransport } from "./tls-browser.js";

export * from "./public-surface.js";

/**
 * Creates a typed client of the Redis Enterprise Software REST API (services), with HTTP Basic
 * authentication. The browser verifies the cluster's certificate against its own trust store.
 *
 *     const re = createRedisEnterpriseClient({ host: "cluster.example.com", username, password });
 *     const services = await re.listLocalServices();
 *
 * One method per operation, and openapi-fetch's `GET`, `POST`, … on the same object.
 */
export const createRedisEnterpriseClient = /* @__PURE__ */ redisEnterpriseClientFactory(browserTlsTransport);

/**
 * The same client without the bound methods, for an app that calls a few operations as functions and
 * should not bundle the others: `await listLocalServices(createRedisEnterpriseBaseClient(options))`.
 */
export const createRedisEnterpriseBaseClient = /* @__PURE__ */ redisEnterpriseBaseClientFactory(browserTlsTransport);

// @managed-redis/redis-enterprise in Node.js (the "node" export condition): the cluster's certificate
// can be trusted with `ca`. Browsers and other runtimes get src/browser.ts.
import { redisEnterpriseClientFactory } from "./client.js";
import { nodeTlsTransport } from "./tls-node.js";

export * from "./public-surface.js";

/**
 * Creates a typed client of the Redis Enterprise Software REST API (services), with HTTP Basic
 * authentication. Certificates are always verified: give the cluster's `ca`, or explicitly
 * `insecureSkipTlsVerify: true`.
 *
 *     const re = createRedisEnterpriseClient({ host: "cluster.example.com", username, password, ca });
 *     const { data } = await re.GET("/v1/local/services");
 */
export const createRedisEnterpriseClient = redisEnterpriseClientFactory(nodeTlsTransport);

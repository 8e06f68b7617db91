// @managed-redis/redis-enterprise in Node.js (the "node" export condition): the cluster's certificate
// can be trusted with `ca`. Browsers and other runtimes get src/browser.ts.
import { redisEnterpriseBaseClientFactory, redisEnterpriseClientFactory } from "./client.js";
import { nodeTlsTransport } from "./tls-node.js";

export * from "./public-surface.js";

/**
 * Creates a typed client of the Redis Enterprise Software REST API (services), with HTTP Basic
 * authentication. Certificates are always verified: give the cluster's `ca`, or explicitly
 * `insecureSkipTlsVerify: true`.
 *
 *     const re = createRedisEnterpriseClient({ host: "cluster.example.com", username, password, ca });
 *     const services = await re.listLocalServices();
 *
 * One method per operation, and openapi-fetch's `GET`, `POST`, … on the same object.
 */
export const createRedisEnterpriseClient = /* @__PURE__ */ redisEnterpriseClientFactory(nodeTlsTransport);

/**
 * The same client without the bound methods, for an app that calls a few operations as functions and
 * should not bundle the others: `await listLocalServices(createRedisEnterpriseBaseClient(options))`.
 */
export const createRedisEnterpriseBaseClient = /* @__PURE__ */ redisEnterpriseBaseClientFactory(nodeTlsTransport);

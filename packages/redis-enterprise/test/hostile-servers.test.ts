// The client half of the hostile-input gate for the Redis Enterprise client, over HTTPS with the
// cluster's certificate given as `ca`: see packages/test-support/src/hostile-servers.ts for the cases.
// The password, the Basic header and its base64 value all count as credentials that no error may show.
import { readFileSync } from "node:fs";
import * as client from "../src/index.js";
import { describeHostileServers } from "@managed-redis/test-support/hostile-servers";

const cert = readFileSync(new URL("./fixtures/localhost-cert.pem", import.meta.url), "utf8");
const key = readFileSync(new URL("./fixtures/localhost-key.pem", import.meta.url), "utf8");
const USERNAME = "hostile@redislabs.com";
const PASSWORD = "hostile-horse-battery-staple";
const basic = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")}`;

describeHostileServers({
  exports: client,
  name: "@managed-redis/redis-enterprise",
  tls: { cert, key },
  secrets: [PASSWORD, basic],
  create(baseUrl, options) {
    const cluster = client.createRedisEnterpriseClient({ baseUrl, username: USERNAME, password: PASSWORD, ca: cert, ...options });
    return {
      get: () => cluster.GET("/v1/local/services"),
      post: () => cluster.POST("/v1/services", { body: { operation_type: "restart", services: ["alert_mgr"] } }),
    };
  },
  authenticated: (request) => request.headers.authorization === basic,
});

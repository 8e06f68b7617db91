// The client half of the hostile-input gate for the Exoscale client: see
// packages/test-support/src/hostile-servers.ts for the cases. Every signed Authorization header the
// servers saw, and its signature alone, counts as a credential that no error may show.
import * as client from "../src/index.js";
import { describeHostileServers } from "@managed-redis/test-support/hostile-servers";
import { verifyExoscaleSignature } from "./support/verify-signature.js";

const API_KEY = "EXOhostile0000000000000000";
const API_SECRET = "hostile-secret-0123456789abcdefghijklmnopqr";

describeHostileServers({
  exports: client,
  name: "@managed-redis/exoscale-dbaas-valkey",
  basePath: "/v2",
  secrets: [API_SECRET],
  create(baseUrl, options) {
    const exo = client.createExoscaleValkeyClient({ apiKey: API_KEY, apiSecret: API_SECRET, baseUrl, ...options });
    const params = { path: { name: "sessions" } };
    return {
      get: () => exo.GET("/dbaas-valkey/{name}", { params }),
      post: () => exo.POST("/dbaas-valkey/{name}", { params, body: { plan: "hobbyist-2" } }),
    };
  },
  authenticated: (request) => verifyExoscaleSignature(request, API_KEY, API_SECRET),
});

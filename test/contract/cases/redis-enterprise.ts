// Contract cases of the Redis Enterprise Software services API.
import type { RedisEnterpriseClient } from "../lib/clients.ts";
import type { OperationCase } from "./operation-case.ts";

export const redisEnterpriseCases: Record<string, OperationCase<RedisEnterpriseClient>> = {
  listLocalServices: async (client, headers) => {
    const { data, error, response } = await client.GET("/v1/local/services", { headers });
    return { data, error, response, typedField: data?.alert_mgr?.status };
  },
  updateLocalServices: async (client, headers) => {
    const { data, error, response } = await client.POST("/v1/local/services", {
      body: { operation_type: "restart", services: ["alert_mgr"] },
      headers,
    });
    return { data, error, response, typedField: data?.alert_mgr };
  },
  updatePrimaryNodeServices: async (client, headers) => {
    const { data, error, response } = await client.POST("/v1/services", {
      body: { operation_type: "stop", services: ["alert_mgr"] },
      headers,
    });
    return { data, error, response, typedField: data?.alert_mgr };
  },
};

// Contract cases of the Redis Enterprise Software services API, through the client's methods.
import type { RedisEnterpriseClient } from "../lib/clients.ts";
import { settle, type OperationCase } from "./operation-case.ts";

export const redisEnterpriseCases: Record<string, OperationCase<RedisEnterpriseClient>> = {
  listLocalServices: (client, headers) => settle(client.listLocalServices({}, { headers }), (data) => data.alert_mgr?.status),
  updateLocalServices: (client, headers) =>
    settle(client.updateLocalServices({ body: { operation_type: "restart", services: ["alert_mgr"] } }, { headers }), (data) => data.alert_mgr),
  updatePrimaryNodeServices: (client, headers) =>
    settle(client.updatePrimaryNodeServices({ body: { operation_type: "stop", services: ["alert_mgr"] } }, { headers }), (data) => data.alert_mgr),
};

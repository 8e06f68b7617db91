// Contract cases of the Exoscale DBaaS Valkey API: one valid call per operation, with the spec's example names.
import type { ExoscaleClient } from "../lib/clients.ts";
import type { OperationCase } from "./operation-case.ts";

const name = "my-valkey";
const username = "app-user";

export const exoscaleCases: Record<string, OperationCase<ExoscaleClient>> = {
  "create-dbaas-service-valkey": async (client, headers) => {
    const { data, error, response } = await client.POST("/dbaas-valkey/{name}", {
      params: { path: { name } },
      body: {
        plan: "startup-4",
        maintenance: { dow: "sunday", time: "03:00:00" },
        "ip-filter": ["10.20.0.0/16"],
        "termination-protection": true,
        "valkey-settings": { maxmemory_policy: "allkeys-lru", persistence: "rdb", number_of_databases: 16 },
        version: "8",
      },
      headers,
    });
    return { data, error, response, typedField: data?.state };
  },
  "get-dbaas-service-valkey": async (client, headers) => {
    const { data, error, response } = await client.GET("/dbaas-valkey/{name}", { params: { path: { name } }, headers });
    return { data, error, response, typedField: data?.state };
  },
  "update-dbaas-service-valkey": async (client, headers) => {
    const { data, error, response } = await client.PUT("/dbaas-valkey/{name}", {
      params: { path: { name } },
      body: { plan: "business-4", maintenance: { dow: "never", time: "00:00:00" }, version: "8" },
      headers,
    });
    return { data, error, response, typedField: data?.state };
  },
  "delete-dbaas-service-valkey": async (client, headers) => {
    const { data, error, response } = await client.DELETE("/dbaas-valkey/{name}", { params: { path: { name } }, headers });
    return { data, error, response, typedField: data?.reference?.id };
  },
  "start-dbaas-valkey-maintenance": async (client, headers) => {
    const { data, error, response } = await client.PUT("/dbaas-valkey/{name}/maintenance/start", {
      params: { path: { name } },
      headers,
    });
    return { data, error, response, typedField: data?.state };
  },
  "stop-dbaas-valkey-migration": async (client, headers) => {
    const { data, error, response } = await client.POST("/dbaas-valkey/{name}/migration/stop", {
      params: { path: { name } },
      headers,
    });
    return { data, error, response, typedField: data?.state };
  },
  "create-dbaas-valkey-user": async (client, headers) => {
    const { data, error, response } = await client.POST("/dbaas-valkey/{service-name}/user", {
      params: { path: { "service-name": name } },
      body: { username, "access-control": { categories: ["+@read"], channels: [], commands: ["+ping"], keys: ["cache:*"] } },
      headers,
    });
    return { data, error, response, typedField: data?.state };
  },
  "list-dbaas-valkey-users": async (client, headers) => {
    const { data, error, response } = await client.GET("/dbaas-valkey/{service-name}/user", {
      params: { path: { "service-name": name } },
      headers,
    });
    return { data, error, response, typedField: data?.users?.[0]?.["access-control"]?.categories };
  },
  "update-dbaas-valkey-user-access-control": async (client, headers) => {
    const { data, error, response } = await client.PUT("/dbaas-valkey/{service-name}/user/{username}", {
      params: { path: { "service-name": name, username } },
      body: { "access-control": { categories: ["+@read", "-@dangerous"], keys: ["cache:*"] } },
      headers,
    });
    return { data, error, response, typedField: data?.state };
  },
  "delete-dbaas-valkey-user": async (client, headers) => {
    const { data, error, response } = await client.DELETE("/dbaas-valkey/{service-name}/user/{username}", {
      params: { path: { "service-name": name, username } },
      headers,
    });
    return { data, error, response, typedField: data?.state };
  },
  "reveal-dbaas-valkey-user-password": async (client, headers) => {
    const { data, error, response } = await client.GET("/dbaas-valkey/{service-name}/user/{username}/password/reveal", {
      params: { path: { "service-name": name, username } },
      headers,
    });
    return { data, error, response, typedField: data?.username };
  },
  "reset-dbaas-valkey-user-password": async (client, headers) => {
    const { data, error, response } = await client.PUT("/dbaas-valkey/{service-name}/user/{username}/password/reset", {
      params: { path: { "service-name": name, username } },
      body: { password: "n3w-Str0ng-passw0rd" },
      headers,
    });
    return { data, error, response, typedField: data?.state };
  },
  "get-dbaas-settings-valkey": async (client, headers) => {
    const { data, error, response } = await client.GET("/dbaas-settings-valkey", { headers });
    return { data, error, response, typedField: data?.settings?.valkey?.type };
  },
};

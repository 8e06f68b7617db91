// Contract cases of the Exoscale DBaaS Valkey API through the client's methods, with the spec's example names.
import type { ExoscaleClient } from "../lib/clients.ts";
import { settle, type OperationCase } from "./operation-case.ts";

const name = "my-valkey";
const serviceName = name;
const username = "app-user";

export const exoscaleCases: Record<string, OperationCase<ExoscaleClient>> = {
  "create-dbaas-service-valkey": (client, headers) =>
    settle(
      client.createDbaasServiceValkey(
        {
          name,
          body: {
            plan: "startup-4",
            maintenance: { dow: "sunday", time: "03:00:00" },
            "ip-filter": ["10.20.0.0/16"],
            "termination-protection": true,
            "valkey-settings": { maxmemory_policy: "allkeys-lru", persistence: "rdb", number_of_databases: 16 },
            version: "8",
          },
        },
        { headers },
      ),
      (data) => data.state,
    ),
  "get-dbaas-service-valkey": (client, headers) => settle(client.getDbaasServiceValkey({ name }, { headers }), (data) => data.state),
  "update-dbaas-service-valkey": (client, headers) =>
    settle(
      client.updateDbaasServiceValkey(
        { name, body: { plan: "business-4", maintenance: { dow: "never", time: "00:00:00" }, version: "8" } },
        { headers },
      ),
      (data) => data.state,
    ),
  "delete-dbaas-service-valkey": (client, headers) => settle(client.deleteDbaasServiceValkey({ name }, { headers }), (data) => data.reference?.id),
  "start-dbaas-valkey-maintenance": (client, headers) => settle(client.startDbaasValkeyMaintenance({ name }, { headers }), (data) => data.state),
  "stop-dbaas-valkey-migration": (client, headers) => settle(client.stopDbaasValkeyMigration({ name }, { headers }), (data) => data.state),
  "create-dbaas-valkey-user": (client, headers) =>
    settle(
      client.createDbaasValkeyUser(
        { serviceName, body: { username, "access-control": { categories: ["+@read"], channels: [], commands: ["+ping"], keys: ["cache:*"] } } },
        { headers },
      ),
      (data) => data.state,
    ),
  "list-dbaas-valkey-users": (client, headers) =>
    settle(client.listDbaasValkeyUsers({ serviceName }, { headers }), (data) => data.users?.[0]?.["access-control"]?.categories),
  "update-dbaas-valkey-user-access-control": (client, headers) =>
    settle(
      client.updateDbaasValkeyUserAccessControl(
        { serviceName, username, body: { "access-control": { categories: ["+@read", "-@dangerous"], keys: ["cache:*"] } } },
        { headers },
      ),
      (data) => data.state,
    ),
  "delete-dbaas-valkey-user": (client, headers) => settle(client.deleteDbaasValkeyUser({ serviceName, username }, { headers }), (data) => data.state),
  "reveal-dbaas-valkey-user-password": (client, headers) =>
    settle(client.revealDbaasValkeyUserPassword({ serviceName, username }, { headers }), (data) => data.username),
  "reset-dbaas-valkey-user-password": (client, headers) =>
    settle(client.resetDbaasValkeyUserPassword({ serviceName, username, body: { password: "n3w-Str0ng-passw0rd" } }, { headers }), (data) => data.state),
  "get-dbaas-settings-valkey": (client, headers) => settle(client.getDbaasSettingsValkey({}, { headers }), (data) => data.settings?.valkey?.type),
};

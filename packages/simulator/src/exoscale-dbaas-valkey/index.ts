// Exoscale DBaaS Valkey (API v2): services by name, their users and passwords, maintenance, migration.
import type { operations } from "@managed-redis/exoscale-dbaas-valkey";
import { spec } from "@managed-redis/spec-facts/apis/exoscale-dbaas-valkey";
import type { ApiModule } from "../api-module.ts";
import { handlers } from "./handlers.ts";
import { createState, type ExoscaleState } from "./state.ts";
import { dump } from "./views.ts";

export const exoscaleDbaasValkey: ApiModule<ExoscaleState, operations> = {
  spec,
  createState,
  handlers,
  errorBody: ({ detail }) => ({ message: detail }),
  dump: (state, context) => dump(state, context.now()),
};

// Redis Enterprise Software: the services of a node, stopped, started and restarted.
import type { operations } from "@managed-redis/redis-enterprise";
import { spec } from "@managed-redis/spec-facts/apis/redis-enterprise";
import type { ApiModule } from "../api-module.ts";
import { handlers } from "./handlers.ts";
import { createState, type RedisEnterpriseState } from "./state.ts";
import { listView } from "./views.ts";

export const redisEnterprise: ApiModule<RedisEnterpriseState, operations> = {
  spec,
  createState,
  handlers,
  errorBody: ({ code, detail }) => ({ error_code: code, description: detail }),
  dump: (state, context) => ({ services: listView(state, context.now()) }),
};

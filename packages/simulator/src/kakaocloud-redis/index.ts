// KakaoCloud Redis: clusters (cluster mode) and instance sets, their shards and nodes.
import type { operations } from "@managed-redis/kakaocloud-redis";
import { spec } from "@managed-redis/spec-facts/apis/kakaocloud-redis";
import type { ApiModule } from "../api-module.ts";
import { handlers } from "./handlers.ts";
import { createState, type KakaoState } from "./state.ts";
import { dump } from "./views.ts";

export const kakaocloudRedis: ApiModule<KakaoState, operations> = {
  spec,
  createState,
  handlers,
  errorBody: ({ status, detail }) => ({ code: status, message: detail }),
  dump: (state, context) => dump(state, context.now()),
};

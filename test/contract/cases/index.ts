// Every API's contract cases, by operationId. The coverage gate compares these keys with the specs.
import type { ApiName } from "@managed-redis/tooling/apis";
import { exoscaleCases } from "./exoscale-dbaas-valkey.ts";
import { kakaoCases } from "./kakaocloud-redis.ts";
import type { OperationCase } from "./operation-case.ts";
import { redisEnterpriseCases } from "./redis-enterprise.ts";

export const casesByApi: Record<ApiName, Record<string, OperationCase<any>>> = {
  "kakaocloud-redis": kakaoCases,
  "exoscale-dbaas-valkey": exoscaleCases,
  "redis-enterprise": redisEnterpriseCases,
};

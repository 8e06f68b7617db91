// The coverage gate: every operation of every bundled spec has a contract case (and with it a test per
// documented status, see operations.test.ts). Adding an operation to a spec without a case turns this red.
import { describe, expect, it } from "vitest";
import { apiNames } from "@managed-redis/tooling/apis";
import { listAllOperations } from "@managed-redis/tooling/bundled-specs";
import { findCoverageGaps } from "./lib/coverage.ts";
import { casesByApi } from "./cases/index.ts";

describe("contract coverage", () => {
  const operations = listAllOperations();

  it("finds all 32 operations of the three specs (16 KakaoCloud, 13 Exoscale, 3 Redis Enterprise)", () => {
    expect(operations).toHaveLength(32);
    expect(new Set(operations.map((operation) => `${operation.api} ${operation.operationId}`)).size).toBe(32);
    const byApi = Object.fromEntries(apiNames.map((api) => [api, operations.filter((operation) => operation.api === api).length]));
    expect(byApi).toEqual({ "kakaocloud-redis": 16, "exoscale-dbaas-valkey": 13, "redis-enterprise": 3 });
  });

  it("has a contract case for every operation and no case for an operation the specs lack", () => {
    expect(findCoverageGaps(operations, casesByApi)).toEqual({ uncovered: [], unknown: [] });
  });

  it("reports an operation added to a spec without a case, and a case left behind by a removed one", () => {
    const added = { ...operations[0]!, operationId: "listBackups", path: "/v1/backups" };
    const withoutGetCluster = operations.filter((operation) => operation.operationId !== "getCluster");
    const gaps = findCoverageGaps([...withoutGetCluster, added], casesByApi);
    expect(gaps.uncovered).toEqual([`${added.api} listBackups (GET /v1/backups)`]);
    expect(gaps.unknown).toEqual(["kakaocloud-redis getCluster"]);
  });
});

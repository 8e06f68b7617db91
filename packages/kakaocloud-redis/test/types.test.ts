// Compile-time checks, enforced by `npm run typecheck` (tsc over src and test): each @ts-expect-error
// line must be an error, or tsc fails. The runtime assertions make vitest count the file.
import { describe, expectTypeOf, it } from "vitest";
import { createKakaoCloudRedisClient, nodeRoleValues, type Cluster, type KnownClusterStatus, type NodeRole } from "../src/index.js";

describe("types", () => {
  it("types responses from the spec and rejects wrong fields and enum values", () => {
    expectTypeOf<Cluster["shardCount"]>().toEqualTypeOf<number>();
    expectTypeOf<NodeRole>().toEqualTypeOf<"primary" | "replica">();
    expectTypeOf(nodeRoleValues).toEqualTypeOf<readonly ("primary" | "replica")[]>();
    // An open list: any status is accepted; the known ones are `KnownClusterStatus`.
    expectTypeOf<Cluster["status"]>().toEqualTypeOf<string>();
    expectTypeOf<KnownClusterStatus>().toEqualTypeOf<"Init" | "Creating" | "Running" | "Modifying" | "Scaling(horizontal)" | "Scaling(vertical)">();
    expectTypeOf<NonNullable<Cluster["backupSchedule"]>>().toEqualTypeOf<{ cron?: string; retentionLimit?: number }>();

    const client = createKakaoCloudRedisClient({ token: "t", fetch: async () => new Response("{}") });
    // Never called: only compiled.
    const compileOnly = () => {
      // @ts-expect-error -- "clusterId" is not the path parameter; it is "cluster-id".
      void client.GET("/v1/clusters/{cluster-id}", { params: { path: { clusterId: "c1" } } });
      // @ts-expect-error -- no such path.
      void client.GET("/v1/cluster");
      // @ts-expect-error -- "leader" is not a NodeRole.
      const role: NodeRole = "leader";
      void role;
    };
    void compileOnly;
  });
});

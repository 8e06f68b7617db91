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
      void client.waitForClusterStatus("c1", "Running", { failureStatuses: ["Error"], jitter: 0.1 });
      void client.waitForNodeStatus("c1", "s1", "n1", "Scaling(vertical)");
      // @ts-expect-error -- "running" is misspelled: the documented status is "Running".
      void client.waitForClusterStatus("c1", "running");
      // @ts-expect-error -- "Deleting" is not a documented shard status.
      void client.waitForShardStatus("c1", "s1", "Deleting");
      // @ts-expect-error -- a per-call `retry` takes retry options or false, not a number.
      void client.GET("/v1/clusters", { retry: 3 });
      void client.POST("/v1/clusters", { body: {} as never, retry: { nonIdempotent: true } });
      // @ts-expect-error -- "leader" is not a NodeRole.
      const role: NodeRole = "leader";
      void role;
    };
    void compileOnly;
  });
});

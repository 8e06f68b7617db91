// Compile-time checks, enforced by `npm run typecheck` (tsc over src and test): each @ts-expect-error
// line must be an error, or tsc fails. The runtime assertions make vitest count the file.
import { describe, expectTypeOf, it } from "vitest";
import {
  createKakaoCloudRedisBaseClient,
  createKakaoCloudRedisClient,
  getCluster,
  nodeRoleValues,
  type ApiErrorOf,
  type Cluster,
  type ClusterList,
  type KakaoApiErrorBody,
  type KnownClusterStatus,
  type NodeRole,
  type ObjectIdResponse,
} from "../src/index.js";

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

  it("types each method's argument and result from the spec", () => {
    const client = createKakaoCloudRedisClient({ token: "t", fetch: async () => new Response("{}") });
    expectTypeOf(client.listClusters).returns.resolves.toEqualTypeOf<ClusterList>();
    expectTypeOf(client.getCluster).returns.resolves.toEqualTypeOf<Cluster>();
    expectTypeOf(client.createCluster).returns.resolves.toEqualTypeOf<ObjectIdResponse>();
    expectTypeOf(client.getCluster({ clusterId: "c1" }).withResponse()).resolves.toEqualTypeOf<{ data: Cluster; response: Response }>();
    expectTypeOf<ApiErrorOf<"getCluster">["body"]>().toEqualTypeOf<KakaoApiErrorBody>();
    const base = createKakaoCloudRedisBaseClient({ token: "t" });
    expectTypeOf(getCluster(base, { clusterId: "c1" })).resolves.toEqualTypeOf<Cluster>();
    // Never called: only compiled.
    const compileOnly = () => {
      void client.listClusters();
      void client.listClusters({ query: { parameterGroupName: "g" } });
      void client.getNode({ clusterId: "c", shardId: "s", nodeId: "n" });
      // @ts-expect-error -- a path parameter is camelCased: "cluster-id" is not an argument.
      void client.getCluster({ "cluster-id": "c1" });
      // @ts-expect-error -- the path parameter is required.
      void client.getCluster({});
      // @ts-expect-error -- the argument is required when the operation has a path parameter.
      void client.getCluster();
      // @ts-expect-error -- nodeId is missing.
      void client.getNode({ clusterId: "c", shardId: "s" });
      // @ts-expect-error -- createCluster needs its body.
      void client.createCluster({});
      // @ts-expect-error -- "shards" is not a field of UpdateClusterRequest.
      void client.updateCluster({ clusterId: "c1", body: { shards: 3 } });
      // @ts-expect-error -- keepAutomaticBackups is a boolean.
      void client.deleteCluster({ clusterId: "c1", query: { keepAutomaticBackups: "yes" } });
      // @ts-expect-error -- listClusters takes no body.
      void client.listClusters({ body: {} });
      // @ts-expect-error -- no such method.
      void client.listCluster();
      // @ts-expect-error -- the base client has no bound methods.
      void base.listClusters();
    };
    void compileOnly;
  });
});

import { describe, expect, it } from "vitest";
import { createManualClock, DEFAULT_DELAYS } from "../src/index.ts";
import { checkedSimulator, requestExample, responseExample } from "./support/spec.ts";

const api = "kakaocloud-redis";
const fresh = () => checkedSimulator({ api, clock: createManualClock(), seed: 7 });
const createBody = (name: string) => ({ ...requestExample(api, "createCluster", "create"), name });

describe("kakaocloud-redis: seed", () => {
  it("answers the documents' examples on a fresh start, as the static mock does", async () => {
    const sim = fresh();
    const cluster = responseExample(api, "getCluster", 200, "cluster");
    const instanceSet = responseExample(api, "getCluster", 200, "instanceSet");
    expect((await sim.call({ method: "GET", path: `/v1/clusters/${cluster.objectId}` })).body).toEqual(cluster);
    expect((await sim.call({ method: "GET", path: `/v1/clusters/${instanceSet.objectId}` })).body).toEqual(instanceSet);
    const list = (await sim.call({ method: "GET", path: "/v1/clusters" })).body as { clusters: { objectId: string }[] };
    expect(list.clusters.map((c) => c.objectId)).toEqual([cluster.objectId, instanceSet.objectId]);
    expect((await sim.call({ method: "GET", path: `/v1/clusters/${cluster.objectId}/shards` })).body).toEqual(
      responseExample(api, "listShards", 200, "default"),
    );
    expect((await sim.call({ method: "GET", path: "/v1/redis/flavors" })).body).toEqual(responseExample(api, "listFlavors", 200, "default"));
    expect((await sim.call({ method: "GET", path: "/v1/redis/versions" })).body).toEqual(responseExample(api, "listEngineVersions", 200, "default"));
  });

  it("brings the seeded Creating and Modifying resources to Running on the clock", async () => {
    const sim = fresh();
    sim.control.advance(DEFAULT_DELAYS.provision);
    const list = (await sim.call({ method: "GET", path: "/v1/clusters" })).body as { clusters: { status: string }[] };
    expect(list.clusters.map((c) => c.status)).toEqual(["Running", "Running"]);
  });

  it("filters the list by parameter group", async () => {
    const sim = fresh();
    const byName = (await sim.call({ method: "GET", path: "/v1/clusters", query: { parameterGroupName: "test-parameter-group" } })).body as {
      clusters: { name: string }[];
    };
    expect(byName.clusters.map((c) => c.name)).toEqual(["test-cluster", "test-instance-group"]);
    const none = (await sim.call({ method: "GET", path: "/v1/clusters?parameterGroupId=nope" })).body as { clusters: unknown[] };
    expect(none.clusters).toEqual([]);
  });
});

describe("kakaocloud-redis: create → come up → add a shard → replicas → update → delete", () => {
  it("walks a cluster through its lifecycle, every answer valid against the spec", async () => {
    const sim = fresh();
    const created = await sim.call({ method: "POST", path: "/v1/clusters", body: createBody("orders") });
    expect(created.status).toBe(201);
    const id = (created.body as { objectId: string }).objectId;

    const creating = (await sim.call({ method: "GET", path: `/v1/clusters/${id}` })).body as Record<string, any>;
    expect(creating).toMatchObject({ name: "orders", status: "Creating", shardCount: 2, totalNodeCount: 6, clusterEnabled: true, port: 6379 });
    expect(creating.userName).toBe("testuser");
    expect(creating).not.toHaveProperty("user");
    expect(creating.endpoints).toEqual({ primaryEndpoint: "", readEndpoint: "" });
    expect(creating.vcpu).toBe(2);
    const list = (await sim.call({ method: "GET", path: "/v1/clusters" })).body as { clusters: { objectId: string }[] };
    expect(list.clusters.map((c) => c.objectId)).toContain(id);

    const early = await sim.call({ method: "POST", path: `/v1/clusters/${id}/shards`, body: requestExample(api, "addShard", "addShard") });
    expect(early.status).toBe(400);

    sim.control.advance(DEFAULT_DELAYS.provision - 1);
    expect(((await sim.call({ method: "GET", path: `/v1/clusters/${id}` })).body as any).status).toBe("Creating");
    sim.control.advance(1);
    const running = (await sim.call({ method: "GET", path: `/v1/clusters/${id}` })).body as Record<string, any>;
    expect(running.status).toBe("Running");
    expect(running.endpoints.primaryEndpoint).toMatch(/^primary\.orders-/);

    const shards = (await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards` })).body as { shards: any[] };
    expect(shards.shards.map((s) => [s.id, s.slots, s.status, s.nodes.length])).toEqual([
      ["001", "0-8191", "Running", 3],
      ["002", "8192-16383", "Running", 3],
    ]);

    const added = await sim.call({ method: "POST", path: `/v1/clusters/${id}/shards`, body: requestExample(api, "addShard", "addShard") });
    expect(added.status).toBe(201);
    const scaling = (await sim.call({ method: "GET", path: `/v1/clusters/${id}` })).body as Record<string, any>;
    expect(scaling).toMatchObject({ status: "Scaling(horizontal)", shardCount: 3, totalNodeCount: 9 });
    const shard3 = (await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards/003` })).body as Record<string, any>;
    expect(shard3).toMatchObject({ id: "003", name: "orders-003", status: "Creating", slots: "10922-16383" });
    sim.control.advance(DEFAULT_DELAYS.scale);
    expect(((await sim.call({ method: "GET", path: `/v1/clusters/${id}` })).body as any).status).toBe("Running");

    const replica = await sim.call({ method: "POST", path: `/v1/clusters/${id}/shards/003/nodes`, body: requestExample(api, "addReplicaNode", "addReplica") });
    expect(replica.status).toBe(201);
    const nodes = (await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards/003/nodes` })).body as { nodes: any[] };
    expect(nodes.nodes).toHaveLength(4);
    const newNode = nodes.nodes[3];
    expect(newNode).toMatchObject({ name: "orders-003-004", role: "replica", status: "Creating", subnet: { id: "yyyyyyyy-0a69-4f8b-b56d-59ce12b4d55b" } });
    expect(((await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards/003` })).body as any).status).toBe("Modifying");
    sim.control.advance(DEFAULT_DELAYS.scale);
    expect(((await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards/003/nodes/${newNode.id}` })).body as any).status).toBe("Running");

    const primary = nodes.nodes[0];
    expect((await sim.call({ method: "DELETE", path: `/v1/clusters/${id}/shards/003/nodes/${primary.id}` })).status).toBe(400);
    expect((await sim.call({ method: "DELETE", path: `/v1/clusters/${id}/shards/003/nodes/${newNode.id}` })).status).toBe(200);
    const gone = await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards/003/nodes/${newNode.id}` });
    expect(gone).toMatchObject({ status: 404, body: { code: 404, message: "node not found" } });
    sim.control.advance(DEFAULT_DELAYS.scale);

    expect((await sim.call({ method: "DELETE", path: `/v1/clusters/${id}/shards/003` })).status).toBe(200);
    expect((await sim.call({ method: "GET", path: `/v1/clusters/${id}/shards/003` })).status).toBe(404);
    sim.control.advance(DEFAULT_DELAYS.scale);

    const update = await sim.call({ method: "PATCH", path: `/v1/clusters/${id}`, body: requestExample(api, "updateCluster", "update") });
    expect(update).toMatchObject({ status: 200, body: { objectId: id } });
    const modified = (await sim.call({ method: "GET", path: `/v1/clusters/${id}` })).body as Record<string, any>;
    expect(modified).toMatchObject({
      status: "Modifying",
      description: "modify description",
      backupSchedule: { cron: "* 3 * * *", retentionLimit: 15 },
      securityGroups: [{ id: "ba9a0303-024a-47a4-b1c6-90ada7ca74fb" }, { id: "2133fb76-8dda-492f-afce-9a9bc5f1cb9f" }],
    });
    sim.control.advance(DEFAULT_DELAYS.modify);
    await sim.call({ method: "PATCH", path: `/v1/clusters/${id}`, body: requestExample(api, "updateCluster", "disableBackup") });
    expect(((await sim.call({ method: "GET", path: `/v1/clusters/${id}` })).body as any).backupSchedule).toBeNull();
    sim.control.advance(DEFAULT_DELAYS.modify);
    expect((await sim.call({ method: "POST", path: `/v1/clusters/${id}/parameter-group/apply` })).status).toBe(200);

    expect((await sim.call({ method: "DELETE", path: `/v1/clusters/${id}` })).status).toBe(200);
    const after = await sim.call({ method: "GET", path: `/v1/clusters/${id}` });
    expect(after).toMatchObject({ status: 404, body: responseExample(api, "getCluster", 404, "notFound") });
    const listed = (await sim.call({ method: "GET", path: "/v1/clusters" })).body as { clusters: { objectId: string }[] };
    expect(listed.clusters.map((c) => c.objectId)).not.toContain(id);
    expect((await sim.call({ method: "DELETE", path: `/v1/clusters/${id}` })).status).toBe(404);
  });
});

describe("kakaocloud-redis: errors", () => {
  it("answers 409 with the documented body for a duplicate name", async () => {
    const sim = fresh();
    // The create example with the name of the seeded cluster (the getCluster example's "test-cluster").
    const body = { ...(requestExample(api, "createCluster", "create") as object), name: "test-cluster" };
    expect((await sim.call({ method: "POST", path: "/v1/clusters", body: requestExample(api, "createCluster", "create") })).status).toBe(201);
    const duplicate = await sim.call({ method: "POST", path: "/v1/clusters", body });
    expect(duplicate).toMatchObject({ status: 409, body: responseExample(api, "createCluster", 409, "conflict") });
  });

  it("answers 400 naming the missing fields instead of crashing", async () => {
    const sim = fresh();
    for (const body of [undefined, {}, { name: "x" }, "not json", { ...createBody("y"), subnetAssignments: [{}] }]) {
      const response = await sim.call({ method: "POST", path: "/v1/clusters", body });
      expect(response.status).toBe(400);
    }
    const addShard = await sim.call({ method: "POST", path: "/v1/clusters/qqqqwwww-7347-4d87-a49f-e705e91db2fb/shards", body: { nodeCount: 0 } });
    expect(addShard.status).toBe(400);
  });

  it("refuses shard changes on an instance set and beyond twelve shards", async () => {
    const sim = fresh();
    sim.control.advance(DEFAULT_DELAYS.provision);
    const body = requestExample(api, "addShard", "addShard");
    expect((await sim.call({ method: "POST", path: "/v1/clusters/aaaassss-7347-4d87-a49f-e705e91db2fb/shards", body })).status).toBe(400);
    const id = ((await sim.call({ method: "POST", path: "/v1/clusters", body: { ...createBody("big"), shardCount: 12 } })).body as any).objectId;
    sim.control.advance(DEFAULT_DELAYS.provision);
    const refused = await sim.call({ method: "POST", path: `/v1/clusters/${id}/shards`, body });
    expect(refused).toMatchObject({ status: 400, body: { code: 400, message: "invalid request: a cluster has at most 12 shards" } });
  });

  it("answers 404 for unknown shards and nodes", async () => {
    const sim = fresh();
    const cluster = "qqqqwwww-7347-4d87-a49f-e705e91db2fb";
    expect((await sim.call({ method: "GET", path: `/v1/clusters/${cluster}/shards/999` })).status).toBe(404);
    expect((await sim.call({ method: "GET", path: `/v1/clusters/${cluster}/shards/001/nodes/nope` })).status).toBe(404);
    expect((await sim.call({ method: "GET", path: "/v1/clusters/nope/shards" })).status).toBe(404);
  });
});

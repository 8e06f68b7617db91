// Contract cases of the KakaoCloud Redis API: one valid call per operation, with the spec's example ids.
import type { KakaoClient } from "../lib/clients.ts";
import type { OperationCase } from "./operation-case.ts";

const clusterId = "qqqqwwww-7347-4d87-a49f-e705e91db2fb";
const shardId = "001";
const nodeId = "aaaaaaaa-c12e-46f9-81a0-60ab1950a480";
const subnetA = { id: "xxxxxxxx-0a69-4f8b-b56d-59ce12b4d55b" };
const subnetB = { id: "yyyyyyyy-0a69-4f8b-b56d-59ce12b4d55b" };

export const kakaoCases: Record<string, OperationCase<KakaoClient>> = {
  listEngineVersions: async (client, headers) => {
    const { data, error, response } = await client.GET("/v1/redis/versions", { headers });
    return { data, error, response, typedField: data?.[0]?.toUpperCase() };
  },
  listFlavors: async (client, headers) => {
    const { data, error, response } = await client.GET("/v1/redis/flavors", { headers });
    return { data, error, response, typedField: data?.flavors[0]?.vcpus };
  },
  listClusters: async (client, headers) => {
    const { data, error, response } = await client.GET("/v1/clusters", {
      params: { query: { parameterGroupName: "test-parameter-group" } },
      headers,
    });
    return { data, error, response, typedField: data?.clusters[0]?.name };
  },
  createCluster: async (client, headers) => {
    const { data, error, response } = await client.POST("/v1/clusters", {
      body: {
        name: "contract-cluster",
        description: "made by the contract tests",
        version: "7.2.11",
        port: 6379,
        shardCount: 1,
        nodeCountPerShard: 2,
        flavorId: "3830ebad-ea2f-4822-8a7d-9e301c86a58d",
        parameterGroupId: "bbbbcccc-1234-1234-5678-e705e91db2fb",
        subnets: [subnetA, subnetB],
        subnetAssignments: [{ primary: subnetA, replicas: [subnetB] }],
        securityGroups: [{ id: "abcdxxxx-4870-4c4e-a267-2de13e38c2ea" }],
        backupSchedule: { cron: "0 3 * * *", retentionLimit: 7 },
        tlsEnabled: false,
      },
      headers,
    });
    return { data, error, response, typedField: data?.objectId };
  },
  getCluster: async (client, headers) => {
    const { data, error, response } = await client.GET("/v1/clusters/{cluster-id}", {
      params: { path: { "cluster-id": clusterId } },
      headers,
    });
    return { data, error, response, typedField: data?.status };
  },
  updateCluster: async (client, headers) => {
    const { data, error, response } = await client.PATCH("/v1/clusters/{cluster-id}", {
      params: { path: { "cluster-id": clusterId } },
      body: { description: "renamed by the contract tests", backupSchedule: { cron: "0 4 * * *", retentionLimit: 3 } },
      headers,
    });
    return { data, error, response, typedField: data?.objectId };
  },
  deleteCluster: async (client, headers) => {
    const { data, error, response } = await client.DELETE("/v1/clusters/{cluster-id}", {
      params: { path: { "cluster-id": clusterId }, query: { keepAutomaticBackups: true } },
      headers,
    });
    return { data, error, response, typedField: data?.objectId };
  },
  retryParameterGroupApply: async (client, headers) => {
    const { data, error, response } = await client.POST("/v1/clusters/{cluster-id}/parameter-group/apply", {
      params: { path: { "cluster-id": clusterId } },
      headers,
    });
    return { data, error, response, typedField: data?.objectId };
  },
  addShard: async (client, headers) => {
    const { data, error, response } = await client.POST("/v1/clusters/{cluster-id}/shards", {
      params: { path: { "cluster-id": clusterId } },
      body: { nodeCount: 2, subnetAssignments: { primary: subnetA, replicas: [subnetB] } },
      headers,
    });
    return { data, error, response, typedField: data?.objectId };
  },
  listShards: async (client, headers) => {
    const { data, error, response } = await client.GET("/v1/clusters/{cluster-id}/shards", {
      params: { path: { "cluster-id": clusterId } },
      headers,
    });
    return { data, error, response, typedField: data?.shards[0]?.id };
  },
  getShard: async (client, headers) => {
    const { data, error, response } = await client.GET("/v1/clusters/{cluster-id}/shards/{shard-id}", {
      params: { path: { "cluster-id": clusterId, "shard-id": shardId } },
      headers,
    });
    return { data, error, response, typedField: data?.status };
  },
  deleteShard: async (client, headers) => {
    const { data, error, response } = await client.DELETE("/v1/clusters/{cluster-id}/shards/{shard-id}", {
      params: { path: { "cluster-id": clusterId, "shard-id": shardId } },
      headers,
    });
    return { data, error, response, typedField: data?.objectId };
  },
  addReplicaNode: async (client, headers) => {
    const { data, error, response } = await client.POST("/v1/clusters/{cluster-id}/shards/{shard-id}/nodes", {
      params: { path: { "cluster-id": clusterId, "shard-id": shardId } },
      body: { subnet: subnetB },
      headers,
    });
    return { data, error, response, typedField: data?.objectId };
  },
  listNodes: async (client, headers) => {
    const { data, error, response } = await client.GET("/v1/clusters/{cluster-id}/shards/{shard-id}/nodes", {
      params: { path: { "cluster-id": clusterId, "shard-id": shardId } },
      headers,
    });
    return { data, error, response, typedField: data?.nodes[0]?.role };
  },
  getNode: async (client, headers) => {
    const { data, error, response } = await client.GET("/v1/clusters/{cluster-id}/shards/{shard-id}/nodes/{node-id}", {
      params: { path: { "cluster-id": clusterId, "shard-id": shardId, "node-id": nodeId } },
      headers,
    });
    return { data, error, response, typedField: data?.role };
  },
  deleteNode: async (client, headers) => {
    const { data, error, response } = await client.DELETE("/v1/clusters/{cluster-id}/shards/{shard-id}/nodes/{node-id}", {
      params: { path: { "cluster-id": clusterId, "shard-id": shardId, "node-id": nodeId } },
      headers,
    });
    return { data, error, response, typedField: data?.objectId };
  },
};

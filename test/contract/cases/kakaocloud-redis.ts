// Contract cases of the KakaoCloud Redis API: one valid call per operation through the client's methods, with
// the spec's example ids.
import type { KakaoClient } from "../lib/clients.ts";
import { settle, type OperationCase } from "./operation-case.ts";

const clusterId = "qqqqwwww-7347-4d87-a49f-e705e91db2fb";
const shardId = "001";
const nodeId = "aaaaaaaa-c12e-46f9-81a0-60ab1950a480";
const subnetA = { id: "xxxxxxxx-0a69-4f8b-b56d-59ce12b4d55b" };
const subnetB = { id: "yyyyyyyy-0a69-4f8b-b56d-59ce12b4d55b" };

export const kakaoCases: Record<string, OperationCase<KakaoClient>> = {
  listEngineVersions: (client, headers) => settle(client.listEngineVersions({}, { headers }), (data) => data[0]?.toUpperCase()),
  listFlavors: (client, headers) => settle(client.listFlavors({}, { headers }), (data) => data.flavors[0]?.vcpus),
  listClusters: (client, headers) =>
    settle(client.listClusters({ query: { parameterGroupName: "test-parameter-group" } }, { headers }), (data) => data.clusters[0]?.name),
  createCluster: (client, headers) =>
    settle(
      client.createCluster(
        {
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
        },
        { headers },
      ),
      (data) => data.objectId,
    ),
  getCluster: (client, headers) => settle(client.getCluster({ clusterId }, { headers }), (data) => data.status),
  updateCluster: (client, headers) =>
    settle(
      client.updateCluster(
        { clusterId, body: { description: "renamed by the contract tests", backupSchedule: { cron: "0 4 * * *", retentionLimit: 3 } } },
        { headers },
      ),
      (data) => data.objectId,
    ),
  deleteCluster: (client, headers) =>
    settle(client.deleteCluster({ clusterId, query: { keepAutomaticBackups: true } }, { headers }), (data) => data.objectId),
  retryParameterGroupApply: (client, headers) => settle(client.retryParameterGroupApply({ clusterId }, { headers }), (data) => data.objectId),
  addShard: (client, headers) =>
    settle(
      client.addShard({ clusterId, body: { nodeCount: 2, subnetAssignments: { primary: subnetA, replicas: [subnetB] } } }, { headers }),
      (data) => data.objectId,
    ),
  listShards: (client, headers) => settle(client.listShards({ clusterId }, { headers }), (data) => data.shards[0]?.id),
  getShard: (client, headers) => settle(client.getShard({ clusterId, shardId }, { headers }), (data) => data.status),
  deleteShard: (client, headers) => settle(client.deleteShard({ clusterId, shardId }, { headers }), (data) => data.objectId),
  addReplicaNode: (client, headers) =>
    settle(client.addReplicaNode({ clusterId, shardId, body: { subnet: subnetB } }, { headers }), (data) => data.objectId),
  listNodes: (client, headers) => settle(client.listNodes({ clusterId, shardId }, { headers }), (data) => data.nodes[0]?.role),
  getNode: (client, headers) => settle(client.getNode({ clusterId, shardId, nodeId }, { headers }), (data) => data.role),
  deleteNode: (client, headers) => settle(client.deleteNode({ clusterId, shardId, nodeId }, { headers }), (data) => data.objectId),
};

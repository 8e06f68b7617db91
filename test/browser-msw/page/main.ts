// The page's script, bundled by esbuild: MSW's service worker answers the vendors' hosts from the
// simulator, and the typed clients run their scenarios against it. The outcome goes into #result.
import { createExoscaleValkeyClient, unwrap } from "@managed-redis/exoscale-dbaas-valkey";
import { createKakaoCloudRedisClient } from "@managed-redis/kakaocloud-redis";
import { createRedisEnterpriseClient, InvalidOptionError } from "@managed-redis/redis-enterprise";
import { setupWorker } from "msw/browser";
import { createSimulatorHandlers } from "@managed-redis/msw";

const delays = { provision: 300, modify: 200, operation: 100 };
const quickWait = { intervalMs: 40, maxIntervalMs: 150, timeoutMs: 5_000 };

async function kakaoScenario(): Promise<Record<string, unknown>> {
  const kakao = createKakaoCloudRedisClient({ token: "browser-test-token" });
  const { objectId } = await unwrap(
    kakao.POST("/v1/clusters", {
      body: {
        name: "browser-cluster",
        version: "7.2.11",
        port: 6379,
        shardCount: 1,
        nodeCountPerShard: 2,
        flavorId: "3830ebad-ea2f-4822-8a7d-9e301c86a58d",
        parameterGroupId: "bbbbcccc-1234-1234-5678-e705e91db2fb",
        subnets: [{ id: "11111111-0a69-4f8b-b56d-59ce12b4d55b" }],
        subnetAssignments: [{ primary: { id: "11111111-0a69-4f8b-b56d-59ce12b4d55b" }, replicas: [] }],
        securityGroups: [{ id: "abcdxxxx-4870-4c4e-a267-2de13e38c2ea" }],
      },
    }),
  );
  const listed = await unwrap(kakao.GET("/v1/clusters"));
  const firstStatus = listed.clusters.find((cluster) => cluster.objectId === objectId)?.status;
  const running = await kakao.waitForClusterStatus(objectId, "Running", quickWait);
  await unwrap(kakao.PATCH("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } }, body: { description: "from the browser" } }));
  const updated = await kakao.waitForClusterStatus(objectId, "Running", quickWait);
  await unwrap(kakao.DELETE("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } }));
  const gone = await kakao.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": objectId } } });
  return { firstStatus, runningStatus: running.status, description: updated.description, afterDelete: gone.response.status };
}

async function exoscaleScenario(): Promise<Record<string, unknown>> {
  // Signs every request with Web Crypto (EXO2-HMAC-SHA256), as it would against the real API.
  const exo = createExoscaleValkeyClient({ apiKey: "EXObrowsertest", apiSecret: "browser-test-secret" });
  const name = "browser-valkey";
  const operation = await unwrap(exo.POST("/dbaas-valkey/{name}", { params: { path: { name } }, body: { plan: "hobbyist-2" } }));
  const first = await unwrap(exo.GET("/dbaas-valkey/{name}", { params: { path: { name } } }));
  const running = await exo.waitForServiceState(name, "running", quickWait);
  await unwrap(exo.DELETE("/dbaas-valkey/{name}", { params: { path: { name } } }));
  const gone = await exo.GET("/dbaas-valkey/{name}", { params: { path: { name } } });
  return { operationState: operation.state, firstState: first.state, runningState: running.state, afterDelete: gone.response.status };
}

async function redisEnterpriseScenario(): Promise<Record<string, unknown>> {
  // The package's browser build (esbuild picks it: no "node" condition here): the browser owns TLS trust,
  // so `ca` is refused, naming the option.
  const credentials = { host: "localhost", username: "browser@example.com", password: "browser-test-password" };
  let caRefusedFor: string | undefined;
  try {
    createRedisEnterpriseClient({ ...credentials, ca: "-----BEGIN CERTIFICATE-----" });
  } catch (error) {
    if (error instanceof InvalidOptionError) caRefusedFor = error.option;
  }
  const cluster = createRedisEnterpriseClient(credentials);
  const restarted = await unwrap(cluster.POST("/v1/local/services", { body: { operation_type: "restart", services: ["alert_mgr"] } }));
  const during = (await unwrap(cluster.GET("/v1/local/services")))["alert_mgr"]?.status;
  let after = during;
  for (let attempt = 0; attempt < 100 && after !== "RUNNING"; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    after = (await unwrap(cluster.GET("/v1/local/services")))["alert_mgr"]?.status;
  }
  return { caRefusedFor, restarted, during, after };
}

async function main(): Promise<void> {
  const kakao = createSimulatorHandlers({ api: "kakaocloud-redis", delays });
  const exoscale = createSimulatorHandlers({ api: "exoscale-dbaas-valkey", delays });
  // Long enough that the GET right after the restart still sees RESTARTING on a busy machine.
  const redisEnterprise = createSimulatorHandlers({ api: "redis-enterprise", delays: { serviceRestart: 1_000 } });
  const worker = setupWorker(...kakao.handlers, ...exoscale.handlers, ...redisEnterprise.handlers);
  // "error": a request to the vendors' hosts that no handler answers fails instead of leaving.
  await worker.start({ serviceWorker: { url: "/mockServiceWorker.js" }, onUnhandledRequest: "error", quiet: true });
  return Promise.all([kakaoScenario(), exoscaleScenario(), redisEnterpriseScenario()]).then(([kakaocloud, exoscaleValkey, redisEnterprise]) => {
    show({ ok: true, kakaocloud, exoscaleValkey, redisEnterprise });
  });
}

function show(result: unknown): void {
  const element = document.getElementById("result")!;
  element.textContent = JSON.stringify(result);
  element.dataset.done = "true";
}

main().catch((error: unknown) => show({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));

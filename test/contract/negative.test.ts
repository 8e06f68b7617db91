// Requests the specs forbid: the mock must reject each with the right 4xx, say which field is wrong, and the
// client must report it (the typed `error`, or an ApiError with `throwOnError`). Bodies that the generated
// types would refuse are forced through with a cast, as a caller in plain JavaScript could send them.
import { ApiError, InvalidOptionError } from "@managed-redis/client-runtime";
import { createExoscaleValkeyClient } from "@managed-redis/exoscale-dbaas-valkey";
import { createKakaoCloudRedisClient } from "@managed-redis/kakaocloud-redis";
import { createRedisEnterpriseClient } from "@managed-redis/redis-enterprise";
import { describe, expect, inject, it } from "vitest";
import { clientFor, exoscaleClient, kakaoClient, redisEnterpriseClient } from "./lib/clients.ts";

const mockUrls = inject("mockUrls");

/** Where the mock says what is wrong: its `sl-violations` header, or a problem+json body. */
async function violationText(response: Response): Promise<string> {
  const header = response.headers.get("sl-violations") ?? "";
  const body = response.bodyUsed ? "" : await response.clone().text();
  return `${header}\n${body}`;
}

describe("the mock rejects what the spec forbids, and the client reports it", () => {
  it("an Exoscale maintenance day that is not in the dow enum: 400 naming maintenance.dow", async () => {
    const client = exoscaleClient(mockUrls["exoscale-dbaas-valkey"]);
    const body = { plan: "startup-4", maintenance: { dow: "funday", time: "03:00:00" } };
    const { error, response } = await client.POST("/dbaas-valkey/{name}", { params: { path: { name: "my-valkey" } }, body: body as never });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    const violations = await violationText(response);
    expect(violations).toContain('"maintenance","dow"');
    expect(violations).toContain("allowed values");
  });

  // createCluster documents a 422 as well as a 400; Prism answers a body that breaks the schema with the 422.
  it("a KakaoCloud cluster without its required name: the documented 422, thrown as ApiError", async () => {
    const client = kakaoClient(mockUrls["kakaocloud-redis"], { throwOnError: true });
    const body = {
      version: "7.2.11", port: 6379, shardCount: 1, nodeCountPerShard: 2,
      flavorId: "3830ebad-ea2f-4822-8a7d-9e301c86a58d", parameterGroupId: "bbbbcccc-1234-1234-5678-e705e91db2fb",
      subnets: [{ id: "s-1" }], subnetAssignments: [{ primary: { id: "s-1" }, replicas: [] }], securityGroups: [{ id: "g-1" }],
    };
    const thrown = await client.POST("/v1/clusters", { body: body as never }).then(() => undefined, (error: unknown) => error);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 422, method: "POST", operation: "createCluster" });
  });

  it("a KakaoCloud backup cron that is not five fields: 400 naming backupSchedule.cron", async () => {
    const client = kakaoClient(mockUrls["kakaocloud-redis"]);
    const { response, error } = await client.PATCH("/v1/clusters/{cluster-id}", {
      params: { path: { "cluster-id": "qqqqwwww-7347-4d87-a49f-e705e91db2fb" } },
      body: { backupSchedule: { cron: "every day", retentionLimit: 3 } } as never,
    });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    expect(await violationText(response)).toContain('"backupSchedule","cron"');
  });

  it("a Redis Enterprise services list sent as a string: 400 naming services", async () => {
    const client = redisEnterpriseClient(mockUrls["redis-enterprise"]);
    const { response, error } = await client.POST("/v1/services", {
      body: { operation_type: "restart", services: "alert_mgr" } as never,
    });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    expect(await violationText(response)).toContain('"services"');
  });

  it("a Redis Enterprise operation_type that is not stop, start or restart: 400 naming operation_type", async () => {
    const client = redisEnterpriseClient(mockUrls["redis-enterprise"]);
    const { response } = await client.POST("/v1/local/services", {
      body: { operation_type: "reboot", services: ["alert_mgr"] } as never,
    });
    expect(response.status).toBe(400);
    expect(await violationText(response)).toContain('"operation_type"');
  });
});

describe("missing credentials", () => {
  const unauthenticated: Array<[string, string, string]> = [
    ["kakaocloud-redis", "/v1/clusters", "X-Auth-Token"],
    ["exoscale-dbaas-valkey", "/dbaas-valkey/my-valkey", "Authorization"],
    ["redis-enterprise", "/v1/local/services", "Authorization (Basic)"],
  ];
  for (const [api, path, header] of unauthenticated) {
    it(`${api}: a request without ${header} gets the documented 401`, async () => {
      const response = await fetch(`${mockUrls[api as keyof typeof mockUrls]}${path}`);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toMatch(/json/);
      expect(await response.json()).toBeTypeOf("object");
    });
  }

  // The same through the generated clients: a fetch that takes the client's credentials off again stands
  // for a proxy or gateway that drops them. The 401 must reach the caller as an ApiError naming the
  // operation, and carry none of the credentials (nor the header the client had computed from them).
  const throughTheClient: Array<[keyof typeof mockUrls, string, string, string, string]> = [
    ["kakaocloud-redis", "/v1/clusters", "listClusters", "X-Auth-Token", "contract-test-token"],
    ["exoscale-dbaas-valkey", "/dbaas-valkey/{name}", "get-dbaas-service-valkey", "Authorization", "contract-test-secret"],
    ["redis-enterprise", "/v1/local/services", "listLocalServices", "Authorization", "contract-test-password"],
  ];
  for (const [api, path, operation, header, secret] of throughTheClient) {
    it(`${api}: the client throws the 401 for ${operation} without ${header} as an ApiError, secrets redacted`, async () => {
      const removed: string[] = [];
      const fetchWithoutAuth = (request: Request, init?: RequestInit) => {
        const headers = new Headers(request.headers);
        removed.push(headers.get(header) ?? "");
        headers.delete(header);
        return fetch(new Request(request, { headers }), init);
      };
      const client = clientFor(api, mockUrls[api], { throwOnError: true, fetch: fetchWithoutAuth }) as any;
      // Only the Exoscale path has a parameter; the others ignore it.
      const thrown = await client.GET(path, { params: { path: { name: "my-valkey" } } }).then(() => undefined, (error: unknown) => error);
      expect(removed.length, "requests sent").toBeGreaterThan(0);
      expect(removed, `the client sent ${header}`).not.toContain("");
      expect(thrown).toBeInstanceOf(ApiError);
      expect(thrown).toMatchObject({ status: 401, method: "GET", operation });
      const reported = `${(thrown as ApiError).message}\n${JSON.stringify(thrown)}`;
      expect(reported).toContain(operation);
      expect(reported).not.toContain(secret);
      for (const value of removed) expect(reported).not.toContain(value);
    });
  }

  it("each client refuses to start without credentials, naming the option, before any request", () => {
    const fetchSpy = () => Promise.reject(new Error("no request may be sent"));
    expect(() => createKakaoCloudRedisClient({ token: "", fetch: fetchSpy })).toThrow(InvalidOptionError);
    expect(() => createKakaoCloudRedisClient({ token: "", fetch: fetchSpy })).toThrow(/token/);
    expect(() => createExoscaleValkeyClient({ apiKey: "EXOkey", apiSecret: "", fetch: fetchSpy })).toThrow(/apiSecret/);
    expect(() => createRedisEnterpriseClient({ username: "admin@example.com", password: "", host: "cluster.example.com", fetch: fetchSpy })).toThrow(/password/);
  });
});

// The stateful mock: one server per API, the simulator in the same process behind the request pipeline.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../src/index.ts";
import { credentials, violations } from "./support/requests.ts";

const createBody = JSON.parse(readFileSync(new URL("./fixtures/kakaocloud-create-cluster.json", import.meta.url), "utf8")) as Record<string, unknown>;
const provisionMs = 60_000; // long: the tests move time with /__simulator/advance
let kakao: RunningMock;
let exoscale: RunningMock;

beforeAll(async () => {
  [kakao, exoscale] = await Promise.all([
    startMock({ api: "kakaocloud-redis", port: 0, logLevel: "silent", stateful: true, simulator: { delays: { provision: provisionMs } } }),
    startMock({ api: "exoscale-dbaas-valkey", port: 0, logLevel: "silent", stateful: true }),
  ]);
});

afterAll(async () => {
  await Promise.all([kakao?.close(), exoscale?.close()]);
});

function kakaoCall(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${kakao.url}${path}`, { ...init, headers: { ...credentials["kakaocloud-redis"], "content-type": "application/json", ...(init.headers as Record<string, string>) } });
}

async function clusterNames(): Promise<Map<string, string>> {
  const list = (await (await kakaoCall("/v1/clusters")).json()) as { clusters: { name: string; status: string }[] };
  return new Map(list.clusters.map((cluster) => [cluster.name, cluster.status]));
}

describe("startMock({ stateful: true })", () => {
  it("remembers a created cluster, moves it from Creating to Running, and forgets it on delete", async () => {
    const created = await kakaoCall("/v1/clusters", { method: "POST", body: JSON.stringify(createBody) });
    expect(created.status).toBe(201);
    const { objectId } = (await created.json()) as { objectId: string };
    expect(violations(created)).toEqual([]);
    expect((await clusterNames()).get("stateful-test")).toBe("Creating");

    const advanced = await kakaoCall(`/__simulator/advance?ms=${provisionMs}`, { method: "POST" });
    expect(advanced.status).toBe(200);
    expect((await clusterNames()).get("stateful-test")).toBe("Running");

    expect((await kakaoCall(`/v1/clusters/${objectId}`, { method: "DELETE" })).status).toBe(200);
    expect((await kakaoCall(`/v1/clusters/${objectId}`)).status).toBe(404);
    expect((await clusterNames()).has("stateful-test")).toBe(false);
  });

  it("rejects an invalid request before the simulator sees it, with the documented status as problem+json", async () => {
    const before = (await (await kakaoCall("/__simulator/state")).json()) as unknown;
    const response = await kakaoCall("/v1/clusters", { method: "POST", body: JSON.stringify({ ...createBody, name: undefined, shardCount: "two" }) });
    // createCluster documents a 422 (and a 400): the status static mode picks too.
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as { message: string; validation: unknown[] };
    expect(problem.message).toContain("body.name is required");
    expect(problem.message).toContain("body.shardCount must be integer");
    expect(violations(response)).toContainEqual(expect.objectContaining({ location: ["request", "body", "shardCount"] }));
    const after = (await (await kakaoCall("/__simulator/state")).json()) as { now: string };
    expect({ ...after, now: "" }).toEqual({ ...(before as object), now: "" });
  });

  it("answers an Exoscale body that breaks the spec with the documented 400, naming the field in `message`", async () => {
    const response = await fetch(`${exoscale.url}/dbaas-valkey/my-valkey`, {
      method: "PUT",
      headers: { ...credentials["exoscale-dbaas-valkey"], "content-type": "application/json" },
      body: JSON.stringify({ maintenance: { dow: "funday", time: "03:00:00" } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^body\.maintenance\.dow must be equal to one of the allowed values/);
  });

  it("keeps Prism's 404 for a path the spec does not have", async () => {
    const response = await kakaoCall("/v1/nowhere");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: expect.stringContaining("NO_PATH_MATCHED") });
  });

  it("serves the control routes on the API's port, with CORS for a browser", async () => {
    const preflight = await fetch(`${kakao.url}/__simulator/faults`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "PUT", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("PUT");

    const faults = await kakaoCall("/__simulator/faults", { method: "PUT", headers: { origin: "http://localhost:5173" }, body: JSON.stringify({ errorRate: 1, statuses: [500], operations: ["listFlavors"] }) });
    expect(faults.status).toBe(200);
    expect(faults.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const faulted = await kakaoCall("/v1/redis/flavors");
    expect(faulted.status).toBe(500);
    expect(faulted.headers.get("x-simulator-fault")).toBe("injected");
    expect(faulted.headers.get("retry-after")).toBe("1");
    // The injected answer is a documented one: Prism let it through without a violation.
    expect(violations(faulted)).toEqual([]);
    await kakaoCall("/__simulator/faults", { method: "DELETE" });
    expect((await kakaoCall("/v1/redis/flavors")).status).toBe(200);
  });

  it("refuses the control routes and the API to a page from a non-loopback origin", async () => {
    for (const origin of ["http://127.0.0.1:3000", "https://[::1]", "http://localhost"]) {
      const preflight = await fetch(`${kakao.url}/__simulator/reset`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
      expect(preflight.status, origin).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin"), origin).toBe(origin);
    }

    const created = await kakaoCall("/v1/clusters", { method: "POST", body: JSON.stringify({ ...createBody, name: "kept-from-evil" }) });
    expect(created.status).toBe(201);
    for (const origin of ["https://evil.example", "http://localhost.evil.example", "null"]) {
      const preflight = await fetch(`${kakao.url}/__simulator/reset`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
      expect(preflight.status, origin).toBe(403);
      expect(preflight.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(preflight.headers.get("access-control-allow-methods"), origin).toBeNull();
      expect(preflight.headers.get("access-control-allow-credentials"), origin).toBeNull();
      // A simple request (no preflight: a form post, or fetch with mode "no-cors") is refused too.
      const reset = await fetch(`${kakao.url}/__simulator/reset`, { method: "POST", headers: { origin, "content-type": "text/plain" }, body: "{}" });
      expect(reset.status, origin).toBe(403);
      expect(reset.headers.get("access-control-allow-origin"), origin).toBeNull();
      const state = await kakaoCall("/__simulator/state", { headers: { origin } });
      expect(state.status, origin).toBe(403);
      expect(state.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
    expect((await clusterNames()).has("kept-from-evil")).toBe(true);

    // The API routes refuse such a page too: it could delete resources or read a revealed password.
    const api = await kakaoCall("/v1/clusters", { headers: { origin: "https://evil.example" } });
    expect(api.status).toBe(403);
    expect(api.headers.get("access-control-allow-origin")).toBeNull();
    const deleted = await kakaoCall(`/v1/clusters/anything`, { method: "DELETE", headers: { origin: "https://evil.example" } });
    expect(deleted.status).toBe(403);
    await kakaoCall("/__simulator/reset", { method: "POST" });
  });

  it("resets to the seed data", async () => {
    await kakaoCall("/v1/clusters", { method: "POST", body: JSON.stringify({ ...createBody, name: "to-be-reset" }) });
    expect((await clusterNames()).has("to-be-reset")).toBe(true);
    expect((await kakaoCall("/__simulator/reset", { method: "POST" })).status).toBe(200);
    expect([...(await clusterNames()).keys()]).toEqual(["test-cluster", expect.any(String)]);
  });

  it("answers missing credentials with the documented 401, as static mode does", async () => {
    const response = await fetch(`${kakao.url}/v1/clusters`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(violations(response)).toEqual([expect.objectContaining({ code: 401 })]);
    expect(await response.json()).toEqual(expect.objectContaining({ message: expect.any(String) }));
  });

  it("listens on one port per API: no internal server, no proxy hop", () => {
    // A fresh process that starts the three stateful mocks and counts its listening TCP servers.
    const script = `
      const { apiNames, startMock } = await import(${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)});
      const mocks = await Promise.all(apiNames.map((api) => startMock({ api, port: 0, stateful: true, logLevel: "silent" })));
      const listening = process.getActiveResourcesInfo().filter((resource) => resource === "TCPServerWrap").length;
      process.stdout.write(JSON.stringify({ apis: mocks.length, listening }));
      await Promise.all(mocks.map((mock) => mock.close()));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ apis: 3, listening: 3 });
  });

  it("gives the simulator to in-process callers, and none in static mode", async () => {
    expect(kakao.simulator?.api).toBe("kakaocloud-redis");
    await expect(startMock({ api: "redis-enterprise", stateful: true, dynamic: true })).rejects.toMatchObject({ code: "BAD_OPTION" });
  });
});

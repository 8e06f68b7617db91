// Many clients at once against the stateful mock: no lost write, no duplicate, through Prism's proxy.
import { unwrap } from "@managed-redis/client-runtime";
import type { RunningMock } from "@managed-redis/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exoscaleClient, kakaoClient, specExample, startStatefulMock } from "./lib/stateful-mocks.ts";

let kakao: RunningMock;
let exoscale: RunningMock;

beforeAll(async () => {
  [kakao, exoscale] = await Promise.all([startStatefulMock("kakaocloud-redis"), startStatefulMock("exoscale-dbaas-valkey")]);
});

afterAll(async () => {
  await Promise.all([kakao?.close(), exoscale?.close()]);
});

const parallel = 100;

describe("parallel creates", () => {
  it(`KakaoCloud: ${parallel} parallel creates give ${parallel} distinct clusters, all listed`, async () => {
    const client = kakaoClient(kakao.url);
    const base = specExample<Record<string, unknown>>("kakaocloud-redis", "createCluster.create");
    const created = await Promise.all(
      Array.from({ length: parallel }, (_, i) => unwrap(client.POST("/v1/clusters", { body: { ...base, name: `parallel-${i}` } as never }))),
    );
    const ids = new Set(created.map((answer) => answer.objectId));
    expect(ids.size).toBe(parallel);
    const listed = await unwrap(client.GET("/v1/clusters"));
    const listedIds = new Set(listed.clusters.map((cluster) => cluster.objectId));
    for (const id of ids) expect(listedIds.has(id)).toBe(true);
    expect(listed.clusters.filter((cluster) => cluster.name.startsWith("parallel-"))).toHaveLength(parallel);
  });

  it("KakaoCloud: of 20 parallel creates with one name exactly one wins, the others get the documented 409", async () => {
    const client = kakaoClient(kakao.url);
    const body = { ...specExample<Record<string, unknown>>("kakaocloud-redis", "createCluster.create"), name: "contested" };
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.POST("/v1/clusters", { body: body as never })));
    const statuses = answers.map((answer) => answer.response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  });

  it(`Exoscale: ${parallel} parallel creates give ${parallel} services, each readable by name`, async () => {
    const client = exoscaleClient(exoscale.url);
    const body = specExample("exoscale-dbaas-valkey", "create-dbaas-service-valkey.minimal");
    const names = Array.from({ length: parallel }, (_, i) => `parallel-${i}`);
    const operations = await Promise.all(names.map((name) => unwrap(client.POST("/dbaas-valkey/{name}", { params: { path: { name } }, body: body as never }))));
    expect(new Set(operations.map((operation) => operation.id)).size).toBe(parallel);
    const services = await Promise.all(names.map((name) => unwrap(client.GET("/dbaas-valkey/{name}", { params: { path: { name } } }))));
    expect(services.map((service) => service.name)).toEqual(names);
    const state = (await (await fetch(`${exoscale.url}/__simulator/state`)).json()) as { resources: { services: { name: string }[] } };
    expect(state.resources.services.filter((service) => service.name.startsWith("parallel-"))).toHaveLength(parallel);
  });
});

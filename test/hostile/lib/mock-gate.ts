// The hostile-input gate for one mode of the mocks: every API, each in a child process on a free port,
// gets at least 600 generated hostile requests (fixed seed), raw malformed HTTP, slow partial requests and
// a burst of connections. Then: no process exited, no 5xx but the ones fault injection was asked for, a
// normal request still answers, and (stateful) the store is as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiNames, type ApiName } from "@managed-redis/spec-facts";
import { expectSurvived, sendAll, sendRawCases, slowAndBurst } from "./attack.ts";
import { Figures } from "./figures.ts";
import { credentials, mockRequests } from "./mock-requests.ts";
import { rawRequests } from "./raw-requests.ts";
import { send } from "./send.ts";
import { startMockTarget, type Target } from "./targets.ts";

const requestsPerTarget = 650;
const seed = 1301;

/** A GET each API answers 200 without parameters: the "still works" check. */
const probe: Record<ApiName, string> = {
  "kakaocloud-redis": "/v1/clusters",
  "exoscale-dbaas-valkey": "/dbaas-settings-valkey",
  "redis-enterprise": "/v1/local/services",
};

/** An operation for the fault-injection check (it documents 503 or at least 500). */
const faultable: Record<ApiName, { operationId: string; path: string }> = {
  "kakaocloud-redis": { operationId: "listClusters", path: "/v1/clusters" },
  "exoscale-dbaas-valkey": { operationId: "get-dbaas-settings-valkey", path: "/dbaas-settings-valkey" },
  "redis-enterprise": { operationId: "listLocalServices", path: "/v1/local/services" },
};

export function describeMockGate(stateful: boolean): void {
  describe.each(apiNames)(`%s ${stateful ? "stateful" : "static"} mock under hostile input`, (api) => {
    let target: Target;
    const figures = new Figures(`${api} ${stateful ? "stateful" : "static"}`);
    const problems: string[] = [];

    beforeAll(async () => {
      target = await startMockTarget(api, stateful);
      figures.rssBefore = target.rssMiB();
    });
    afterAll(async () => {
      await target?.stop();
    });

    const state = async () => {
      const dump = JSON.parse((await send(target.url, { kind: "probe", method: "GET", path: "/__simulator/state", headers: {} })).body ?? "{}") as Record<string, unknown>;
      // Redis Enterprise's service uptimes follow the real clock: left out of the comparison.
      const resources = JSON.stringify(dump.resources).replace(/"uptime":"[^"]*"/g, '"uptime":""');
      return { seed: dump.seed, faults: dump.faults, resources: JSON.parse(resources) as unknown, offsetMs: Date.parse(String(dump.now)) - Date.now() };
    };

    it(`survives ${requestsPerTarget} generated requests, raw malformed HTTP, slow clients and a burst: no exit, no 5xx, still answering${stateful ? ", store intact" : ""}`, async () => {
      // The seed data has changes in progress (a cluster Modifying for a few seconds): settled first, so
      // the store stands still while the gate runs.
      if (stateful) expect((await send(target.url, { kind: "probe", method: "POST", path: "/__simulator/advance?ms=3600000", headers: {} })).status).toBe(200);
      const before = stateful ? await state() : undefined;
      const requests = mockRequests(api, stateful, requestsPerTarget, seed);
      problems.push(
        ...(await sendAll(target, requests, figures, (request, outcome) => {
          if (outcome.status !== undefined && outcome.status >= 500) return `answered ${outcome.status}`;
          if (request.kind === "control" && outcome.status !== undefined && outcome.status < 400) return `a control input out of bounds was taken (${outcome.status})`;
          if (request.kind === "nesting" && outcome.status !== 400 && outcome.status !== 403 && outcome.status !== 404) return `nesting answered ${outcome.status}, not 400`;
          return undefined;
        })),
      );
      problems.push(...(await sendRawCases(target, rawRequests(probe[api], `127.0.0.1:${target.port}`), figures)));
      problems.push(...(await slowAndBurst(target, probe[api], credentials[api], figures)));

      if (stateful) {
        // 5xx asked for: every call of one operation faulted (503, or the 500 it documents), a sane
        // Retry-After, then cleared.
        const { operationId, path } = faultable[api];
        const set = await send(target.url, { kind: "probe", method: "PUT", path: "/__simulator/faults", headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify({ errorRate: 1, statuses: [503, 500], retryAfterSeconds: 2, operations: [operationId] })) });
        expect(set.status, set.body).toBe(200);
        for (let index = 0; index < 20; index++) {
          const faulted = await send(target.url, { kind: "fault", method: "GET", path, headers: credentials[api] });
          expect([500, 503]).toContain(faulted.status);
          expect(faulted.headers?.["retry-after"]).toBe("2");
          figures.faultsAskedFor++;
        }
        expect((await send(target.url, { kind: "probe", method: "DELETE", path: "/__simulator/faults", headers: {} })).status).toBe(200);
        const after = await state();
        expect({ ...after, offsetMs: 0 }).toEqual({ ...before!, offsetMs: 0 });
        expect(Math.abs(after.offsetMs - before!.offsetMs)).toBeLessThan(60_000);
      }

      const normal = await send(target.url, { kind: "probe", method: "GET", path: probe[api], headers: credentials[api] });
      expect(normal.status).toBe(200);
      expectSurvived(target, figures, problems);
    }, 240_000);
  });
}

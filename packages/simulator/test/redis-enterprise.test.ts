import { describe, expect, it } from "vitest";
import { strictSpecModules } from "@managed-redis/spec-facts/strict";
import { createManualClock, createSimulator, DEFAULT_DELAYS } from "../src/index.ts";
import { formatUptime } from "../src/redis-enterprise/uptime.ts";
import { checkedSimulator, requestExample, responseExample } from "./support/spec.ts";

const api = "redis-enterprise";
const fresh = () => checkedSimulator({ api, clock: createManualClock(), seed: 7 });
const services = async (sim: ReturnType<typeof fresh>) => (await sim.call({ method: "GET", path: "/v1/local/services" })).body as Record<string, any>;

describe("redis-enterprise", () => {
  it("answers the document's services on a fresh start, and their uptime grows with the clock", async () => {
    const sim = fresh();
    expect(await services(sim)).toEqual(responseExample(api, "listLocalServices", 200, "running"));
    sim.control.advance(61_000);
    expect((await services(sim)).alert_mgr.uptime).toBe("3 days, 1:00:00");
  });

  it("restarts: RESTARTING, then RUNNING with a new start time", async () => {
    const sim = fresh();
    const restart = await sim.call({ method: "POST", path: "/v1/local/services", body: requestExample(api, "updateLocalServices", "restartAlertMgr") });
    expect(restart).toMatchObject({ status: 200, body: { alert_mgr: true } });
    expect((await services(sim)).alert_mgr).toEqual({ start_time: "2025-01-01T00:00:03Z", status: "RESTARTING" });
    sim.control.advance(DEFAULT_DELAYS.serviceRestart + 5000);
    expect((await services(sim)).alert_mgr).toEqual({ start_time: "2025-01-01T00:00:03Z", status: "RUNNING", uptime: "0:00:05" });
  });

  it("stops at once and starts through STARTING, on the primary node as on the local one", async () => {
    const sim = fresh();
    await sim.call({ method: "POST", path: "/v1/services", body: { operation_type: "stop", services: ["alert_mgr", "ccs"] } });
    const stopped = await services(sim);
    expect(stopped.alert_mgr).toEqual({ status: "STOPPED" });
    expect(stopped.ccs).toEqual({ status: "STOPPED" });
    await sim.call({ method: "POST", path: "/v1/local/services", body: { operation_type: "start", services: ["alert_mgr"] } });
    expect((await services(sim)).alert_mgr.status).toBe("STARTING");
    sim.control.advance(DEFAULT_DELAYS.serviceStart);
    expect((await services(sim)).alert_mgr.status).toBe("RUNNING");
    expect((await services(sim)).ccs.status).toBe("STOPPED");
  });

  it("answers false for a service the node does not run, and adds nothing", async () => {
    const sim = fresh();
    const response = await sim.call({ method: "POST", path: "/v1/services", body: { operation_type: "restart", services: ["alert_mgr", "no_such_service"] } });
    expect(response.body).toEqual({ alert_mgr: true, no_such_service: false });
    expect(await services(sim)).not.toHaveProperty("no_such_service");
  });

  it("answers 400 with the documented error shape for a bad body", async () => {
    const sim = fresh();
    for (const body of [undefined, {}, { operation_type: "reboot", services: ["alert_mgr"] }, { operation_type: "stop", services: [] }]) {
      const response = await sim.call({ method: "POST", path: "/v1/local/services", body });
      expect(response.status).toBe(400);
      expect(response.body).toHaveProperty("error_code", "invalid_request");
    }
  });

  it("accepts a field the spec does not list, as the vendor's API does, and refuses it held to the strict variant", async () => {
    const body = { operation_type: "stop", services: ["alert_mgr"], extra: 1 };
    expect((await fresh().call({ method: "POST", path: "/v1/local/services", body })).status).toBe(200);
    const strict = createSimulator({ api: "redis-enterprise", clock: createManualClock(), spec: strictSpecModules["redis-enterprise"] });
    const refused = await strict.handle({ method: "POST", path: "/v1/local/services", body });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error_code: "invalid_request", description: expect.stringContaining("extra") });
  });

  it("formats uptime as the vendor does", () => {
    expect(formatUptime(5)).toBe("0:00:05");
    expect(formatUptime(86400 + 3723)).toBe("1 day, 1:02:03");
    expect(formatUptime(3 * 86400 + 3539)).toBe("3 days, 0:58:59");
  });
});

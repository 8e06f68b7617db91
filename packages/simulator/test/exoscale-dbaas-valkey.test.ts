import { describe, expect, it } from "vitest";
import { createManualClock, DEFAULT_DELAYS } from "../src/index.ts";
import { checkedSimulator, requestExample, responseExample } from "./support/spec.ts";

const api = "exoscale-dbaas-valkey";
const fresh = () => checkedSimulator({ api, clock: createManualClock(), seed: 7 });
const get = async (sim: ReturnType<typeof fresh>, name: string) => (await sim.call({ method: "GET", path: `/v2/dbaas-valkey/${name}` })).body as Record<string, any>;
const operationsOf = (sim: ReturnType<typeof fresh>) => (sim.control.dump().resources as { operations: Record<string, any>[] }).operations;

describe("exoscale-dbaas-valkey: seed", () => {
  it("answers the document's service and settings on a fresh start", async () => {
    const sim = fresh();
    expect(await get(sim, "my-valkey")).toEqual(responseExample(api, "get-dbaas-service-valkey", 200, "running"));
    expect((await sim.call({ method: "GET", path: "/dbaas-settings-valkey" })).body).toEqual(
      responseExample(api, "get-dbaas-settings-valkey", 200, "defaults"),
    );
  });
});

describe("exoscale-dbaas-valkey: create → rebuilding → running → users → plan → delete", () => {
  it("walks a service through its lifecycle, every answer valid against the spec", async () => {
    const sim = fresh();
    const created = await sim.call({ method: "POST", path: "/v2/dbaas-valkey/cache", body: requestExample(api, "create-dbaas-service-valkey", "minimal") });
    expect(created.status).toBe(200);
    const operation = created.body as Record<string, any>;
    expect(operation).toMatchObject({ state: "pending", reference: { command: "get-dbaas-service-valkey", link: "https://api-ch-gva-2.exoscale.com/v2/dbaas-valkey/cache" } });

    const rebuilding = await get(sim, "cache");
    expect(rebuilding).toMatchObject({ name: "cache", plan: "startup-4", state: "rebuilding", type: "valkey", "node-count": 1, "termination-protection": false });
    expect(rebuilding["node-states"]).toEqual([{ name: "cache-1", role: "master", state: "setting_up_vm" }]);
    expect(rebuilding["valkey-settings"]).toMatchObject({ maxmemory_policy: "noeviction", timeout: 300, ssl: true });
    expect(rebuilding.users).toEqual([expect.objectContaining({ username: "default", type: "primary" })]);

    sim.control.advance(DEFAULT_DELAYS.provision);
    expect((await get(sim, "cache")).state).toBe("running");
    expect(operationsOf(sim).find((o) => o.id === operation.id)?.state).toBe("success");

    // users: create, reveal, reset with a chosen password, reset with a generated one, delete
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/cache/user", body: requestExample(api, "create-dbaas-valkey-user", "new-user") })).status).toBe(200);
    expect((await get(sim, "cache")).users.map((u: any) => u.username)).toEqual(["default", "app-user"]);
    const first = (await sim.call({ method: "GET", path: "/dbaas-valkey/cache/user/app-user/password/reveal" })).body as Record<string, any>;
    expect(first.username).toBe("app-user");
    expect(first.password).toMatch(/^AVNS_/);
    await sim.call({ method: "PUT", path: "/dbaas-valkey/cache/user/app-user/password/reset", body: requestExample(api, "reset-dbaas-valkey-user-password", "chosen") });
    expect((await sim.call({ method: "GET", path: "/dbaas-valkey/cache/user/app-user/password/reveal" })).body).toEqual({ password: "n3w-Str0ng-passw0rd", username: "app-user" });
    await sim.call({ method: "PUT", path: "/dbaas-valkey/cache/user/app-user/password/reset", body: requestExample(api, "reset-dbaas-valkey-user-password", "generated") });
    const generated = (await sim.call({ method: "GET", path: "/dbaas-valkey/cache/user/app-user/password/reveal" })).body as Record<string, any>;
    expect(generated.password).not.toBe("n3w-Str0ng-passw0rd");
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/cache/user", body: { username: "app-user" } })).status).toBe(409);
    expect((await sim.call({ method: "DELETE", path: "/dbaas-valkey/cache/user/app-user" })).status).toBe(200);
    expect((await sim.call({ method: "GET", path: "/dbaas-valkey/cache/user/app-user/password/reveal" })).status).toBe(404);
    expect((await sim.call({ method: "DELETE", path: "/dbaas-valkey/cache/user/default" })).status).toBe(400);

    // the primary user's new password reaches the connection info
    await sim.call({ method: "PUT", path: "/dbaas-valkey/cache/user/default/password/reset", body: { password: "another-Str0ng-one" } });
    const withNewPassword = await get(sim, "cache");
    expect(withNewPassword["connection-info"].password).toBe("another-Str0ng-one");
    expect(withNewPassword.uri).toContain(":another-Str0ng-one@");

    // a plan change rebalances, then runs with the new plan's sizes
    expect((await sim.call({ method: "PUT", path: "/dbaas-valkey/cache", body: requestExample(api, "update-dbaas-service-valkey", "plan") })).status).toBe(200);
    const rebalancing = await get(sim, "cache");
    expect(rebalancing).toMatchObject({ state: "rebalancing", plan: "business-4", "node-count": 2 });
    sim.control.advance(DEFAULT_DELAYS.modify);
    expect((await get(sim, "cache")).state).toBe("running");

    expect((await sim.call({ method: "DELETE", path: "/dbaas-valkey/cache" })).status).toBe(200);
    const gone = await sim.call({ method: "GET", path: "/dbaas-valkey/cache" });
    expect(gone).toMatchObject({ status: 404, body: responseExample(api, "get-dbaas-service-valkey", 404, "not-found") });
  });

  it("shows a maintenance in the service: rebuilding, then the pending updates are gone", async () => {
    const sim = fresh();
    const before = await get(sim, "my-valkey");
    expect(before.maintenance.updates).toHaveLength(1);
    expect((await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey/maintenance/start" })).status).toBe(200);
    const during = await get(sim, "my-valkey");
    expect(during.state).toBe("rebuilding");
    expect(during.maintenance.updates[0]["start-at"]).toBe("2025-01-01T00:00:00Z");
    expect((await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey/maintenance/start" })).status).toBe(409);
    sim.control.advance(DEFAULT_DELAYS.maintenance);
    const after = await get(sim, "my-valkey");
    expect(after.state).toBe("running");
    expect(after.maintenance.updates).toEqual([]);
  });

  it("shows a migration as syncing data until it is stopped", async () => {
    const sim = fresh();
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/my-valkey/migration/stop" })).status).toBe(409);
    const migration = requestExample(api, "update-dbaas-service-valkey", "full").migration;
    await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey", body: { migration } });
    sim.control.advance(DEFAULT_DELAYS.migration / 2);
    const migrating = (await get(sim, "my-valkey"))["node-states"][0];
    expect(migrating).toMatchObject({ state: "syncing_data", "progress-updates": [{ phase: "stream", completed: false, current: 50 }] });
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/my-valkey/migration/stop" })).status).toBe(200);
    expect((await get(sim, "my-valkey"))["node-states"][0].state).toBe("running");
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/my-valkey/migration/stop" })).status).toBe(409);
  });

  it("refuses to delete a protected service until protection is turned off", async () => {
    const sim = fresh();
    expect((await sim.call({ method: "DELETE", path: "/dbaas-valkey/my-valkey" })).status).toBe(403);
    await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey", body: { "termination-protection": false } });
    expect((await sim.call({ method: "DELETE", path: "/dbaas-valkey/my-valkey" })).status).toBe(200);
    expect((await sim.call({ method: "GET", path: "/dbaas-valkey/my-valkey" })).status).toBe(404);
  });
});

describe("exoscale-dbaas-valkey: users' access control and the Valkey version", () => {
  it("creates a user with its own rules, lists users without passwords, and replaces a user's rules", async () => {
    const sim = fresh();
    const readOnly = requestExample(api, "create-dbaas-valkey-user", "read-only");
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/my-valkey/user", body: readOnly })).status).toBe(200);
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/my-valkey/user", body: { username: "defaults" } })).status).toBe(200);
    const listed = (await sim.call({ method: "GET", path: "/dbaas-valkey/my-valkey/user" })).body as { users: Record<string, any>[] };
    expect(listed.users.map((u) => u.username)).toEqual(["default", "reporting", "defaults"]);
    expect(listed.users.find((u) => u.username === "reporting")).toEqual({ "access-control": readOnly["access-control"], type: "normal", username: "reporting" });
    expect(listed.users.find((u) => u.username === "defaults")?.["access-control"]).toEqual({ categories: ["+@all"], channels: ["*"], commands: [], keys: ["*"] });
    expect(JSON.stringify(listed)).not.toContain("password");

    const rules = requestExample(api, "update-dbaas-valkey-user-access-control", "read-only");
    const updated = await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey/user/defaults", body: rules });
    expect(updated.body).toMatchObject({ state: "pending", reference: { command: "list-dbaas-valkey-users" } });
    const after = (await sim.call({ method: "GET", path: "/dbaas-valkey/my-valkey/user" })).body as { users: Record<string, any>[] };
    expect(after.users.find((u) => u.username === "defaults")?.["access-control"]).toEqual(rules["access-control"]);
    // The service shows the same rules; the operation succeeds after the operation delay.
    expect((await get(sim, "my-valkey")).users.find((u: any) => u.username === "defaults")["access-control"]).toEqual(rules["access-control"]);
    sim.control.advance(DEFAULT_DELAYS.operation);
    expect(operationsOf(sim).find((o) => o.id === (updated.body as any).id)?.state).toBe("success");
  });

  it("answers 404 for an unknown service or user and 400 for rules that are not lists of strings", async () => {
    const sim = fresh();
    expect((await sim.call({ method: "GET", path: "/dbaas-valkey/nope/user" })).status).toBe(404);
    expect((await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey/user/nobody", body: { "access-control": { keys: ["*"] } } })).status).toBe(404);
    const bad = await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey/user/default", body: { "access-control": { keys: "*" } } });
    expect(bad).toMatchObject({ status: 400, body: { message: expect.stringContaining("access-control.keys must be array") } });
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/my-valkey/user", body: { username: "x", "access-control": [] } })).status).toBe(400);
  });

  it("creates a service of the requested major version, and upgrades it: rebuilding, then running on the new version", async () => {
    const sim = fresh();
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/seven", body: { plan: "startup-4", version: "7.2" } })).status).toBe(200);
    expect((await get(sim, "seven")).version).toBe("7.2.0");
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/eight", body: { plan: "startup-4", version: "8" } })).status).toBe(200);
    expect((await get(sim, "eight")).version).toBe("8.0.2");
    // Not while it is still being built.
    expect((await sim.call({ method: "PUT", path: "/dbaas-valkey/seven", body: { version: "8" } })).status).toBe(409);
    sim.control.advance(DEFAULT_DELAYS.provision);
    expect((await sim.call({ method: "PUT", path: "/dbaas-valkey/seven", body: { version: "8" } })).status).toBe(200);
    expect(await get(sim, "seven")).toMatchObject({ state: "rebuilding", version: "8.0.2" });
    sim.control.advance(DEFAULT_DELAYS.modify);
    expect((await get(sim, "seven")).state).toBe("running");
  });

  it("refuses a downgrade and a version that is not a major version, naming the field", async () => {
    const sim = fresh();
    const downgrade = await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey", body: { version: "7" } });
    expect(downgrade).toMatchObject({ status: 400, body: { message: expect.stringContaining("cannot be downgraded") } });
    const garbled = await sim.call({ method: "POST", path: "/dbaas-valkey/new", body: { plan: "startup-4", version: "latest" } });
    expect(garbled).toMatchObject({ status: 400, body: { message: expect.stringContaining("version must be a Valkey major version") } });
    expect((await get(sim, "my-valkey")).version).toBe("8.0.2");
  });
});

describe("exoscale-dbaas-valkey: errors", () => {
  it("answers 409 with the documented shape for a duplicate name", async () => {
    const sim = fresh();
    const duplicate = await sim.call({ method: "POST", path: "/dbaas-valkey/my-valkey", body: { plan: "startup-4" } });
    expect(duplicate).toMatchObject({ status: 409, body: responseExample(api, "create-dbaas-service-valkey", 409, "conflict") });
  });

  it("answers 400 for a missing or unknown plan instead of crashing", async () => {
    const sim = fresh();
    for (const body of [undefined, {}, { plan: 4 }, { plan: "startup-999" }, { plan: "startup-4", maintenance: { dow: "someday" } }]) {
      expect((await sim.call({ method: "POST", path: "/dbaas-valkey/new", body })).status).toBe(400);
    }
    expect((await sim.call({ method: "POST", path: "/dbaas-valkey/my-valkey/user", body: {} })).status).toBe(400);
    expect((await sim.call({ method: "PUT", path: "/dbaas-valkey/my-valkey/user/default/password/reset", body: { password: "short" } })).status).toBe(400);
  });

  it("takes the zone of the operation's link from the Host header", async () => {
    const sim = fresh();
    const created = await sim.call({ method: "POST", path: "/v2/dbaas-valkey/zoned", headers: { Host: "api-de-fra-1.exoscale.com" }, body: { plan: "hobbyist-2" } });
    expect((created.body as any).reference.link).toBe("https://api-de-fra-1.exoscale.com/v2/dbaas-valkey/zoned");
    expect((await get(sim, "zoned")).zone).toBe("de-fra-1");
  });
});

// Compile-time checks, enforced by `npm run typecheck` (tsc over src and test): each @ts-expect-error
// line must be an error, or tsc fails. The runtime assertions make vitest count the file.
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createExoscaleValkeyBaseClient,
  createExoscaleValkeyClient,
  dbaasMaintenanceDowValues,
  getDbaasServiceValkey,
  type DbaasMaintenanceDow,
  type DbaasServiceValkey,
  type DbaasValkeyUsers,
  type ExoscaleZone,
  type Operation,
} from "../src/index.js";

describe("types", () => {
  it("offers the enum values at runtime with their union type", () => {
    expect(dbaasMaintenanceDowValues).toContain("sunday");
    expectTypeOf(dbaasMaintenanceDowValues[0]).toEqualTypeOf<DbaasMaintenanceDow | undefined>();
  });

  it("rejects wrong fields, enum values and zones at compile time", () => {
    const client = createExoscaleValkeyClient({ apiKey: "k", apiSecret: "s", fetch: async () => new Response("{}") });
    const compileOnly = () => {
      void client.PUT("/dbaas-valkey/{name}", {
        params: { path: { name: "cache" } },
        // @ts-expect-error -- "funday" is not a DbaasMaintenanceDow.
        body: { maintenance: { dow: "funday", time: "02:00:00" } },
      });
      void client.PUT("/dbaas-valkey/{name}", {
        params: { path: { name: "cache" } },
        // @ts-expect-error -- "plan" is a string, not a number.
        body: { plan: 42 },
      });
      // @ts-expect-error -- "stopped" is not an EnumServiceState.
      void client.waitForServiceState("cache", "stopped");
      // @ts-expect-error -- "Running" is misspelled: the states are lower case.
      void client.waitForServiceState("cache", "running", { failureStates: ["Running"] });
      // @ts-expect-error -- not a zone of the spec.
      const zone: ExoscaleZone = "mars-1";
      void zone;
    };
    void compileOnly;
  });

  it("types each method's argument and result from the spec", () => {
    const exo = createExoscaleValkeyClient({ apiKey: "EXOkey", apiSecret: "secret", fetch: async () => new Response("{}") });
    expectTypeOf(exo.getDbaasServiceValkey).returns.resolves.toEqualTypeOf<DbaasServiceValkey>();
    expectTypeOf(exo.createDbaasValkeyUser).returns.resolves.toEqualTypeOf<Operation>();
    expectTypeOf(exo.listDbaasValkeyUsers).returns.resolves.toEqualTypeOf<DbaasValkeyUsers>();
    const base = createExoscaleValkeyBaseClient({ apiKey: "EXOkey", apiSecret: "secret" });
    expectTypeOf(getDbaasServiceValkey(base, { name: "cache" })).resolves.toEqualTypeOf<DbaasServiceValkey>();
    // Never called: only compiled.
    const compileOnly = () => {
      void exo.getDbaasSettingsValkey();
      void exo.createDbaasValkeyUser({ serviceName: "cache", body: { username: "u" } });
      void exo.deleteDbaasValkeyUser({ serviceName: "cache", username: "u" });
      // @ts-expect-error -- "service-name" is camelCased: serviceName.
      void exo.listDbaasValkeyUsers({ "service-name": "cache" });
      // @ts-expect-error -- the path parameter of get is `name`.
      void exo.getDbaasServiceValkey({ serviceName: "cache" });
      // @ts-expect-error -- the body of createDbaasServiceValkey needs a plan.
      void exo.createDbaasServiceValkey({ name: "cache", body: {} });
      // @ts-expect-error -- "planx" is not a field of the update body.
      void exo.updateDbaasServiceValkey({ name: "cache", body: { planx: "x" } });
      // @ts-expect-error -- the Exoscale operationId is not the method name.
      void exo["get-dbaas-service-valkey"];
    };
    void compileOnly;
  });
});

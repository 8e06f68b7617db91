// Compile-time checks, enforced by `npm run typecheck` (tsc over src and test): each @ts-expect-error
// line must be an error, or tsc fails. The runtime assertions make vitest count the file.
import { describe, expect, expectTypeOf, it } from "vitest";
import { createExoscaleValkeyClient, dbaasMaintenanceDowValues, type DbaasMaintenanceDow, type ExoscaleZone } from "../src/index.js";

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
});

// Compile-time checks, enforced by `npm run typecheck` (tsc over src and test): each @ts-expect-error
// line must be an error, or tsc fails. The runtime assertions make vitest count the file.
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createRedisEnterpriseBaseClient,
  createRedisEnterpriseClient,
  knownServiceStates,
  listLocalServices,
  serviceStatusStatusValues,
  type ApiErrorOf,
  type KnownServiceState,
  type LocalServices,
  type RedisEnterpriseErrorBody,
  type ServiceState,
  type ServicesOperationResult,
} from "../src/index.js";

describe("types", () => {
  it("offers the known states at runtime with their union type, and a state type open to others", () => {
    expect(knownServiceStates).toEqual(["RESTARTING", "RUNNING", "STARTING", "STOPPED"]);
    expect(serviceStatusStatusValues).toBe(knownServiceStates);
    expectTypeOf<KnownServiceState>().toEqualTypeOf<"RESTARTING" | "RUNNING" | "STARTING" | "STOPPED">();
    // The list is open: a newer cluster may report another state, and a client must accept it.
    expectTypeOf<ServiceState>().toEqualTypeOf<string>();
  });

  it("rejects a wrong operation_type or field at compile time", () => {
    const client = createRedisEnterpriseClient({ baseUrl: "https://x:9443", username: "u", password: "p", fetch: async () => new Response("{}") });
    const compileOnly = () => {
      void client.waitForLocalServiceState("alert_mgr", "RUNNING", { failureStates: ["STOPPED"], timeoutMs: 60_000 });
      // @ts-expect-error -- "Running" is misspelled: the documented states are upper case.
      void client.waitForLocalServiceState("alert_mgr", "Running");
      // @ts-expect-error -- "reload" is not an operation_type.
      void client.POST("/v1/services", { body: { operation_type: "reload", services: ["alert_mgr"] } });
      // @ts-expect-error -- "service" is not a field; it is "services".
      void client.POST("/v1/services", { body: { operation_type: "stop", service: ["alert_mgr"] } });
    };
    void compileOnly;
  });

  it("types each method's argument and result from the spec", () => {
    const re = createRedisEnterpriseClient({ host: "h", username: "u", password: "p", fetch: async () => new Response("{}") });
    expectTypeOf(re.listLocalServices).returns.resolves.toEqualTypeOf<LocalServices>();
    expectTypeOf(re.updateLocalServices).returns.resolves.toEqualTypeOf<ServicesOperationResult>();
    expectTypeOf<ApiErrorOf<"listLocalServices">["body"]>().toEqualTypeOf<RedisEnterpriseErrorBody>();
    const base = createRedisEnterpriseBaseClient({ host: "h", username: "u", password: "p" });
    expectTypeOf(listLocalServices(base)).resolves.toEqualTypeOf<LocalServices>();
    // Never called: only compiled.
    const compileOnly = () => {
      void re.updatePrimaryNodeServices({ body: { operation_type: "restart", services: ["alert_mgr"] } });
      // @ts-expect-error -- "reboot" is not an operation_type.
      void re.updateLocalServices({ body: { operation_type: "reboot", services: ["alert_mgr"] } });
      // @ts-expect-error -- the body is required.
      void re.updateLocalServices();
    };
    void compileOnly;
  });
});

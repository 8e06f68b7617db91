import {
  ApiError,
  InvalidOptionError,
  WaiterError,
  pollUntil,
  requireNonEmptyString,
  unwrap,
  type WaitOptions,
} from "@managed-redis/client-runtime";
import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/openapi.js";

type DbaasServiceValkey = components["schemas"]["DbaasServiceValkey"];
type EnumServiceState = components["schemas"]["EnumServiceState"];

export interface WaitForServiceStateOptions extends WaitOptions {
  /**
   * States after which the wanted one will not come by itself, so waiting stops with a WaiterError
   * "failed". Default: `["poweroff"]` when waiting for `running` (a powered-off service stays off), none
   * otherwise.
   */
  failureStates?: readonly EnumServiceState[];
}

/**
 * Polls `get-dbaas-service-valkey` until the service's `state` is `state` (e.g. `running` after
 * `create-dbaas-service-valkey`) and resolves with the service. Rejects with a WaiterError: "failed" when
 * it reaches a failure state, "gone" when it no longer exists (404), "timeout" after `timeoutMs`.
 */
export async function waitForServiceState(
  client: Client<paths>,
  name: string,
  state: EnumServiceState = "running",
  options: WaitForServiceStateOptions = {},
): Promise<DbaasServiceValkey> {
  requireNonEmptyString(name, "name");
  requireNonEmptyString(state, "state");
  const failureStates = options.failureStates ?? (state === "running" ? ["poweroff"] : []);
  if (failureStates.includes(state)) {
    throw new InvalidOptionError("failureStates", `it contains the wanted state "${state}"`);
  }

  return pollUntil<DbaasServiceValkey>(
    async (signal) => {
      let service: DbaasServiceValkey;
      try {
        service = await unwrap(client.GET("/dbaas-valkey/{name}", { params: { path: { name } }, signal }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          throw new WaiterError("gone", `Service ${name} no longer exists (404) while waiting for state "${state}"`);
        }
        throw error;
      }
      if (service.state === state) return { done: true, value: service };
      if (service.state !== undefined && failureStates.includes(service.state)) {
        throw new WaiterError("failed", `Service ${name} went into state "${service.state}" while waiting for "${state}"`, service.state);
      }
      return { done: false, ...(service.state ? { state: service.state } : {}) };
    },
    `service ${name} to reach state "${state}"`,
    options,
  );
}

import { ApiError, requireNonEmptyString, unwrap, waitForState, type WaitOptions } from "@managed-redis/client-runtime";
import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/openapi.js";

type DbaasServiceValkey = components["schemas"]["DbaasServiceValkey"];
/** `running`, `rebuilding`, `rebalancing` or `poweroff`: the spec's closed enum (a misspelled one does not compile). */
type EnumServiceState = components["schemas"]["EnumServiceState"];

export interface WaitForServiceStateOptions extends WaitOptions {
  /**
   * States after which the wanted one will not come by itself, so waiting stops with a WaiterError
   * "failed" naming the state. Default: `["poweroff"]` when waiting for `running` (a powered-off service
   * stays off), none otherwise.
   */
  failureStates?: readonly EnumServiceState[];
}

/**
 * Polls `get-dbaas-service-valkey` until the service's `state` is `state` (e.g. `running` after
 * `create-dbaas-service-valkey`) and resolves with the service. Rejects with a WaiterError: "failed" when
 * it reaches a failure state (named in the message and in `lastState`), "gone" when it no longer exists
 * (404), "timeout" after `timeoutMs`.
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
  return waitForState<DbaasServiceValkey>(
    async (signal) => {
      try {
        return await unwrap(client.GET("/dbaas-valkey/{name}", { params: { path: { name } }, signal }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      }
    },
    (service) => service.state,
    state,
    failureStates,
    { what: `Service ${name}` },
    options,
  );
}

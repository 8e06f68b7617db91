import { ApiError, requireNonEmptyString, unwrap, waitForState, type WaitOptions } from "@managed-redis/client-runtime";
import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/openapi.js";
import type { knownValues } from "./generated/operations.js";

type ServiceStatus = components["schemas"]["ServiceStatus"];

/**
 * A service state a waiter can wait for: `RESTARTING`, `RUNNING`, `STARTING` or `STOPPED`, the states
 * the vendor documents (a misspelled one does not compile). A newer cluster may report others; they are
 * seen as states in progress unless listed in `failureStates`.
 */
export type WaitableServiceState = (typeof knownValues)["ServiceStatus.status"][number];

export interface WaitForLocalServiceStateOptions extends WaitOptions {
  /**
   * States after which the wanted one will not come by itself, so waiting stops with a WaiterError
   * "failed" naming the state. Default: none: right after `updateLocalServices` starts a service, the node
   * may still report it `STOPPED` for a moment. Give `["STOPPED"]` when waiting for `RUNNING` after a
   * restart that should never stop it.
   */
  failureStates?: readonly string[];
}

/**
 * Polls `listLocalServices` until the service `service` of the local node has the state `state` (e.g.
 * `RUNNING` after `updateLocalServices` restarted it) and resolves with its status. Rejects with a
 * WaiterError: "failed" when it reaches a failure state, "gone" when the node no longer lists it (or
 * answers 404), "timeout" after `timeoutMs`.
 */
export async function waitForLocalServiceState(
  client: Client<paths>,
  service: string,
  state: WaitableServiceState,
  options: WaitForLocalServiceStateOptions = {},
): Promise<ServiceStatus> {
  requireNonEmptyString(service, "service");
  requireNonEmptyString(state, "state");
  return waitForState<ServiceStatus>(
    async (signal) => {
      try {
        const services = await unwrap(client.GET("/v1/local/services", { signal }));
        return Object.prototype.hasOwnProperty.call(services, service) ? services[service] : undefined;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      }
    },
    (status) => status.status,
    state,
    options.failureStates ?? [],
    { what: `Service ${service} of the local node` },
    options,
  );
}

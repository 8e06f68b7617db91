import { bindOperations, createTransport, guardClient, requireHttpUrl, type TransportOptions } from "@managed-redis/client-runtime";
import createClient, { type Client } from "openapi-fetch";
import { createExoscaleAuthenticator } from "./auth.js";
import { operationFunctions, type ClientMethods } from "./generated/methods.js";
import type { components, paths } from "./generated/openapi.js";
import { operationIds } from "./generated/operations.js";
import type { ExoscaleCredentials } from "./signature.js";
import { waitForServiceState, type WaitForServiceStateOptions } from "./waiters.js";
import { DEFAULT_ZONE, zoneBaseUrl, type ExoscaleZone } from "./zones.js";

export interface ExoscaleValkeyClientOptions extends ExoscaleCredentials, TransportOptions {
  /** The zone whose endpoint to call, `https://api-{zone}.exoscale.com/v2`. Default `ch-gva-2`. */
  zone?: ExoscaleZone | undefined;
  /** The API's root URL, including `/v2` for the real API. Overrides `zone`. */
  baseUrl?: string | undefined;
  /** Headers sent with every request (the client sets `Authorization`). */
  headers?: Record<string, string>;
}

/** openapi-fetch's client (`GET`, `POST`, …) with the package's transport: what the operation functions call through. */
export type ExoscaleValkeyBaseClient = Client<paths>;

/**
 * The client: one method per operation (`getDbaasServiceValkey({ name })`, …), openapi-fetch's
 * `GET`/`POST`/… and the waiter.
 */
export type ExoscaleValkeyClient = ExoscaleValkeyBaseClient & ClientMethods & {
  /** See {@link waitForServiceState}: polls the service until it has `state` (default `running`). */
  waitForServiceState(
    name: string,
    state?: components["schemas"]["EnumServiceState"],
    options?: WaitForServiceStateOptions,
  ): ReturnType<typeof waitForServiceState>;
};

/**
 * Creates a typed client of the Exoscale DBaaS Valkey API that signs every request: one method per
 * operation, and openapi-fetch's `GET`, `POST`, … on the same object.
 *
 *     const exo = createExoscaleValkeyClient({ apiKey, apiSecret, zone: "de-fra-1" });
 *     const service = await exo.getDbaasServiceValkey({ name: "cache" });
 */
export function createExoscaleValkeyClient(options: ExoscaleValkeyClientOptions): ExoscaleValkeyClient {
  const client = createExoscaleValkeyBaseClient(options);
  return Object.assign(client, bindOperations<ClientMethods>(client, operationFunctions), {
    waitForServiceState: (
      name: string,
      state?: components["schemas"]["EnumServiceState"],
      waitOptions?: WaitForServiceStateOptions,
    ) => waitForServiceState(client, name, state, waitOptions),
  });
}

/**
 * The same client without the bound methods, for an app that calls a few operations as functions and
 * should not bundle the others: `await getDbaasServiceValkey(createExoscaleValkeyBaseClient(options), { name })`.
 */
export function createExoscaleValkeyBaseClient(options: ExoscaleValkeyClientOptions): ExoscaleValkeyBaseClient {
  // `baseUrl` always overrides: the zone is only looked at (and checked) without one.
  const baseUrl =
    options.baseUrl === undefined ? zoneBaseUrl(options.zone ?? DEFAULT_ZONE) : requireHttpUrl(options.baseUrl, "baseUrl");
  const authenticator = createExoscaleAuthenticator(options);
  const fetch = createTransport({ ...options, authenticator, baseUrl, operationIds });
  return guardClient(createClient<paths>({ baseUrl, fetch, ...(options.headers ? { headers: options.headers } : {}) }), { timeoutMs: options.timeoutMs, operationIds, maxResponseBytes: options.maxResponseBytes });
}

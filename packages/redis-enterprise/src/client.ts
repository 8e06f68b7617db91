import { InvalidOptionError, bindOperations, createTransport, guardClient, requireHttpUrl, requireNonEmptyString, type TransportOptions } from "@managed-redis/client-runtime";
import createClient, { type Client } from "openapi-fetch";
import { createRedisEnterpriseAuthenticator, type RedisEnterpriseCredentials } from "./auth.js";
import { operationFunctions, type ClientMethods } from "./generated/methods.js";
import type { paths } from "./generated/openapi.js";
import { operationIds } from "./generated/operations.js";
import type { TlsOptions, TlsTransportFactory } from "./tls-options.js";
import { waitForLocalServiceState, type WaitableServiceState, type WaitForLocalServiceStateOptions } from "./waiters.js";

/** The REST API's port on every node. */
export const DEFAULT_PORT = 9443;

export interface RedisEnterpriseClientOptions extends RedisEnterpriseCredentials, TlsOptions, TransportOptions {
  /** The cluster's name or a node's address, e.g. `cluster.example.com`. Required unless `baseUrl` is given. */
  host?: string | undefined;
  /** Default 9443. */
  port?: number | undefined;
  /** `https://{host}:{port}`; overrides `host` and `port`. */
  baseUrl?: string | undefined;
  /** Headers sent with every request (the client sets `Authorization`). */
  headers?: Record<string, string>;
}

/** openapi-fetch's client (`GET`, `POST`, …) with the package's transport: what the operation functions call through. */
export type RedisEnterpriseBaseClient = Client<paths>;

/** The client: one method per operation (`listLocalServices()`, …), openapi-fetch's `GET`/`POST`/… and the waiter. */
export type RedisEnterpriseClient = RedisEnterpriseBaseClient & ClientMethods & {
  /** See {@link waitForLocalServiceState}: polls `listLocalServices` until the service has `state`. */
  waitForLocalServiceState(
    service: string,
    state: WaitableServiceState,
    options?: WaitForLocalServiceStateOptions,
  ): ReturnType<typeof waitForLocalServiceState>;
};

function resolveBaseUrl(options: RedisEnterpriseClientOptions): string {
  if (options.baseUrl !== undefined) return requireHttpUrl(options.baseUrl, "baseUrl");
  const host = requireNonEmptyString(options.host, "host");
  if (/[/:?#@\s]/.test(host) && !/^\[[0-9a-f:.]+\]$/i.test(host)) {
    throw new InvalidOptionError("host", `"${host}" must be a host name or IP address, without scheme or port`);
  }
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new InvalidOptionError("port", "it must be an integer between 1 and 65535");
  }
  return `https://${host}:${port}`;
}

/** The client factory (with one method per operation), given how TLS options are honoured. */
export function redisEnterpriseClientFactory(tlsTransport: TlsTransportFactory) {
  const createBaseClient = redisEnterpriseBaseClientFactory(tlsTransport);
  return function createRedisEnterpriseClient(options: RedisEnterpriseClientOptions): RedisEnterpriseClient {
    const client = createBaseClient(options);
    return Object.assign(client, bindOperations<ClientMethods>(client, operationFunctions), {
      waitForLocalServiceState: (service: string, state: WaitableServiceState, waitOptions?: WaitForLocalServiceStateOptions) =>
        waitForLocalServiceState(client, service, state, waitOptions),
    });
  };
}

/**
 * The base client factory (openapi-fetch's methods only), given how TLS options are honoured: the Node
 * entry (`index.ts`) trusts `ca` through undici, the browser entry (`browser.ts`) refuses it. Everything
 * else is the same in both.
 */
export function redisEnterpriseBaseClientFactory(tlsTransport: TlsTransportFactory) {
  return function createRedisEnterpriseBaseClient(options: RedisEnterpriseClientOptions): RedisEnterpriseBaseClient {
    const baseUrl = resolveBaseUrl(options);
    const authenticator = createRedisEnterpriseAuthenticator(options);
    const tls = tlsTransport(options);
    const fetch = createTransport({
      ...options,
      ...(tls.fetch ? { fetch: tls.fetch } : {}),
      authenticator,
      baseUrl,
      operationIds,
      tlsHint: "give the cluster's certificate (its proxy_cert.pem) or the authority that signed it as the `ca` option, rather than turning verification off",
    });
    return guardClient(createClient<paths>({
      baseUrl,
      fetch,
      ...(options.headers ? { headers: options.headers } : {}),
    }), { timeoutMs: options.timeoutMs, operationIds, maxResponseBytes: options.maxResponseBytes });
  };
}

import { InvalidOptionError, type FetchLike } from "@managed-redis/client-runtime";
import { Agent, fetch as undiciFetch, Request as UndiciRequest } from "undici";

export interface TlsOptions {
  /**
   * The PEM certificate(s) of the authority that signed the cluster's certificate (by default the cluster
   * signs its own: pass the cluster's certificate, `proxy_cert.pem`). Added to Node's trusted roots for
   * this client only.
   */
  ca?: string | Buffer | readonly (string | Buffer)[];
  /**
   * Turns certificate verification OFF: anyone between you and the cluster can read the credentials and
   * the data. Only for a throwaway test cluster; prefer `ca`.
   */
  insecureSkipTlsVerify?: boolean;
}

export interface TlsTransport {
  fetch?: FetchLike;
  fetchInit?: Record<string, unknown>;
  Request?: typeof Request;
}

/**
 * The fetch to use for the given TLS options. A custom CA or skipping verification needs an undici Agent,
 * used with undici's own fetch and Request: Node's global fetch is a different undici build and may not
 * accept that dispatcher.
 */
export function tlsTransport(options: TlsOptions & { fetch?: FetchLike }): TlsTransport {
  const { ca, insecureSkipTlsVerify } = options;
  if (insecureSkipTlsVerify !== undefined && typeof insecureSkipTlsVerify !== "boolean") {
    throw new InvalidOptionError("insecureSkipTlsVerify", "it must be true or false");
  }
  const customTls = ca !== undefined || insecureSkipTlsVerify === true;
  if (!customTls) return options.fetch ? { fetch: options.fetch } : {};
  if (options.fetch) {
    throw new InvalidOptionError("fetch", "a custom fetch cannot be combined with `ca` or `insecureSkipTlsVerify`; configure TLS in your fetch");
  }
  if (ca !== undefined && (Array.isArray(ca) ? ca.length === 0 : String(ca).trim() === "")) {
    throw new InvalidOptionError("ca", "it must be a PEM certificate");
  }
  const dispatcher = new Agent({
    connect: insecureSkipTlsVerify ? { rejectUnauthorized: false } : { ca: ca as string | Buffer | (string | Buffer)[] },
  });
  return {
    fetch: undiciFetch as unknown as FetchLike,
    fetchInit: { dispatcher },
    Request: UndiciRequest as unknown as typeof Request,
  };
}

import { InvalidOptionError, type FetchLike } from "@managed-redis/client-runtime";

/** A PEM certificate, as text or bytes (a Node `Buffer` is a `Uint8Array`). */
export type PemCertificate = string | Uint8Array;

export interface TlsOptions {
  /**
   * Node.js only. The PEM certificate(s) of the authority that signed the cluster's certificate (by
   * default the cluster signs its own: pass the cluster's certificate, `proxy_cert.pem`). Added to
   * Node's trusted roots for this client only. A browser decides trust itself: the browser build
   * refuses this option.
   */
  ca?: PemCertificate | readonly PemCertificate[];
  /**
   * Node.js only. Turns certificate verification OFF: anyone between you and the cluster can read the
   * credentials and the data. Only for a throwaway test cluster; prefer `ca`.
   */
  insecureSkipTlsVerify?: boolean;
}

export interface TlsTransport {
  fetch?: FetchLike;
}

/** Picks the fetch for the TLS options: the Node build's trusts `ca`, the browser build's refuses it. */
export type TlsTransportFactory = (options: TlsOptions & { fetch?: FetchLike }) => TlsTransport;

/**
 * The checks both builds share. Returns whether the options ask for TLS settings of their own
 * (`ca`, or verification off), in which case `options.fetch` is not given.
 */
export function wantsCustomTls(options: TlsOptions & { fetch?: FetchLike }): boolean {
  const { ca, insecureSkipTlsVerify } = options;
  if (insecureSkipTlsVerify !== undefined && typeof insecureSkipTlsVerify !== "boolean") {
    throw new InvalidOptionError("insecureSkipTlsVerify", "it must be true or false");
  }
  const customTls = ca !== undefined || insecureSkipTlsVerify === true;
  if (!customTls) return false;
  if (options.fetch) {
    throw new InvalidOptionError("fetch", "a custom fetch cannot be combined with `ca` or `insecureSkipTlsVerify`; configure TLS in your fetch");
  }
  if (ca !== undefined && insecureSkipTlsVerify === true) {
    throw new InvalidOptionError("insecureSkipTlsVerify", "it turns verification off, so the `ca` given with it would be ignored; pass one of the two");
  }
  const certificates = typeof ca === "string" || ca instanceof Uint8Array ? [ca] : (ca ?? []);
  if (ca !== undefined && (certificates.length === 0 || certificates.some((pem) => (typeof pem === "string" ? pem.trim() === "" : pem.byteLength === 0)))) {
    throw new InvalidOptionError("ca", "it must be a PEM certificate");
  }
  return true;
}

import { InvalidOptionError, type FetchLike } from "@managed-redis/client-runtime";

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
}

/**
 * The fetch to use for the given TLS options. A custom CA or skipping verification needs an undici Agent,
 * used with undici's own fetch: Node's global fetch is a different undici build and may not accept that
 * dispatcher. undici is imported on the first such request only, so a browser bundle of this client
 * (where TLS is the browser's business) does not carry it; package.json maps it away for browsers too.
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
  if (ca !== undefined && insecureSkipTlsVerify === true) {
    throw new InvalidOptionError("insecureSkipTlsVerify", "it turns verification off, so the `ca` given with it would be ignored; pass one of the two");
  }
  if (ca !== undefined && (Array.isArray(ca) ? ca.length === 0 : String(ca).trim() === "")) {
    throw new InvalidOptionError("ca", "it must be a PEM certificate");
  }
  let undici: Promise<{ fetch: typeof import("undici").fetch; dispatcher: import("undici").Agent }> | undefined;
  const loadUndici = () =>
    (undici ??= Promise.all([import("undici"), import("node:tls")]).then(([{ Agent, fetch }, { rootCertificates }]) => ({
      fetch,
      dispatcher: new Agent({
        // `ca` replaces Node's trusted roots: keep them, so that a cluster whose certificate was signed
        // by a public authority still verifies when a private CA is given too.
        connect: insecureSkipTlsVerify
          ? { rejectUnauthorized: false }
          : { ca: [...rootCertificates, ...(Array.isArray(ca) ? ca : [ca as string | Buffer])] },
      }),
    })));

  const fetchWithTls: FetchLike = async (request, init) => {
    const { fetch, dispatcher } = await loadUndici();
    // The request was built with the global Request class, which undici's fetch does not take as is:
    // hand its parts over instead.
    const body = request.body ? await request.arrayBuffer() : undefined;
    const response = await fetch(request.url, {
      method: request.method,
      headers: [...request.headers],
      body,
      signal: init?.signal ?? request.signal,
      // The transport asks for "manual" and follows same-origin redirects itself.
      redirect: init?.redirect ?? request.redirect,
      dispatcher,
    });
    return response as unknown as Response;
  };
  return { fetch: fetchWithTls };
}

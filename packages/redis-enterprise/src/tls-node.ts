import type { FetchLike } from "@managed-redis/client-runtime";
import { wantsCustomTls, type TlsTransportFactory } from "./tls-options.js";

/**
 * The Node build. A custom CA or skipping verification needs an undici Agent, used with undici's own
 * fetch: Node's global fetch is a different undici build and may not accept that dispatcher. undici is
 * imported on the first such request only, so a client without `ca` never loads it.
 */
export const nodeTlsTransport: TlsTransportFactory = (options) => {
  if (!wantsCustomTls(options)) return options.fetch ? { fetch: options.fetch } : {};
  const { ca, insecureSkipTlsVerify } = options;
  const certificates = ca === undefined ? [] : typeof ca === "string" || ca instanceof Uint8Array ? [ca] : [...ca];
  let undici: Promise<{ fetch: typeof import("undici").fetch; dispatcher: import("undici").Agent }> | undefined;
  const loadUndici = () =>
    (undici ??= Promise.all([import("undici"), import("node:tls")]).then(([{ Agent, fetch }, { rootCertificates }]) => ({
      fetch,
      dispatcher: new Agent({
        // `ca` replaces Node's trusted roots: keep them, so that a cluster whose certificate was signed
        // by a public authority still verifies when a private CA is given too.
        connect: insecureSkipTlsVerify
          ? { rejectUnauthorized: false }
          : { ca: [...rootCertificates, ...certificates.map((pem) => (typeof pem === "string" ? pem : Buffer.from(pem)))] },
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
};

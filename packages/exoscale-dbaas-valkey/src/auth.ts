import { requireCredential, type Authenticator } from "@managed-redis/client-runtime";
import type { Middleware } from "openapi-fetch";
import {
  exoscaleSignatureParts,
  formatAuthorization,
  hmacBase64,
  importExoscaleSecret,
  SIGNATURE_LIFETIME_SECONDS,
  type ExoscaleCredentials,
} from "./signature.js";

// Signatures are kept for identical requests (same method, URL and body) while the expiry stays the same.
// The expiry is rounded to the minute, so a signature is reused for up to a minute and is always valid for
// at least 9 more: a polling loop or a busy dashboard then signs once a minute instead of once a request.
const EXPIRY_STEP_SECONDS = 60;
const MAX_CACHED_SIGNATURES = 512;

/**
 * Signs every request with EXO2-HMAC-SHA256. The secret is imported as a non-extractable key once; the
 * body of a request that has one is read once and the request rebuilt with it as a string.
 */
export function createExoscaleAuthenticator(credentials: Partial<ExoscaleCredentials>): Authenticator {
  // The key travels in the Authorization header; the secret only keys the HMAC (UTF-8), but a line break
  // or a control character in it is a copy-paste accident that would only show as "invalid signature".
  const apiKey = requireCredential(credentials.apiKey, "apiKey", true);
  const apiSecret = requireCredential(credentials.apiSecret, "apiSecret", false);
  let key: Promise<CryptoKey> | undefined;
  let cacheExpires = 0;
  const cache = new Map<string, string>();

  async function authorization(method: string, url: string, body: string): Promise<string> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const expires =
      Math.floor((nowSeconds + SIGNATURE_LIFETIME_SECONDS) / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
    if (expires !== cacheExpires || cache.size >= MAX_CACHED_SIGNATURES) {
      cache.clear();
      cacheExpires = expires;
    }
    const cacheKey = `${method} ${url}\n${body}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const { message, signedQueryArgs } = exoscaleSignatureParts({ method, url, body }, expires);
    key ??= importExoscaleSecret(apiSecret);
    const header = formatAuthorization(apiKey, signedQueryArgs, expires, await hmacBase64(await key, message));
    cache.set(cacheKey, header);
    return header;
  }

  return {
    async authenticate(request) {
      if (request.body === null) {
        request.headers.set("Authorization", await authorization(request.method, request.url, ""));
        return request;
      }
      const body = await request.text();
      const headers = new Headers(request.headers);
      headers.set("Authorization", await authorization(request.method, request.url, body));
      return new Request(request.url, { method: request.method, headers, body, signal: request.signal, redirect: request.redirect });
    },
    // A signed header is a credential in its own right, replayable until it expires (10 minutes): it is
    // redacted whole, and its signature alone, wherever a server echoes either.
    secrets: (sent) => {
      const header = sent?.headers.get("Authorization") ?? "";
      return [apiSecret, header, header.slice(header.lastIndexOf("signature=") + "signature=".length)];
    },
  };
}

/** The same signing as an openapi-fetch middleware, for a client made with openapi-fetch's `createClient`. */
export function exoscaleAuthMiddleware(credentials: ExoscaleCredentials): Middleware {
  const authenticator = createExoscaleAuthenticator(credentials);
  return {
    onRequest: ({ request }) => authenticator.authenticate(request),
  };
}

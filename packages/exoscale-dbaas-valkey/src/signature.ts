// The EXO2-HMAC-SHA256 request signature, as the vendor's SDKs compute it (egoscale v2/v3 `signRequest`,
// requests-exoscale-auth). Web Crypto only, so it runs in Node and in browsers without a dependency.

export interface ExoscaleCredentials {
  /** The API key (`EXO…`), sent in clear as the credential. */
  apiKey: string;
  /** The API secret: the HMAC key, never sent. */
  apiSecret: string;
}

/** What is signed of a request. */
export interface SignableRequest {
  method: string;
  /** The full URL as sent, including `/v2` and the query string. */
  url: string;
  /** The body exactly as sent; empty when there is none. */
  body?: string;
}

/** The vendor's SDK signs requests valid for 10 minutes. */
export const SIGNATURE_LIFETIME_SECONDS = 600;

const encoder = new TextEncoder();

/** The parts of the signature that do not involve the secret: the message to sign and the header's pragmas. */
export function exoscaleSignatureParts(request: SignableRequest, expires: number): { message: string; signedQueryArgs: string } {
  const url = new URL(request.url);
  // Only parameters with exactly one value are signed, sorted by name, their (decoded) values concatenated.
  const counts = new Map<string, number>();
  for (const name of url.searchParams.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts].filter(([, count]) => count === 1).map(([name]) => name).sort();
  const values = names.map((name) => url.searchParams.get(name) ?? "").join("");
  const message = `${request.method.toUpperCase()} ${url.pathname}\n${request.body ?? ""}\n${values}\n\n${expires}`;
  return { message, signedQueryArgs: names.join(";") };
}

/** Imports the API secret as an HMAC-SHA256 key: done once per client, not per request. */
export function importExoscaleSecret(apiSecret: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey("raw", encoder.encode(apiSecret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

export async function hmacBase64(key: CryptoKey, message: string): Promise<string> {
  const mac = new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, encoder.encode(message)));
  let binary = "";
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function formatAuthorization(apiKey: string, signedQueryArgs: string, expires: number, signature: string): string {
  return `EXO2-HMAC-SHA256 credential=${apiKey}${signedQueryArgs ? `,signed-query-args=${signedQueryArgs}` : ""},expires=${expires},signature=${signature}`;
}

/**
 * Computes the `Authorization` header of one request. `expires` (UNIX seconds) defaults to 10 minutes
 * from now, as in the vendor's SDK.
 */
export async function signExoscaleRequest(
  request: SignableRequest,
  credentials: ExoscaleCredentials,
  expires: number = Math.floor(Date.now() / 1000) + SIGNATURE_LIFETIME_SECONDS,
): Promise<string> {
  const { message, signedQueryArgs } = exoscaleSignatureParts(request, expires);
  const signature = await hmacBase64(await importExoscaleSecret(credentials.apiSecret), message);
  return formatAuthorization(credentials.apiKey, signedQueryArgs, expires, signature);
}

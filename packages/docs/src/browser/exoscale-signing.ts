// "Try it" for Exoscale: every request carries an EXO2-HMAC-SHA256 signature made with the API key and
// secret the reader enters on the page, by the client package's own signer (the one its users run), so a
// signature that works against the mock works against the real API. The two values live in the page's
// inputs and this module's closure only: nothing writes them to storage, a cookie, the URL or the console.
import { signExoscaleRequest, type ExoscaleCredentials } from "@managed-redis/exoscale-dbaas-valkey";

export interface CredentialFields {
  apiKey: HTMLInputElement;
  apiSecret: HTMLInputElement;
}

function enteredCredentials(fields: CredentialFields): ExoscaleCredentials | undefined {
  const apiKey = fields.apiKey.value.trim();
  const apiSecret = fields.apiSecret.value;
  return apiKey === "" || apiSecret === "" ? undefined : { apiKey, apiSecret };
}

/**
 * The renderer's last hook before a request leaves: sets `Authorization` on the exact Request that is sent
 * (its URL with the base the reader chose, its body as serialised). Without both values entered the request
 * goes as it is, and the API (or the mock) answers 401.
 */
export function signTryItRequests(fields: CredentialFields) {
  return async ({ request }: { request: Request }): Promise<void> => {
    const credentials = enteredCredentials(fields);
    if (!credentials) return;
    const body = request.body === null ? "" : await request.clone().text();
    request.headers.set("Authorization", await signExoscaleRequest({ method: request.method, url: request.url, body }, credentials));
  };
}

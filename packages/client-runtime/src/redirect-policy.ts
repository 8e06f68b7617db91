import type { Redactor } from "./redaction.js";
import { RedirectError } from "./redirect-error.js";
import type { RequestDetails } from "./request-error.js";

/** Same-origin redirects followed for one call (retries included) before it fails with a RedirectError. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) || response.type === "opaqueredirect";
}

/**
 * The request to send for a redirect, following the Fetch standard's rules for the method and body
 * (301/302 turn a POST into a GET, 303 turns anything but HEAD into a GET, 307/308 keep both), or
 * `undefined` when there is no Location (the response is then the answer). The client sends requests with
 * `redirect: "manual"` and follows redirects itself, within the request's origin only, so that the
 * authenticator puts the credentials on the new request (EXO2 signs its path) and they never go to
 * another host. Throws a RedirectError for another origin (a different scheme, host or port), more than
 * MAX_REDIRECTS redirects, an invalid Location, or a browser's opaque redirect (its target is hidden).
 */
export async function redirectedRequest(
  response: Response,
  sent: Request,
  body: Request | undefined,
  redirectsSoFar: number,
  details: RequestDetails,
  redact: Redactor,
): Promise<Request | undefined> {
  const status = response.status;
  const location = response.headers.get("location");
  if (location === null && response.type !== "opaqueredirect") return undefined;
  // The body of a redirect is not needed, whatever happens next.
  response.body?.cancel().catch(() => {});
  const shown = location === null ? undefined : (redact(location) as string);
  const refuse = (why: string) => new RedirectError(details, `was redirected (${status}) ${why}`, { status, location: shown });
  // A browser hides the target of a redirect asked for with "manual".
  if (location === null) throw refuse("to a place the browser hides");
  let target: URL;
  try {
    target = new URL(location, sent.url);
  } catch {
    throw refuse("to an invalid Location");
  }
  const origin = new URL(sent.url).origin;
  if (target.origin !== origin) throw refuse(`to ${redact(target.origin)}: only redirects within ${origin} are followed`);
  if (redirectsSoFar >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} times`);
  const toGet = (status === 303 && sent.method !== "HEAD") || ((status === 301 || status === 302) && sent.method === "POST");
  const headers = new Headers(sent.headers);
  // The one header that describes a body that openapi-fetch sets; fetch computes Content-Length itself.
  if (toGet) headers.delete("content-type");
  return new Request(target, {
    method: toGet ? "GET" : sent.method,
    headers,
    body: toGet || !body ? null : await body.clone().arrayBuffer(),
    signal: sent.signal,
  });
}

import { RequestError } from "./request-error.js";

/**
 * The server redirected the request and the client did not follow: to another origin (where the
 * credentials must not go), more than `MAX_REDIRECTS` times, to an invalid Location, or in a browser,
 * which hides a redirect's target from the page.
 */
export class RedirectError extends RequestError {
  override readonly name: string = "RedirectError";
  /** The redirect's status: 301, 302, 303, 307 or 308 (0 for a browser's opaque redirect). */
  declare readonly status: number;
  /** The Location the server gave, redacted; `undefined` when there is none or the browser hides it. */
  declare readonly location: string | undefined;
}

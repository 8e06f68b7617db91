/**
 * How a vendor package puts credentials on a request. The transport calls `authenticate` before every
 * attempt (so a retry is signed again), and `refresh` once when the server answers 401.
 */
export interface Authenticator {
  /** Adds the credentials to the request's headers, in place when possible, and returns the request to send. */
  authenticate(request: Request): Request | Promise<Request>;
  /**
   * Obtains fresh credentials after a 401 to `rejected` (the request as it was sent). Resolves `true` when the request should be sent once more.
   * Absent when the credentials cannot change (a static token, a password).
   */
  refresh?(rejected: Request): Promise<boolean>;
  /** The secret strings to scrub from errors (tokens, passwords, API secrets). */
  secrets(): readonly string[];
}

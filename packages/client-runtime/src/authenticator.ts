/**
 * How a vendor package puts credentials on a request. The transport calls `authenticate` before every
 * attempt and every redirect it follows (so a retry is signed again, and a redirected request is signed
 * for its new path), and `refresh` once when the server answers 401.
 */
export interface Authenticator {
  /** Adds the credentials to the request's headers, in place when possible, and returns the request to send. */
  authenticate(request: Request): Request | Promise<Request>;
  /**
   * Obtains fresh credentials after a 401 to `rejected` (the request as it was sent). Resolves `true` when the request should be sent once more.
   * Absent when the credentials cannot change (a static token, a password).
   */
  refresh?(rejected: Request): Promise<boolean>;
  /**
   * The secret strings to scrub from errors: the long-lived ones (tokens, passwords, API secrets) and,
   * given the request as it was sent, every credential made for it (its token, its signed Authorization
   * header and the signature alone), since a server may echo any of them.
   */
  secrets(sent?: Request): readonly string[];
}

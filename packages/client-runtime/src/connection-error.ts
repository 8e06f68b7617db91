import { RequestError } from "./request-error.js";

/**
 * No answer came back: the connection was refused, reset or closed before the response headers, the host
 * name did not resolve, or the server broke the HTTP protocol. Idempotent requests are retried on it.
 */
export class ConnectionError extends RequestError {
  override readonly name: string = "ConnectionError";
  /** `host:port` the client tried to reach. */
  declare readonly host: string;
  /** The system's or undici's code when one was given: `ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`, … */
  declare readonly code: string | undefined;
}

/**
 * The TLS handshake failed, most often because the server's certificate is not trusted (a self-signed
 * cluster certificate, a TLS-intercepting proxy) or does not name the host. Never retried: it would fail
 * again. For an untrusted certificate the message says how to trust it without turning verification off.
 */
export class TlsError extends ConnectionError {
  override readonly name: string = "TlsError";
}

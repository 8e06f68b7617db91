import { ConnectionError, TlsError } from "./connection-error.js";
import { createRedactor, redactedCopy, type Redactor } from "./redaction.js";
import { RequestError, type RequestDetails } from "./request-error.js";
import { decodeError } from "./response-errors.js";
import { TimeoutError, timeoutError } from "./timeout-error.js";

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET/;
// Failures that a trusted authority would fix (not an expired certificate or a wrong host name).
const UNTRUSTED_CODE = /SELF_SIGNED|UNABLE_TO|UNTRUSTED/;

export const DEFAULT_TLS_HINT = "trust the authority that signed it with NODE_EXTRA_CA_CERTS or a custom `fetch`";

/**
 * What a rejected `fetch` means for the caller: a TimeoutError (the client's own timer fired), a TlsError,
 * a ConnectionError (fetch rejects with a TypeError when no answer came), or the error itself (the
 * caller's abort, or something that is not about the network).
 */
export function classifyFetchFailure(
  error: unknown,
  details: RequestDetails,
  url: string,
  timeoutMs: number,
  redact: Redactor,
  tlsHint: string = DEFAULT_TLS_HINT,
): unknown {
  if (isTimeout(error) && timeoutMs > 0) return timeoutError(details, timeoutMs);
  if (!(error instanceof TypeError)) return error;
  const cause = redactedCopy(error, redact)!;
  let code: string | undefined;
  let reason = cause.message;
  for (let link: (Error & { code?: unknown }) | undefined = cause; link; link = link.cause as Error | undefined) {
    if (typeof link.code === "string") code ??= link.code;
    if (link.message) reason = link.message;
  }
  const host = new URL(url).host;
  if (code && !reason.includes(code)) reason += ` (${code})`;
  const tls = code !== undefined && TLS_CODE.test(code);
  const hint = tls && UNTRUSTED_CODE.test(code!) ? `; ${tlsHint}` : "";
  const problem = `got no answer from ${host}: ${tls ? "TLS certificate refused: " : ""}${reason}${hint}`;
  return new (tls ? TlsError : ConnectionError)(details, problem, { host, code }, cause);
}

/**
 * What a failure while reading a response's body means: the client's TimeoutError, a ResponseDecodeError
 * "truncated" (the stream ended early: undici's `terminated`), or the error itself (ours, or the caller's
 * abort).
 */
export function classifyBodyFailure(
  error: unknown,
  details: RequestDetails,
  response: Response,
  timeoutMs: number,
  callerAborted: boolean,
  redact: Redactor = createRedactor(),
): unknown {
  if (error instanceof RequestError || callerAborted) return error;
  if (isTimeout(error) && timeoutMs > 0) return timeoutError(details, timeoutMs);
  if (error instanceof TypeError) return decodeError(details, response, "truncated", redactedCopy(error, redact));
  return error;
}

/** The client's timer aborts with a DOMException named TimeoutError. */
export function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === "TimeoutError" && !(error instanceof TimeoutError);
}

import { RequestError, type RequestDetails } from "./request-error.js";

/**
 * An answer whose body could not be read as the API promises: cut off before its end (the connection
 * closed), or not JSON where JSON was due (an HTML page from a proxy on a 200). The server did answer, so
 * the request may have taken effect: it is not retried.
 */
export class ResponseDecodeError extends RequestError {
  override readonly name: string = "ResponseDecodeError";
  declare readonly status: number;
  /** `truncated` (the body ended early) or `invalid-json`. */
  declare readonly reason: "truncated" | "invalid-json";
  /** The response's Content-Type, when it had one. */
  declare readonly contentType: string | undefined;
}

/**
 * An answer whose body is larger than the client's `maxResponseBytes`. The client stops reading at the
 * limit (or before reading, when Content-Length says so), so a huge or endless body cannot exhaust memory.
 */
export class ResponseTooLargeError extends RequestError {
  override readonly name: string = "ResponseTooLargeError";
  declare readonly status: number;
  declare readonly maxResponseBytes: number;
}

export function decodeError(
  details: RequestDetails,
  response: Response,
  reason: ResponseDecodeError["reason"],
  cause?: Error,
): ResponseDecodeError {
  const status = response.status;
  const contentType = response.headers.get("content-type") ?? undefined;
  const problem =
    reason === "truncated"
      ? `got a ${status} answer whose body was cut off`
      : `got a ${status} answer that is not JSON (Content-Type: ${contentType})`;
  return new ResponseDecodeError(details, problem, { status, reason, contentType }, cause);
}

export function tooLargeError(details: RequestDetails, status: number, maxResponseBytes: number): ResponseTooLargeError {
  return new ResponseTooLargeError(details, `got a ${status} answer larger than maxResponseBytes (${maxResponseBytes})`, {
    status,
    maxResponseBytes,
  });
}

import { RequestError, type RequestDetails } from "./request-error.js";

/** A request that got no complete answer (headers and body) within the client's `timeoutMs`. */
export class TimeoutError extends RequestError {
  override readonly name: string = "TimeoutError";
  declare readonly timeoutMs: number;
}

export function timeoutError(details: RequestDetails, timeoutMs: number): TimeoutError {
  return new TimeoutError(details, `timed out after ${timeoutMs} ms`, { timeoutMs });
}

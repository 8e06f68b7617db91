// What the pipeline answers: a status, headers, and the body already serialised.
export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  /** Undefined for an answer without a body. */
  body?: string | Buffer;
}

/** A request as the edge read it. */
export interface MockRequest {
  method: string;
  /** The path as sent (percent-escapes kept), without the query string. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** The body: parsed JSON for a JSON media type, the text otherwise, undefined when there is none. */
  body: unknown;
}

/** The request an error is about: what the caller asked for, never its headers or body. */
export interface RequestDetails {
  method: string;
  /** The URL path that was requested (no query string, no host). */
  path: string;
  /** The spec's operationId, when the request matches an operation of the spec. */
  operation?: string | undefined;
}

/**
 * The base of every error about a request the client sent or tried to send: `ApiError` (an answer with a
 * non-2xx status), `ConnectionError` and its `TlsError`, `TimeoutError`, `RedirectError`,
 * `ResponseDecodeError` and `ResponseTooLargeError`. Each names the method, path and operation, and is
 * built from redacted parts only, so its message, stack, `toJSON()` and `util.inspect()` carry no
 * credential; a `cause` is a redacted copy of the underlying error (`redactedCopy`), never the error itself.
 *
 * `fields` are the subclass's own fields (`status`, `host`, …), set as they are: one constructor for all
 * the subclasses keeps the clients' bundles small.
 */
export class RequestError extends Error {
  override readonly name: string = "RequestError";
  /** The HTTP method of the request: `GET`, `POST`, … */
  readonly method: string;
  /** The URL path that was requested (no query string, no host). */
  readonly path: string;
  /** The spec's operationId of the request (`listClusters`, `get-dbaas-service-valkey`), when it matches one. */
  readonly operationId: string | undefined;

  constructor(details: RequestDetails, problem: string, fields?: object, cause?: Error) {
    const { method, path, operation } = details;
    super(`${operation ? `${operation} (${method} ${path})` : `${method} ${path}`} ${problem}`, cause && { cause });
    this.method = method;
    this.path = path;
    this.operationId = operation;
    Object.assign(this, fields);
  }

  /** @deprecated The same as `operationId`, its name before 0.2. */
  get operation(): string | undefined {
    return this.operationId;
  }

  /** What `JSON.stringify` writes: the name, the message and the error's own fields, all redacted. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), message: this.message };
  }
}

/** The path of a URL, or "" when it is not one (a Response made by hand has the URL ""). */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}

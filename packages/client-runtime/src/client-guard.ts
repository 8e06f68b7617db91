import { classifyBodyFailure, isTimeout } from "./classify-failure.js";
import { InvalidOptionError } from "./invalid-option-error.js";
import { pathOf, type RequestDetails } from "./request-error.js";
import { readText, resolveMaxResponseBytes } from "./response-body.js";
import { decodeError, tooLargeError } from "./response-errors.js";
import { timeoutError } from "./timeout-error.js";

const httpMethods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

interface CallInit {
  params?: { path?: Record<string, unknown> };
  signal?: AbortSignal | null;
  parseAs?: string;
}

interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

type Send = (path: string, init?: CallInit) => Promise<CallResult>;

export interface GuardOptions {
  /** The client's `timeoutMs`, to name it in a TimeoutError raised while a body is read. */
  timeoutMs?: number | false | undefined;
  /** The generated "METHOD /path/template" -> operationId map, to name the operation in errors. */
  operationIds?: Readonly<Record<string, string>>;
  /** The client's `maxResponseBytes`, enforced while a successful body is read. */
  maxResponseBytes?: number | false | undefined;
}

/**
 * Wraps the HTTP methods of an openapi-fetch client, where the path template and its parameters are
 * still known:
 * - a path parameter that is missing or empty rejects with an InvalidOptionError naming it, before any
 *   request: openapi-fetch would send `DELETE /v1/clusters/`, which reaches another resource or
 *   operation than the caller meant;
 * - a successful JSON (or text) body is read here rather than by openapi-fetch (which is asked for the
 *   stream): within `maxResponseBytes`, counted while it streams, and so that a body cut off before its end
 *   or one that is not JSON (an HTML page from a proxy) fails with a ResponseDecodeError naming the
 *   request, not a bare TypeError or SyntaxError;
 * - the transport's timeout also covers reading the body, which happens after the transport has
 *   returned; an abort by that timer surfaces here as the DOMException of `fetch`, and is reported as the
 *   same TimeoutError as one that fires before the headers.
 */
export function guardClient<Client extends object>(client: Client, options: GuardOptions = {}): Client {
  const templates = new Map<string, string[]>();
  const parameterNames = (path: string) => {
    let names = templates.get(path);
    if (!names) {
      names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      templates.set(path, names);
    }
    return names;
  };
  const timeoutMs = options.timeoutMs === false ? 0 : (options.timeoutMs ?? 30_000);
  const maxBytes = resolveMaxResponseBytes(options.maxResponseBytes);

  for (const method of httpMethods) {
    const target = client as unknown as Record<string, Send | undefined>;
    const send = target[method];
    if (typeof send !== "function") continue;
    target[method] = (path, init) => {
      for (const name of parameterNames(path)) {
        const value = init?.params?.path?.[name];
        if (value === undefined || value === null || String(value).trim() === "") {
          return Promise.reject(
            new InvalidOptionError(`params.path.${name}`, `${method} ${path} needs a non-empty \`${name}\``),
          );
        }
      }
      const operation = options.operationIds?.[`${method} ${path}`];
      const details = (url?: string): RequestDetails => ({ method, path: (url && pathOf(url)) || path, operation });
      const callerAborted = () => init?.signal?.aborted === true;
      const parseAs = init?.parseAs ?? "json";
      const ours = parseAs === "json" || parseAs === "text";
      const call = send.call(client, path, ours ? { ...init, parseAs: "stream" } : init);
      return (ours ? call.then((result) => readData(result, parseAs, details, timeoutMs, maxBytes, callerAborted)) : call).catch(
        (error: unknown) => {
          if (isTimeout(error) && timeoutMs > 0 && !callerAborted()) throw timeoutError(details(), timeoutMs);
          throw error;
        },
      );
    };
  }
  return client;
}

/** openapi-fetch's `{ data, response }` with `data` read from the body stream it was asked for. */
async function readData(
  result: CallResult,
  parseAs: string,
  details: (url?: string) => RequestDetails,
  timeoutMs: number,
  maxBytes: number,
  callerAborted: () => boolean,
): Promise<CallResult> {
  const { response } = result;
  if (!response.ok || result.error !== undefined) return result;
  if (result.data == null) return { data: undefined, response };
  let text: string;
  try {
    text = await readText(response, maxBytes, () => tooLargeError(details(response.url), response.status, maxBytes));
  } catch (error) {
    throw classifyBodyFailure(error, details(response.url), response, timeoutMs, callerAborted());
  }
  if (parseAs === "text") return { data: text, response };
  if (text === "") return { data: undefined, response };
  try {
    return { data: JSON.parse(text), response };
  } catch {
    // The SyntaxError is not kept as the cause: its message quotes the body, where a server may echo a credential.
    throw decodeError(details(response.url), response, "invalid-json");
  }
}

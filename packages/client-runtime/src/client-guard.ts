import { InvalidOptionError } from "./invalid-option-error.js";
import { TimeoutError } from "./timeout-error.js";

const httpMethods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

interface CallInit {
  params?: { path?: Record<string, unknown> };
  signal?: AbortSignal | null;
}

type Send = (path: string, init?: CallInit) => Promise<unknown>;

/**
 * Wraps the HTTP methods of an openapi-fetch client, where the path template and its parameters are
 * still known:
 * - a path parameter that is missing or empty rejects with an InvalidOptionError naming it, before any
 *   request: openapi-fetch would send `DELETE /v1/clusters/`, which reaches another resource or
 *   operation than the caller meant;
 * - the transport's timeout also covers reading the body, which openapi-fetch does after the transport
 *   has returned; an abort by that timer surfaces here as the DOMException of `fetch`, and is reported as
 *   the same TimeoutError as one that fires before the headers.
 */
export function guardClient<Client extends object>(client: Client, timeoutMs: number | false | undefined): Client {
  const templates = new Map<string, string[]>();
  const parameterNames = (path: string) => {
    let names = templates.get(path);
    if (!names) {
      names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      templates.set(path, names);
    }
    return names;
  };
  const effectiveTimeout = timeoutMs === false ? 0 : (timeoutMs ?? 30_000);

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
      return send.call(client, path, init).catch((error: unknown) => {
        const timedOut = error instanceof Error && error.name === "TimeoutError" && !(error instanceof TimeoutError);
        if (timedOut && effectiveTimeout > 0 && !init?.signal?.aborted) {
          throw new TimeoutError(method, path, effectiveTimeout);
        }
        throw error;
      });
    };
  }
  return client;
}

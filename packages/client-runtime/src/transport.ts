import { ApiError, readErrorBody } from "./api-error.js";
import type { Authenticator } from "./authenticator.js";
import { failedResponses } from "./failed-responses.js";
import { createOperationResolver } from "./operation-resolver.js";
import { createRedactor } from "./redaction.js";
import {
  IDEMPOTENT_METHODS,
  backoffDelay,
  parseRetryAfter,
  resolveRetryPolicy,
  sleep,
  type RetryOptions,
  type RetryPolicy,
} from "./retry-policy.js";
import { TimeoutError } from "./timeout-error.js";

/** A fetch function: the global `fetch`, undici's, or a test double. Called with a Request and extra init. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** The options every client factory accepts, besides its credentials and base URL. */
export interface TransportOptions {
  /**
   * How long one attempt may take, headers and body, in milliseconds. Default 30 000; `false` or `0` turns
   * the timeout off. Pass `signal` to a single call to cancel it yourself.
   */
  timeoutMs?: number | false;
  /**
   * Retries of idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) on 429, 503 and network errors, with
   * exponential backoff and full jitter, honouring `Retry-After`. `false` turns retries off.
   */
  retry?: RetryOptions | false;
  /**
   * Throw an ApiError for every non-2xx response instead of returning `{ error }`. Default `false`; the
   * `unwrap()` helper gives the same per call, with `data` typed as present.
   */
  throwOnError?: boolean;
  /** A custom fetch (for tests, proxies or instrumentation). It must honour `init.signal`. */
  fetch?: FetchLike;
}

export interface TransportConfig extends TransportOptions {
  authenticator: Authenticator;
  baseUrl: string;
  /** The generated "METHOD /path/template" -> operationId map. */
  operationIds: Readonly<Record<string, string>>;
  /** Extra init for every fetch call, e.g. an undici `dispatcher`. */
  fetchInit?: Record<string, unknown>;
}

/**
 * Builds the fetch function that a client hands to openapi-fetch: authentication, timeout, retries and
 * error handling around the real fetch. Doing this at the fetch level (rather than as openapi-fetch
 * middleware) lets every retry be authenticated again, and keeps the per-request path to one async call
 * with no Request copies unless a body must be replayed.
 */
export function createTransport(config: TransportConfig): (request: Request) => Promise<Response> {
  const { authenticator } = config;
  const baseFetch: FetchLike = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const fetchInit = config.fetchInit;
  const timeoutMs = config.timeoutMs === false ? 0 : (config.timeoutMs ?? 30_000);
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new TypeError("Invalid option `timeoutMs`: it must be a number of milliseconds ≥ 0, or false");
  }
  const policy = resolveRetryPolicy(config.retry);
  const throwOnError = config.throwOnError === true;
  const resolveOperation = createOperationResolver(config.operationIds, config.baseUrl);
  const redact = (value: unknown) => createRedactor(authenticator.secrets())(value);

  function sendOnce(request: Request): Promise<Response> {
    if (timeoutMs === 0) return baseFetch(request, fetchInit);
    // One controller and one plain timer per attempt. `AbortSignal.any([signal, AbortSignal.timeout()])`
    // does the same but costs 12–22 µs a request on Node 20 (bench/RESULTS.md), most of the client's
    // overhead budget. The timer stays armed while the body is read (the timeout covers headers and body)
    // and is unref'd, so it never keeps the process alive.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException("The operation timed out.", "TimeoutError")), timeoutMs);
    timer.unref?.();
    const callerSignal = request.signal;
    if (callerSignal.aborted) controller.abort(callerSignal.reason);
    else callerSignal.addEventListener("abort", () => controller.abort(callerSignal.reason), { once: true });
    const signal = controller.signal;
    return baseFetch(request, fetchInit ? { ...fetchInit, signal } : { signal }).catch((error: unknown) => {
      if (!callerSignal.aborted && isTimeout(error)) {
        throw new TimeoutError(request.method, new URL(request.url).pathname, timeoutMs);
      }
      throw error;
    });
  }

  return async function send(original: Request): Promise<Response> {
    const method = original.method;
    const retryPolicy: RetryPolicy | undefined = policy && IDEMPOTENT_METHODS.has(method) ? policy : undefined;
    // A body can be read once: keep a pristine copy only when the request may have to be sent again.
    const template =
      original.body !== null && (retryPolicy || authenticator.refresh) ? original.clone() : undefined;
    let request = original;
    let attempt = 0;
    let refreshed = false;

    for (;;) {
      let response: Response;
      let sent: Request;
      try {
        sent = await authenticator.authenticate(request);
        response = await sendOnce(sent);
      } catch (error) {
        if (!retryPolicy || attempt >= retryPolicy.retries || original.signal.aborted || !isNetworkError(error)) {
          throw error;
        }
        await sleep(backoffDelay(retryPolicy, attempt), original.signal);
        attempt += 1;
        request = template ? template.clone() : original;
        continue;
      }

      if (response.status === 401 && authenticator.refresh && !refreshed) {
        refreshed = true;
        if (await authenticator.refresh(sent)) {
          await discard(response);
          request = template ? template.clone() : original;
          continue;
        }
      }

      if (retryPolicy && attempt < retryPolicy.retries && retryPolicy.statuses.has(response.status)) {
        const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
        if (retryAfter === undefined || retryAfter <= retryPolicy.maxRetryAfterMs) {
          await discard(response);
          await sleep(retryAfter ?? backoffDelay(retryPolicy, attempt), original.signal);
          attempt += 1;
          request = template ? template.clone() : original;
          continue;
        }
      }

      if (!response.ok) {
        const path = new URL(original.url).pathname;
        if (throwOnError) {
          throw new ApiError({
            status: response.status,
            method,
            path,
            operation: resolveOperation(method, path),
            body: await readErrorBody(response),
            redact,
          });
        }
        failedResponses.set(response, { method, path, resolveOperation, redact });
      }
      return response;
    }
  };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === "TimeoutError";
}

// fetch rejects with a TypeError when the connection fails; a timeout of ours is a TimeoutError. Anything
// else (an abort by the caller, a bug) is not worth repeating.
// A certificate that fails verification will fail again: not retried.
function isNetworkError(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (!(error instanceof TypeError)) return false;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return !(typeof code === "string" && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code));
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is not needed; failing to cancel it changes nothing for the caller.
  }
}

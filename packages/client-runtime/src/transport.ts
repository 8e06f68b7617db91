import { createApiError, readErrorBody } from "./api-error.js";
import type { Authenticator } from "./authenticator.js";
import { classifyBodyFailure, classifyFetchFailure } from "./classify-failure.js";
import { ConnectionError, TlsError } from "./connection-error.js";
import { failedResponses } from "./failed-responses.js";
import { InvalidOptionError } from "./invalid-option-error.js";
import { createOperationResolver } from "./operation-resolver.js";
import { createRedactor, type Redactor } from "./redaction.js";
import { isRedirect, redirectedRequest } from "./redirect-policy.js";
import type { RequestDetails } from "./request-error.js";
import { readText, refuseDeclaredOverLimit, resolveMaxResponseBytes } from "./response-body.js";
import { tooLargeError } from "./response-errors.js";
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
   * Retries of idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) on 429, 503, connection failures and
   * timeouts, with exponential backoff and full jitter, honouring `Retry-After`. `false` turns retries off.
   */
  retry?: RetryOptions | false;
  /**
   * The largest response body the client reads, in bytes, successful or not. Default 8 MiB
   * (8 388 608); a larger body fails with a ResponseTooLargeError, before reading when Content-Length says
   * so, else at the first byte past the limit (for JSON and text bodies and failed answers; with `parseAs`
   * `blob`, `arrayBuffer` or `stream` only a Content-Length is checked). `false` turns the limit off.
   */
  maxResponseBytes?: number | false;
  /**
   * Throw an ApiError for every non-2xx response instead of returning `{ error }`. Default `false`; the
   * `unwrap()` helper gives the same per call, with `data` typed as present.
   */
  throwOnError?: boolean;
  /**
   * A custom fetch (for tests, proxies or instrumentation). It must honour `init.signal` and
   * `init.redirect` (the client asks for `"manual"` and follows redirects itself).
   */
  fetch?: FetchLike;
}

export interface TransportConfig extends TransportOptions {
  authenticator: Authenticator;
  baseUrl: string;
  /** The generated "METHOD /path/template" -> operationId map. */
  operationIds: Readonly<Record<string, string>>;
  /** Extra init for every fetch call, e.g. an undici `dispatcher`. */
  fetchInit?: Record<string, unknown>;
  /** What a TlsError for an untrusted certificate advises (Redis Enterprise: its `ca` option). */
  tlsHint?: string;
}

/**
 * Builds the fetch function that a client hands to openapi-fetch: authentication, timeout, retries,
 * same-origin redirects, the response size limit and error handling around the real fetch. Doing this at
 * the fetch level (rather than as openapi-fetch middleware) lets every retry and redirect be
 * authenticated again, and keeps the per-request path to one async call with no Request copies for a
 * request without a body.
 */
export function createTransport(config: TransportConfig): (request: Request) => Promise<Response> {
  const { authenticator, tlsHint } = config;
  const baseFetch: FetchLike = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // Redirects are followed here, not by fetch: fetch would send X-Auth-Token to another host, replay a
  // POST body there, and re-send an EXO2 signature made for the old path.
  const fetchInit = { ...config.fetchInit, redirect: "manual" } as RequestInit;
  const timeoutMs = config.timeoutMs === false ? 0 : (config.timeoutMs ?? 30_000);
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new InvalidOptionError("timeoutMs", "it must be a number of milliseconds ≥ 0, or false");
  }
  const maxBytes = resolveMaxResponseBytes(config.maxResponseBytes);
  const policy = resolveRetryPolicy(config.retry);
  const throwOnError = config.throwOnError === true;
  const resolveOperation = createOperationResolver(config.operationIds, config.baseUrl);
  // Secrets are looked up only when an error is built: the credentials of the request as it was sent
  // (a Kakao token, an EXO2 signature) plus the authenticator's long-lived ones.
  const redactorFor = (sent: Request): Redactor => (value) => createRedactor(authenticator.secrets(sent))(value);
  const detailsOf = (method: string, url: string): RequestDetails => {
    const path = new URL(url).pathname;
    return { method, path, operation: resolveOperation(method, path) };
  };

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
    return baseFetch(request, { ...fetchInit, signal: controller.signal });
  }

  return async function send(original: Request): Promise<Response> {
    const method = original.method;
    const retryPolicy: RetryPolicy | undefined = policy && IDEMPOTENT_METHODS.has(method) ? policy : undefined;
    // A body can be read once: keep a pristine copy for a retry, a renewal after 401 or a redirect.
    const template = original.body !== null ? original.clone() : undefined;
    const fresh = () => (template ? template.clone() : original);
    const details = () => detailsOf(method, original.url);
    let request = original;
    let attempt = 0;
    let redirects = 0;
    let refreshed = false;

    for (;;) {
      const sent = await authenticator.authenticate(request);
      let response: Response;
      try {
        response = await sendOnce(sent);
      } catch (error) {
        const failure = original.signal.aborted
          ? error
          : classifyFetchFailure(error, details(), sent.url, timeoutMs, redactorFor(sent), tlsHint);
        if (!retryPolicy || attempt >= retryPolicy.retries || original.signal.aborted || !isRetryable(failure)) {
          throw failure;
        }
        await sleep(backoffDelay(retryPolicy, attempt), original.signal);
        attempt += 1;
        request = fresh();
        continue;
      }

      const next = isRedirect(response) && (await redirectedRequest(response, sent, template, redirects++, details(), redactorFor(sent)));
      if (next) {
        request = next;
        continue;
      }

      if (response.status === 401 && authenticator.refresh && !refreshed) {
        refreshed = true;
        if (await authenticator.refresh(sent)) {
          await discard(response);
          request = fresh();
          continue;
        }
      }

      if (retryPolicy && attempt < retryPolicy.retries && retryPolicy.statuses.has(response.status)) {
        const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
        if (retryAfter === undefined || retryAfter <= retryPolicy.maxRetryAfterMs) {
          await discard(response);
          await sleep(retryAfter ?? backoffDelay(retryPolicy, attempt), original.signal);
          attempt += 1;
          request = fresh();
          continue;
        }
      }

      const status = response.status;
      const tooLarge = () => tooLargeError(details(), status, maxBytes);
      refuseDeclaredOverLimit(response, maxBytes, tooLarge);
      if (!response.ok) {
        const failed = details();
        const redact = redactorFor(sent);
        const answer = response;
        // openapi-fetch reads a failed answer with `text()` and hands it to the caller as `error`: read it
        // within the limit, as one of the client's errors when that fails, and with the credentials redacted.
        answer.text = () =>
          readText(answer, maxBytes, tooLarge).then(
            (text) => redactText(text, redact),
            (error: unknown) => {
              throw classifyBodyFailure(error, failed, answer, timeoutMs, original.signal.aborted, redact);
            },
          );
        if (throwOnError) throw createApiError({ ...failed, status, body: await readErrorBody(answer), headers: answer.headers, url: sent.url, redact });
        failedResponses.set(answer, { method, path: failed.path, url: sent.url, resolveOperation, redact });
      }
      return response;
    }
  };
}

/** A failed answer's text with the credentials redacted, through JSON when it is JSON (a server may escape them). */
function redactText(text: string, redact: Redactor): string {
  try {
    const parsed: unknown = JSON.parse(text);
    const redacted = JSON.stringify(redact(parsed));
    // Re-serialised only when something was redacted: JSON.stringify would round numbers above 2^53.
    return redacted === JSON.stringify(parsed) ? text : redacted;
  } catch {
    return redact(text) as string;
  }
}

// Connection failures and our timeouts are worth repeating for an idempotent request; a certificate that
// failed verification will fail again, and anything else (an abort by the caller, a bug) is not.
function isRetryable(error: unknown): boolean {
  return error instanceof TimeoutError || (error instanceof ConnectionError && !(error instanceof TlsError));
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is not needed; failing to cancel it changes nothing for the caller.
  }
}

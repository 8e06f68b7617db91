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
  resolveRetrySettings,
  sleep,
  type RetryOptions,
  type RetryPolicy,
} from "./retry-policy.js";
import { TimeoutError } from "./timeout-error.js";
import {
  redactBody,
  redactUrl,
  requestIdOf,
  resolveLogging,
  type AttemptLogger,
  type AttemptRecord,
  type LoggingOptions,
  type LogLevel,
} from "./logger.js";

/** A fetch function: the global `fetch`, undici's, or a test double. Called with a Request and extra init. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** The options every client factory accepts, besides its credentials and base URL. */
export interface TransportOptions extends LoggingOptions {
  /**
   * How long one attempt may take, headers and body, in milliseconds. Default 30 000; `false` or `0` turns
   * the timeout off. Pass `signal` to a single call to cancel it yourself.
   */
  timeoutMs?: number | false;
  /**
   * Retries of idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) on 408, 429, 500, 502, 503, 504,
   * connection failures and timeouts, with exponential backoff and full jitter, honouring `Retry-After`
   * (seconds or a date) up to `maxRetryAfterMs`. POST and PATCH only with `nonIdempotent: true`. `false`
   * turns retries off. A call's own `retry` option (`{ retry: false }`, `{ retry: { nonIdempotent: true } }`)
   * is merged over this one.
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
  const basePolicy = config.retry === false ? undefined : resolveRetrySettings(config.retry);
  const policy = basePolicy && basePolicy.retries > 0 ? basePolicy : undefined;
  const log = resolveLogging(config);
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
    const retryPolicy = policyFor(original);
    // A body can be read once: keep a pristine copy for a retry, a renewal after 401 or a redirect.
    const template = original.body !== null ? original.clone() : undefined;
    const fresh = () => (template ? template.clone() : original);
    const details = () => detailsOf(method, original.url);
    const signal = original.signal;
    let request = original;
    let attempt = 0;
    let redirects = 0;
    let refreshed = false;
    // A DELETE whose earlier attempt may have reached the server (no answer, or a 500/502/504) and that
    // then finds the resource gone (404) was carried out by that attempt.
    let ambiguous = false;
    const loggedRequestBody = log?.bodies && template ? template.clone().text().catch(() => "") : undefined;

    for (;;) {
      // The caller's abort stops everything at once, between attempts as well as during one.
      if (signal.aborted) throw signal.reason;
      const sent = await authenticator.authenticate(request);
      const started = log ? now() : 0;
      let response: Response;
      try {
        response = await sendOnce(sent);
      } catch (error) {
        if (signal.aborted) throw signal.reason ?? error;
        const failure = classifyFetchFailure(error, details(), sent.url, timeoutMs, redactorFor(sent), tlsHint);
        const retry = retryPolicy && attempt < retryPolicy.retries && isRetryable(failure);
        const delay = retry ? backoffDelay(retryPolicy, attempt) : undefined;
        if (log) {
          const reason = retry ? failureReason(failure) : retryPolicy && isRetryable(failure) ? "retries exhausted" : undefined;
          await logAttempt(log, "warn", { sent, started, attempt, failure, retryInMs: delay, reason, requestBody: loggedRequestBody });
        }
        if (delay === undefined) throw failure;
        ambiguous = true;
        await sleep(delay, signal);
        attempt += 1;
        request = fresh();
        continue;
      }

      const next = isRedirect(response) && (await redirectedRequest(response, sent, template, redirects++, details(), redactorFor(sent)));
      if (next) {
        if (log) await logAttempt(log, "debug", { sent, started, attempt, response, reason: "following a same-origin redirect" });
        request = next;
        continue;
      }

      if (response.status === 401 && authenticator.refresh && !refreshed) {
        refreshed = true;
        if (await authenticator.refresh(sent)) {
          if (log) await logAttempt(log, "info", { sent, started, attempt, response, reason: "credentials renewed, sending again" });
          discard(response);
          request = fresh();
          continue;
        }
      }

      const status = response.status;
      if (status === 404 && method === "DELETE" && ambiguous) {
        if (log) await logAttempt(log, "info", { sent, started, attempt, response, reason: "gone after an earlier attempt that may have deleted it: reported as deleted" });
        discard(response);
        return deletedOnRetry(response);
      }

      const retryAfterMs = status >= 400 ? parseRetryAfter(response.headers.get("retry-after")) : undefined;
      if (retryPolicy && retryPolicy.statuses.has(status)) {
        const tooLong = retryAfterMs !== undefined && retryAfterMs > retryPolicy.maxRetryAfterMs;
        if (attempt < retryPolicy.retries && !tooLong) {
          const delay = retryAfterMs ?? backoffDelay(retryPolicy, attempt);
          if (log) {
            const reason = `status ${status}${retryAfterMs !== undefined ? `, Retry-After ${retryAfterMs} ms` : ""}`;
            await logAttempt(log, "info", { sent, started, attempt, response, retryInMs: delay, reason, requestBody: loggedRequestBody });
          }
          if (status === 500 || status === 502 || status === 504) ambiguous = true;
          discard(response);
          await sleep(delay, signal);
          attempt += 1;
          request = fresh();
          continue;
        }
        if (log) {
          const reason = tooLong ? `Retry-After ${retryAfterMs} ms is over retry.maxRetryAfterMs (${retryPolicy.maxRetryAfterMs} ms): not waiting` : "retries exhausted";
          await logAttempt(log, "warn", { sent, started, attempt, response, reason, requestBody: loggedRequestBody });
        }
      } else if (log) {
        const level = response.ok ? "debug" : status >= 500 || status === 429 ? "warn" : "info";
        await logAttempt(log, level, { sent, started, attempt, response, requestBody: loggedRequestBody });
      }

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
              throw classifyBodyFailure(error, failed, answer, timeoutMs, signal.aborted, redact);
            },
          );
        // The error reads the wait from the answer's own Retry-After, as the retry decision above did.
        if (throwOnError) throw createApiError({ ...failed, status, body: await readErrorBody(answer), headers: answer.headers, url: sent.url, redact });
        failedResponses.set(answer, { method, path: failed.path, url: sent.url, resolveOperation, redact });
      }
      return response;
    }
  };

  /** The retry policy of one call: the client's, with the call's own `retry` option over it. */
  function policyFor(request: Request): RetryPolicy | undefined {
    const callOption = (request as Request & { retry?: RetryOptions | false }).retry;
    const callPolicy = callOption === undefined ? policy : resolveRetryPolicy(callOption, basePolicy, "retry");
    if (!callPolicy) return undefined;
    return callPolicy.nonIdempotent || IDEMPOTENT_METHODS.has(request.method) ? callPolicy : undefined;
  }

  interface AttemptFacts {
    sent: Request;
    started: number;
    attempt: number;
    response?: Response;
    failure?: unknown;
    retryInMs?: number | undefined;
    reason?: string | undefined;
    requestBody?: Promise<string> | undefined;
  }

  /** Writes one attempt's line; reads bodies only when `logBodies` asked for them. */
  async function logAttempt(logger: AttemptLogger, level: Exclude<LogLevel, "off">, facts: AttemptFacts): Promise<void> {
    if (!logger.enabled(level)) return;
    const redact = redactorFor(facts.sent);
    const { response, failure } = facts;
    const record: AttemptRecord = {
      method: facts.sent.method,
      url: redactUrl(facts.sent.url, redact),
      durationMs: now() - facts.started,
      attempt: facts.attempt + 1,
    };
    if (response) record.status = response.status;
    if (failure !== undefined) record.failure = failure instanceof Error ? (redact(`${failure.name}: ${failure.message}`) as string) : "failed";
    const requestId = response && requestIdOf(response.headers);
    if (requestId !== undefined) record.requestId = redact(requestId) as string;
    if (facts.retryInMs !== undefined) record.retryInMs = facts.retryInMs;
    if (facts.reason !== undefined) record.reason = facts.reason;
    if (logger.bodies) {
      const requestText = await facts.requestBody?.catch(() => undefined);
      if (requestText) record.requestBody = redactBody(requestText, redact);
      if (response?.body) {
        const responseText = await readText(response.clone(), maxBytes, () => new RangeError("body over maxResponseBytes")).catch(() => undefined);
        if (responseText) record.responseBody = redactBody(responseText, redact);
      }
    }
    logger.log(level, record);
  }
}

/**
 * What a retried DELETE reports when the resource is gone: the earlier attempt deleted it. A 204 with no
 * body (the operation's `data` is then `undefined`), marked so that a caller can tell.
 */
function deletedOnRetry(notFound: Response): Response {
  const headers = new Headers(notFound.headers);
  headers.delete("content-length");
  headers.delete("content-type");
  headers.set(DELETED_ON_RETRY_HEADER, "deleted-on-retry");
  return new Response(null, { status: 204, statusText: "No Content", headers });
}

/** The header a retried DELETE's synthesized 204 carries: `x-managed-redis-outcome: deleted-on-retry`. */
export const DELETED_ON_RETRY_HEADER = "x-managed-redis-outcome";

function failureReason(failure: unknown): string {
  if (failure instanceof TimeoutError) return "timed out";
  if (failure instanceof ConnectionError) return `no answer${failure.code ? ` (${failure.code})` : ""}`;
  return "failed";
}

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

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

// Not awaited: cancelling a body can wait on the other end (an intercepted response in MSW never settles it),
// and nothing here needs it done.
function discard(response: Response): void {
  try {
    response.body?.cancel().catch(() => undefined);
  } catch {
    // The body is not needed; failing to cancel it changes nothing for the caller.
  }
}

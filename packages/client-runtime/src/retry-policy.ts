// When and how long to wait before sending a request again.
import { InvalidOptionError } from "./invalid-option-error.js";

export interface RetryOptions {
  /** How many times a request may be sent again after the first attempt. Default 2. */
  retries?: number;
  /** The first backoff, in milliseconds; each further one doubles it. Default 500. */
  baseDelayMs?: number;
  /** The longest backoff, in milliseconds. Default 8 000. */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` the client waits for, in milliseconds. A longer one is not waited for: the
   * answer is returned at once, and its ApiError carries the wait asked for as `retryAfterMs`. Default 60 000.
   */
  maxRetryAfterMs?: number;
  /** The statuses that are retried. Default 408, 429, 500, 502, 503 and 504. */
  statuses?: readonly number[];
  /**
   * Retry POST and PATCH too. Default `false`: a POST that reached the server before the connection broke
   * may have created the cluster, and sending it again could create a second one. Turn it on per call
   * (`{ retry: { nonIdempotent: true } }`) for a request you know is safe to repeat.
   */
  nonIdempotent?: boolean;
}

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  statuses: ReadonlySet<number>;
  nonIdempotent: boolean;
}

declare global {
  // Per-call options of the @managed-redis clients, passed through openapi-fetch's call options (which
  // accept any RequestInit field) to the transport: `kakao.POST("/v1/clusters", { body, retry: false })`.
  interface RequestInit {
    /**
     * @managed-redis clients: this call's retries, merged over the client's `retry` option; `false` sends
     * it once. `{ nonIdempotent: true }` lets a POST or PATCH be retried.
     */
    retry?: RetryOptions | false;
  }
}

export const DEFAULT_RETRY_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

/**
 * Only methods that HTTP defines as idempotent are sent again unless the caller opts in: repeating a POST
 * or PATCH that reached the server could create or change something twice.
 */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

/** `false` turns retries off; `undefined` gives the defaults. Throws an InvalidOptionError naming a bad field. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined, base?: RetryPolicy, prefix = "retry"): RetryPolicy | undefined {
  if (options === false) return undefined;
  const policy = resolveRetrySettings(options, base, prefix);
  return policy.retries > 0 ? policy : undefined;
}

/** The settings `options` give over `base` (or the defaults), even with no retries: a call may add some. */
export function resolveRetrySettings(options: RetryOptions | undefined, base?: RetryPolicy, prefix = "retry"): RetryPolicy {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new InvalidOptionError(prefix, "it must be an object of retry settings, or false");
  }
  const policy: RetryPolicy = {
    retries: options?.retries ?? base?.retries ?? 2,
    baseDelayMs: options?.baseDelayMs ?? base?.baseDelayMs ?? 500,
    maxDelayMs: options?.maxDelayMs ?? base?.maxDelayMs ?? 8_000,
    maxRetryAfterMs: options?.maxRetryAfterMs ?? base?.maxRetryAfterMs ?? 60_000,
    statuses: options?.statuses ? new Set(options.statuses) : (base?.statuses ?? new Set(DEFAULT_RETRY_STATUSES)),
    nonIdempotent: options?.nonIdempotent ?? base?.nonIdempotent ?? false,
  };
  for (const key of ["retries", "baseDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) {
    if (typeof policy[key] !== "number" || !Number.isFinite(policy[key]) || policy[key] < 0) {
      throw new InvalidOptionError(`${prefix}.${key}`, "it must be a number ≥ 0");
    }
  }
  if (!Number.isInteger(policy.retries)) throw new InvalidOptionError(`${prefix}.retries`, "it must be a whole number");
  if (options?.statuses !== undefined && (!Array.isArray(options.statuses) || !options.statuses.every((s) => Number.isInteger(s) && s >= 100 && s <= 599))) {
    throw new InvalidOptionError(`${prefix}.statuses`, "it must be an array of HTTP statuses");
  }
  if (typeof policy.nonIdempotent !== "boolean") throw new InvalidOptionError(`${prefix}.nonIdempotent`, "it must be true or false");
  return policy;
}

/** Exponential backoff with full jitter: a random delay in [0, min(max, base × 2^attempt)]. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
}

/**
 * The delay a `Retry-After` header asks for, in milliseconds (seconds or an HTTP date), or `undefined`
 * when there is none or it cannot be read.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names a weekday and a month; Date.parse would also take "2" or "1.5" as years.
  if (!/^[A-Za-z]{3},/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms` milliseconds, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

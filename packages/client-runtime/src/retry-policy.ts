// When and how long to wait before sending a request again.

export interface RetryOptions {
  /** How many times a request may be sent again after the first attempt. Default 2. */
  retries?: number;
  /** The first backoff, in milliseconds; each further one doubles it. Default 250. */
  baseDelayMs?: number;
  /** The longest backoff, in milliseconds. Default 10 000. */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` the client waits for, in milliseconds; a longer one is not waited for and
   * the response is returned as it is. Default 60 000.
   */
  maxRetryAfterMs?: number;
  /** The statuses that are retried. Default 429 and 503. */
  statuses?: readonly number[];
}

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  statuses: ReadonlySet<number>;
}

/**
 * Only methods that HTTP defines as idempotent are sent again: repeating a POST or PATCH that reached the
 * server could create or change something twice.
 */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

/** `false` turns retries off; `undefined` gives the defaults. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy | undefined {
  if (options === false) return undefined;
  const policy: RetryPolicy = {
    retries: options?.retries ?? 2,
    baseDelayMs: options?.baseDelayMs ?? 250,
    maxDelayMs: options?.maxDelayMs ?? 10_000,
    maxRetryAfterMs: options?.maxRetryAfterMs ?? 60_000,
    statuses: new Set(options?.statuses ?? [429, 503]),
  };
  for (const key of ["retries", "baseDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) {
    if (!Number.isFinite(policy[key]) || policy[key] < 0) {
      throw new TypeError(`Invalid option \`retry.${key}\`: it must be a number ≥ 0`);
    }
  }
  return policy.retries > 0 ? policy : undefined;
}

/** Exponential backoff with full jitter: a random delay in [0, min(max, base × 2^attempt)]. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
}

/**
 * The delay a `Retry-After` header asks for, in milliseconds (seconds or an HTTP date), or `undefined`
 * when there is none or it cannot be read.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
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

// "Up" means "answers HTTP", not "the port is bound": both the CLI and `npm start` print a service's
// URL only after a real request got a response.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

export interface WaitOptions {
  /** Give up after this long. Default 15 s. */
  timeoutMs?: number;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Stop waiting (rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Resolves once `url` returns any HTTP response (any status); rejects after `timeoutMs`. */
export async function waitUntilAnswering(url: string, options: WaitOptions = {}): Promise<void> {
  const { timeoutMs = 15_000, signal } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    signal?.throwIfAborted();
    try {
      await probe(url, options, Math.max(1, Math.min(2_000, deadline - Date.now())));
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`${url} did not answer within ${timeoutMs} ms (${reason})`);
    }
    await sleep(50, undefined, signal ? { signal } : undefined);
  }
}

/**
 * Waits for a mock. A CORS preflight is answered by the mock's edge before routing (as Prism does), so the
 * probe neither shows up as a failed request in the mock's log nor depends on any path of the spec.
 */
export function waitForMock(url: string, options: Omit<WaitOptions, "method" | "headers"> = {}): Promise<void> {
  return waitUntilAnswering(url, {
    ...options,
    method: "OPTIONS",
    headers: { origin: "http://localhost", "access-control-request-method": "GET" },
  });
}

function probe(url: string, options: WaitOptions, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path ?? "/", url);
    // agent: false: one connection per probe, closed after it, so no idle keep-alive socket delays
    // the server's close().
    const request = http.request(
      target,
      { method: options.method ?? "GET", headers: options.headers, agent: false, timeout: timeoutMs },
      (response) => {
        response.resume();
        response.on("end", () => resolve());
        response.on("error", () => resolve());
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end();
  });
}

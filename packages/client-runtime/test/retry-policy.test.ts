import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, resolveRetryPolicy } from "../src/index.js";

describe("retry policy", () => {
  it("defaults to 2 retries on 408, 429, 500, 502, 503 and 504, idempotent methods only", () => {
    const policy = resolveRetryPolicy(undefined);
    expect(policy?.retries).toBe(2);
    expect([...(policy?.statuses ?? [])]).toEqual([408, 429, 500, 502, 503, 504]);
    expect(policy?.nonIdempotent).toBe(false);
  });

  it("merges a call's options over the client's", () => {
    const client = resolveRetryPolicy({ retries: 5, maxRetryAfterMs: 1000 })!;
    const call = resolveRetryPolicy({ nonIdempotent: true }, client)!;
    expect(call).toMatchObject({ retries: 5, maxRetryAfterMs: 1000, nonIdempotent: true });
  });

  it("names the field of a bad setting", () => {
    expect(() => resolveRetryPolicy({ statuses: [99] })).toThrow("`retry.statuses`");
    expect(() => resolveRetryPolicy({ retries: 1.5 })).toThrow("`retry.retries`");
    expect(() => resolveRetryPolicy({ nonIdempotent: "yes" as unknown as boolean })).toThrow("`retry.nonIdempotent`");
  });

  it("is off with false or zero retries", () => {
    expect(resolveRetryPolicy(false)).toBeUndefined();
    expect(resolveRetryPolicy({ retries: 0 })).toBeUndefined();
  });

  it("rejects a negative setting, naming the option", () => {
    expect(() => resolveRetryPolicy({ retries: -1 })).toThrow("`retry.retries`");
  });

  it("backs off exponentially with full jitter, capped", () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 300 })!;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      for (let sample = 0; sample < 50; sample += 1) {
        const delay = backoffDelay(policy, attempt);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(300, 100 * 2 ** attempt));
      }
    }
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("1.5", now)).toBeUndefined();
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, resolveRetryPolicy } from "../src/index.js";

describe("retry policy", () => {
  it("defaults to 2 retries on 429 and 503", () => {
    const policy = resolveRetryPolicy(undefined);
    expect(policy?.retries).toBe(2);
    expect([...(policy?.statuses ?? [])]).toEqual([429, 503]);
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
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

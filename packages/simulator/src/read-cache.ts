// Reads answered again from the text the same read answered a moment ago. A read (GET) handler is a pure
// function of the store, the request and the time (api-module.ts), so the same read at the same instant,
// with no change to the store in between, answers the same text: building the view, serialising it and
// checking it against the spec again would only repeat work. A busy mock answers many reads within one
// millisecond; a test on a manual clock, every read until it changes something or moves time.
import { sealText } from "./sealed-answer.ts";
import type { SimResponse } from "./types.ts";

interface CachedRead {
  status: number;
  headers: Record<string, string>;
  text: string;
}

// Only the reads of one instant are kept, so the cache is as large as the distinct reads of one
// millisecond; the cap bounds a burst of distinct reads within one instant of a manual clock.
const MAX_READS = 256;

export interface ReadCache {
  /** The answer the same read gave at the same instant since the last change, sealed anew; else undefined. */
  get(key: string, at: number): SimResponse | undefined;
  /** Keeps a read's answer, given as the simulator sealed it, for the instant `at`. */
  set(key: string, at: number, answer: { status: number; headers: Record<string, string> }, text: string): void;
  /** The store changed (a call that is not a read ran, or a reset): no kept answer holds any more. */
  invalidate(): void;
}

export function createReadCache(): ReadCache {
  let instant = Number.NaN;
  const reads = new Map<string, CachedRead>();
  return {
    get(key, at) {
      if (at !== instant) return undefined;
      const read = reads.get(key);
      // Fresh headers and a body parsed on demand per answer: a caller may change what it was given.
      return read && sealText(read.status, { ...read.headers }, read.text);
    },
    set(key, at, answer, text) {
      if (at !== instant || reads.size >= MAX_READS) {
        reads.clear();
        instant = at;
      }
      reads.set(key, { status: answer.status, headers: { ...answer.headers }, text });
    },
    invalidate() {
      reads.clear();
      instant = Number.NaN;
    },
  };
}

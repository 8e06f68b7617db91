// Answers as they leave the simulator: serialised once, which is also the copy that keeps them apart from
// the store, with that text kept for the mounts that send text.
import type { SimResponse } from "./types.ts";

// A hidden (non-enumerable) key rather than a WeakMap: an answer lives for one request, and a WeakMap entry
// per request is measurable garbage-collector work on a busy mock.
const textOf = Symbol("answer text");

interface SealedAnswer extends SimResponse {
  [textOf]?: () => string | undefined;
}

/**
 * The JSON text of an answer, as the simulator serialised it when the answer left it, while its `body` has
 * not been read (once read, it may have been changed): a mount that sends text (the stateful mock, the
 * fetch glue) sends this instead of serialising `body` again.
 */
export function answerText(answer: SimResponse): string | undefined {
  return (answer as SealedAnswer)[textOf]?.();
}

/**
 * An answer as it leaves the simulator. Handlers and views answer with data that may share objects with the
 * store; serialising it here, once, is the copy that keeps every caller's answer apart from the store. The
 * body is parsed back from that text only when a caller reads it.
 */
export function seal(answer: SimResponse): SimResponse {
  if (answer.body === undefined) return answer;
  return sealText(answer.status, answer.headers, JSON.stringify(answer.body));
}

/** An answer sealed from its JSON text (one serialised before, e.g. a read answered again). */
export function sealText(status: number, headers: Record<string, string>, text: string): SimResponse {
  let body: unknown;
  let parsed = false;
  const sealed: SimResponse = {
    status,
    headers,
    get body() {
      if (!parsed) {
        body = JSON.parse(text) as unknown;
        parsed = true;
      }
      return body;
    },
  };
  Object.defineProperty(sealed, textOf, { value: () => (parsed ? undefined : text) });
  return sealed;
}

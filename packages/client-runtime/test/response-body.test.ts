import { describe, expect, it } from "vitest";
import { readText, refuseDeclaredOverLimit } from "../src/response-body.js";

class TooLarge extends Error {}
const tooLarge = () => new TooLarge("too large");

function streamed(...chunks: string[]): { response: Response; cancelled: () => boolean } {
  const encoder = new TextEncoder();
  let cancelled = false;
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(encoder.encode(chunks[next++]!));
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(body), cancelled: () => cancelled };
}

describe("response bodies within maxResponseBytes", () => {
  it("refuses a Content-Length over the limit before reading, and takes one within it", () => {
    expect(() => refuseDeclaredOverLimit(new Response("01234567890", { headers: { "content-length": "11" } }), 10, tooLarge)).toThrow(TooLarge);
    expect(() => refuseDeclaredOverLimit(new Response("0123456789", { headers: { "content-length": "10" } }), 10, tooLarge)).not.toThrow();
  });

  it("reads a body of exactly the limit, across chunks", async () => {
    expect(await readText(streamed("01234", "56789").response, 10, tooLarge)).toBe("0123456789");
  });

  it("fails at the first chunk past the limit and cancels the rest of the download", async () => {
    const { response, cancelled } = streamed("01234", "56789", "X", "never read");
    await expect(readText(response, 10, tooLarge)).rejects.toBeInstanceOf(TooLarge);
    expect(cancelled()).toBe(true);
  });

  it("decodes UTF-8 split across chunks and drops a byte-order mark, as response.text() does", async () => {
    const bytes = new TextEncoder().encode("\uFEFF{\"name\":\"ключ\"}");
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 12));
        controller.enqueue(bytes.slice(12));
        controller.close();
      },
    });
    expect(await readText(new Response(body), 100, tooLarge)).toBe('{"name":"ключ"}');
  });

  it("reads an empty body as an empty string", async () => {
    expect(await readText(new Response(null), 10, tooLarge)).toBe("");
  });
});

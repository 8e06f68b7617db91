import { InvalidOptionError } from "./invalid-option-error.js";

/** 8 MiB: far above any answer of these control-plane APIs (a list of clusters, a settings schema). */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** `maxResponseBytes` as a number (Infinity when `false`); throws an InvalidOptionError when invalid. */
export function resolveMaxResponseBytes(value: number | false | undefined): number {
  const bytes = value === false ? Infinity : (value ?? DEFAULT_MAX_RESPONSE_BYTES);
  if (!(bytes > 0)) throw new InvalidOptionError("maxResponseBytes", "it must be a number of bytes > 0, or false");
  return bytes;
}

/** Throws `tooLarge()`, and cancels the download, when the response's Content-Length is over `maxBytes`. */
export function refuseDeclaredOverLimit(response: Response, maxBytes: number, tooLarge: () => Error): void {
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
}

const decoder = new TextDecoder();

/**
 * Reads a body to its end as text (UTF-8, as `response.text()` decodes it), counting while it streams: at
 * the first byte past `maxBytes` the download is cancelled and `tooLarge()` thrown, so a huge, endless or
 * inflating (gzip) body never sits in memory. Reading the chunks directly is also cheaper than
 * `response.text()` on Node 20, whereas wrapping the body in a counting TransformStream and a new Response
 * costs ~100 µs a request.
 */
export async function readText(response: Response, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      reader!.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  let bytes = chunks[0] ?? new Uint8Array(0);
  if (chunks.length > 1) {
    bytes = new Uint8Array(size);
    size = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, size);
      size += chunk.byteLength;
    }
  }
  return decoder.decode(bytes);
}

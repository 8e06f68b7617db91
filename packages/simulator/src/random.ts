// A small seeded PRNG (mulberry32) for every generated value, so that the same seed and the same
// requests give the same responses: ids, passwords, host names, the choice of an injected fault.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
  /** A version-4 UUID. */
  uuid(): string;
  /** `length` characters from `alphabet`. */
  chars(length: number, alphabet: string): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const chars = (length: number, alphabet: string): string => {
    let out = "";
    for (let i = 0; i < length; i += 1) out += alphabet[int(alphabet.length)];
    return out;
  };
  const hex = (length: number): string => chars(length, "0123456789abcdef");
  const uuid = (): string =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[int(4)]}${hex(3)}-${hex(12)}`;
  return { next, int, hex, uuid, chars };
}

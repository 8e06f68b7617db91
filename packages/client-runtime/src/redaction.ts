// Secrets (tokens, passwords, API secrets, signatures, Authorization headers) must never reach an error
// message, a log line or a snapshot. Errors are built from these helpers so that there is one place to get
// it right.

export const REDACTED = "[REDACTED]";

// Keys whose values are secrets wherever they occur in a body, whatever their case or separators.
const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|credential|cookie/i;

/** A function that removes secrets from any value: known secret strings, and values of secret-looking keys. */
export type Redactor = (value: unknown) => unknown;

/**
 * Creates a redactor that replaces every occurrence of the given secret strings (as they are, and
 * percent-encoded, as a server echoing them in a URL would write them) in strings and keys at any depth,
 * and the value of any key that looks like it holds a secret.
 */
export function createRedactor(secrets: readonly string[] = []): Redactor {
  // Short strings are not treated as secrets: replacing "a" everywhere would destroy the message.
  const known = new Set<string>();
  for (const secret of secrets) {
    if (secret.length >= 4) known.add(secret).add(encodeURIComponent(secret));
  }
  // Longest first, so that a secret containing another (a header and its signature) goes as a whole.
  const ordered = [...known].sort((a, b) => b.length - a.length);
  const redactString = (text: string): string => {
    let result = text;
    for (const secret of ordered) result = result.split(secret).join(REDACTED);
    return result;
  };
  const redact = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return redactString(value);
    if (value === null || typeof value !== "object" || depth > 20) return value;
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[redactString(key)] = SECRET_KEY.test(key) && item !== null && item !== undefined ? REDACTED : redact(item, depth + 1);
    }
    return copy;
  };
  return (value) => redact(value, 0);
}

/**
 * A copy of an error and its causes that keeps what helps (name, message, code, stack), redacted, and
 * drops everything else: undici attaches the raw bytes of a malformed response to its parser error
 * (`data`), where a hostile server can have put the request's Authorization header.
 */
export function redactedCopy(error: unknown, redact: Redactor, depth = 0): Error | undefined {
  if (!(error instanceof Error) || depth > 5) return undefined;
  const cause = redactedCopy(error.cause, redact, depth + 1);
  const copy = new Error(redact(error.message) as string, cause && { cause }) as Error & { code?: unknown };
  copy.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") copy.code = code;
  copy.stack = redact(error.stack ?? "") as string;
  return copy;
}

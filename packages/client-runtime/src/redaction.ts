// Secrets (tokens, passwords, API secrets, Authorization headers) must never reach an error message, a
// log line or a snapshot. Errors are built from these helpers so that there is one place to get it right.

export const REDACTED = "[REDACTED]";

// Keys whose values are secrets wherever they occur in a body, whatever their case or separators.
const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|credential|cookie/i;

/** A function that removes secrets from any value: known secret strings, and values of secret-looking keys. */
export type Redactor = (value: unknown) => unknown;

/**
 * Creates a redactor that replaces every occurrence of the given secret strings (in strings at any depth)
 * and the value of any key that looks like it holds a secret.
 */
export function createRedactor(secrets: readonly string[] = []): Redactor {
  // Short strings are not treated as secrets: replacing "a" everywhere would destroy the message.
  const known = secrets.filter((secret) => secret.length >= 4);
  const redactString = (text: string): string => {
    let result = text;
    for (const secret of known) result = result.split(secret).join(REDACTED);
    return result;
  };
  const redact = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return redactString(value);
    if (value === null || typeof value !== "object" || depth > 20) return value;
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = SECRET_KEY.test(key) && item !== null && item !== undefined ? REDACTED : redact(item, depth + 1);
    }
    return copy;
  };
  return (value) => redact(value, 0);
}

/**
 * Bad input that the types cannot catch (an empty id, an unknown zone, missing or malformed credentials).
 * Thrown before any request is sent, and names the option so that the caller knows what to fix; it never
 * contains a credential's value.
 */
export class InvalidOptionError extends TypeError {
  override readonly name = "InvalidOptionError";
  /** The option or argument at fault, e.g. `apiSecret` or `clusterId`. */
  readonly option: string;

  constructor(option: string, problem: string) {
    super(`Invalid option \`${option}\`: ${problem}`);
    this.option = option;
  }
}

/** Returns `value` when it is a non-empty string (after trimming); throws an InvalidOptionError otherwise. */
export function requireNonEmptyString(value: unknown, option: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new InvalidOptionError(option, value === undefined ? "it is required" : "it must be a non-empty string");
  }
  return value;
}

/**
 * Returns `value` when it is a usable credential; throws an InvalidOptionError that says what is wrong
 * with it, without its value. `sentAsHeader`: the value travels as is in a header (a token, an API key),
 * so it must also be Latin-1 (what a header can carry) without surrounding spaces (which HTTP drops).
 */
export function requireCredential(value: unknown, option: string, sentAsHeader: boolean): string {
  const problem = credentialProblem(requireNonEmptyString(value, option), sentAsHeader);
  if (problem) throw new InvalidOptionError(option, `it ${problem}`);
  return value as string;
}

/** What makes `value` unusable as a credential ("contains a line break", …), or `undefined`. */
export function credentialProblem(value: string, sentAsHeader: boolean): string | undefined {
  // A fetch would refuse these with a TypeError whose message quotes the whole header value.
  if (/[\0-\x1f\x7f]/.test(value)) return "contains a line break or another control character";
  if (sentAsHeader && /[^\0-\xff]/.test(value)) return "contains a character that a header cannot carry (beyond Latin-1)";
  if (sentAsHeader && value.trim() !== value) return "starts or ends with a space";
  return undefined;
}

/** Returns `value` without trailing slashes when it is an absolute http(s) URL; throws an InvalidOptionError otherwise. */
export function requireHttpUrl(value: unknown, option: string): string {
  const text = requireNonEmptyString(value, option);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidOptionError(option, `"${text}" is not an absolute URL`);
  }
  // fetch refuses such a URL with an error that quotes it, password included.
  if (url.username || url.password) {
    throw new InvalidOptionError(option, "it must not contain a user name or password");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidOptionError(option, `"${text}" must use http: or https:`);
  }
  return text.replace(/\/+$/, "");
}

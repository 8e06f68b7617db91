/**
 * Bad input that the types cannot catch (an empty id, an unknown zone, missing credentials). Thrown before
 * any request is sent, and names the option so that the caller knows what to fix.
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

/** Returns `value` without trailing slashes when it is an absolute http(s) URL; throws an InvalidOptionError otherwise. */
export function requireHttpUrl(value: unknown, option: string): string {
  const text = requireNonEmptyString(value, option);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidOptionError(option, `"${text}" is not an absolute URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidOptionError(option, `"${text}" must use http: or https:`);
  }
  return text.replace(/\/+$/, "");
}

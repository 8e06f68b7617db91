// Media types as Prism compares them: parameters and case ignored, a structured-syntax suffix counts as
// its base (`application/vnd.api+json` is JSON), `*` matches anything.

interface MediaType {
  type: string;
  subtype: string;
}

export function parseMediaType(value: string | undefined): MediaType | undefined {
  if (!value) return undefined;
  const essence = value.split(";", 1)[0]!.trim().toLowerCase();
  const match = /^([^/\s]+)\/(?:[^/\s]+\+)?([^/+\s]+)$/.exec(essence);
  return match ? { type: match[1]!, subtype: match[2]! } : undefined;
}

/** Whether `actual` (a request's or answer's) is one of the kinds `declared` (the spec's, maybe `*`) names. */
export function mediaTypeMatches(actual: string | undefined, declared: string): boolean {
  const a = parseMediaType(actual);
  const b = parseMediaType(declared);
  if (!a || !b) return false;
  return (a.type === b.type || b.type === "*") && (a.subtype === b.subtype || b.subtype === "*");
}

/** JSON or a `+json` type: what a server parses as JSON. */
export function isJsonMediaType(value: string | undefined): boolean {
  const parsed = parseMediaType(value);
  return parsed !== undefined && parsed.type === "application" && parsed.subtype === "json";
}

// What a request asks of a static mock, as Prism reads it: the `Prefer` header (`code=404`,
// `example=NAME`, `dynamic=true`, `seed=S`), or, without one, the `__code`, `__example`, `__dynamic`
// and `__seed` query parameters. A value that cannot be read is refused with Prism's 422.
import { problem, UNPROCESSABLE_ENTITY } from "../problems.js";

export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
  seed?: string;
}

/** RFC 7240 preferences: `name[=value][; param]` separated by commas; quoted values may hold either. */
function parsePreferHeader(header: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const preference of header.match(/(?:[^,"]|"[^"]*")+/g) ?? []) {
    const first = preference.match(/(?:[^;"]|"[^"]*")+/)?.[0] ?? "";
    const equals = first.indexOf("=");
    const name = (equals < 0 ? first : first.slice(0, equals)).trim().toLowerCase();
    let value = equals < 0 ? "" : first.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !(name in result)) result[name] = value;
  }
  return result;
}

function refuse(name: string, value: string, expected: string): never {
  throw problem(UNPROCESSABLE_ENTITY, `optional property "${name}"\n└─ cannot decode ${JSON.stringify(value)}, should be ${expected}`);
}

export function readPreferences(prefer: string | string[] | undefined, query: URLSearchParams): Preferences {
  const given: Record<string, string | undefined> =
    prefer !== undefined
      ? parsePreferHeader(Array.isArray(prefer) ? prefer.join(",") : prefer)
      : { code: query.get("__code") ?? undefined, example: query.get("__example") ?? undefined, dynamic: query.get("__dynamic") ?? undefined, seed: query.get("__seed") ?? undefined };
  const preferences: Preferences = {};
  if (given.code !== undefined) {
    if (!/^\d{3}$/.test(given.code)) refuse("code", given.code, "a number");
    preferences.code = Number(given.code);
  }
  if (given.dynamic !== undefined) {
    if (given.dynamic !== "true" && given.dynamic !== "false") refuse("dynamic", given.dynamic, "a boolean");
    preferences.dynamic = given.dynamic === "true";
  }
  if (given.example !== undefined) preferences.example = given.example;
  if (given.seed !== undefined) preferences.seed = given.seed;
  return preferences;
}

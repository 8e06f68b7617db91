// A SimRequest's query and headers in one form, whatever the mount gave (a path with a query string,
// URLSearchParams, a record of header values in any case).
import type { SimRequest } from "./types.ts";

type HeaderValue = string | readonly string[] | undefined;

function firstValue(value: HeaderValue): string | undefined {
  return typeof value === "string" ? value : value?.[0];
}

export function normaliseQuery(given: SimRequest["query"], queryString: string): URLSearchParams {
  const query = new URLSearchParams(queryString);
  if (given instanceof URLSearchParams) {
    for (const [key, value] of given) if (!query.has(key)) query.append(key, value);
  } else if (given) {
    for (const [key, value] of Object.entries(given)) {
      const first = firstValue(value);
      if (first !== undefined && !query.has(key)) query.append(key, first);
    }
  }
  return query;
}

export function normaliseHeaders(headers: SimRequest["headers"]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = firstValue(value);
  return out;
}

// The `Accept` header, as Prism negotiates it (through `accepts`): the documented media type with the
// highest quality among the ranges that match it, the most specific range deciding; ties go to the
// document's order.
import type { ContentFacts } from "@managed-redis/spec-facts";

interface Range {
  type: string;
  subtype: string;
  q: number;
  index: number;
}

function parseAccept(accept: string): Range[] {
  return accept.split(",").flatMap((part, index) => {
    const [essence = "", ...parameters] = part.split(";");
    const match = /^\s*([^/\s]+)\/([^/\s]+)\s*$/.exec(essence);
    if (!match) return [];
    const qParameter = parameters.map((parameter) => parameter.trim().split("=")).find(([name]) => name?.toLowerCase() === "q");
    const q = qParameter ? Number(qParameter[1]) : 1;
    return Number.isFinite(q) ? [{ type: match[1]!.toLowerCase(), subtype: match[2]!.toLowerCase(), q, index }] : [];
  });
}

function specificity(range: Range, type: string, subtype: string): number {
  if (range.type === type && range.subtype === subtype) return 3;
  if (range.type === type && range.subtype === "*") return 2;
  if (range.type === "*" && range.subtype === "*") return 1;
  return 0;
}

export function bestMediaType(contents: readonly ContentFacts[], accept: string): ContentFacts | undefined {
  const ranges = parseAccept(accept);
  let best: { content: ContentFacts; q: number } | undefined;
  for (const content of contents) {
    const [type = "", subtype = ""] = content.mediaType.split(";", 1)[0]!.trim().toLowerCase().split("/");
    let match: Range | undefined;
    let matchSpecificity = 0;
    for (const range of ranges) {
      const found = type === "*" ? 1 : specificity(range, type, subtype);
      if (found > matchSpecificity) {
        match = range;
        matchSpecificity = found;
      }
    }
    if (match && match.q > 0 && (!best || match.q > best.q)) best = { content, q: match.q };
  }
  return best?.content;
}

// The notes on how a spec was transcribed from the vendor's documents: every `x-decision` (a string or a
// list of them) in a bundled spec, with where it sits, in document order and grouped by kind of node. Kept
// out of `description` so the reference text says what a field is; this is the one place that reads them,
// for any renderer (today the notes page, notes-page.ts).
import { escapePointer, httpMethods } from "@managed-redis/tooling/bundled-specs";

export type NoteSection = "API" | "Operations" | "Parameters" | "Schemas" | "Responses" | "Examples";

export interface TranscriptionNote {
  section: NoteSection;
  /** Where the note applies, readable: `GET /v1/clusters`, `Cluster.status`, `Example getCluster.cluster`. */
  location: string;
  /** JSON pointer of the node that carries the note. */
  pointer: string;
  notes: string[];
}

export const noteSections: readonly NoteSection[] = ["API", "Operations", "Parameters", "Schemas", "Responses", "Examples"];

const methods = new Set<string>(httpMethods);

function asNotes(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((note): note is string => typeof note === "string" && note.trim() !== "").map((note) => note.trim());
}

// `properties/state` → `.state`, `items` → `[]`, `anyOf/0` → ` (option 1)`.
function schemaPath(segments: string[]): string {
  let out = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if ((segment === "properties" || segment === "patternProperties") && i + 1 < segments.length) out += `.${segments[++i]}`;
    else if (segment === "items") out += "[]";
    else if ((segment === "anyOf" || segment === "oneOf" || segment === "allOf") && i + 1 < segments.length) out += ` (option ${Number(segments[++i]) + 1})`;
    else if (segment === "additionalProperties") out += ".*";
    else out += `.${segment}`;
  }
  return out;
}

function locate(segments: string[], node: Record<string, unknown>): { section: NoteSection; location: string } {
  const [root, second, third, ...rest] = segments;
  if (root === "info" || segments.length === 0) return { section: "API", location: "The API as a whole" };
  if (root === "paths" && second !== undefined) {
    const isOperation = third !== undefined && methods.has(third);
    const head = isOperation ? `${third.toUpperCase()} ${second}` : second;
    const tail = isOperation ? rest : third === undefined ? [] : [third, ...rest];
    if (tail[0] === "parameters" && tail.length === 2) {
      return { section: "Parameters", location: `${head} › ${String(node.in ?? "")} parameter \`${String(node.name ?? tail[1])}\`` };
    }
    const examples = tail.indexOf("examples");
    if (examples >= 0 && tail[examples + 1] !== undefined) {
      const status = tail[0] === "responses" ? `${tail[1]} response` : "request";
      return { section: "Examples", location: `${head} › ${status} example ${tail[examples + 1]}` };
    }
    const schema = tail.indexOf("schema");
    if (schema >= 0) return { section: "Schemas", location: `${head} › ${tail.slice(0, schema).filter((s) => s !== "content").join(" ")} schema${schemaPath(tail.slice(schema + 1))}` };
    return { section: "Operations", location: head };
  }
  if (root === "components" && second !== undefined && third !== undefined) {
    switch (second) {
      case "schemas":
        return { section: "Schemas", location: `${third}${schemaPath(rest)}` };
      case "parameters":
        return { section: "Parameters", location: `Parameter ${third}${typeof node.name === "string" ? ` (${String(node.in)} \`${node.name}\`)` : schemaPath(rest)}` };
      case "responses":
        return { section: "Responses", location: `Response ${third}` };
      case "examples":
        return { section: "Examples", location: `Example ${third}` };
      default:
        return { section: "API", location: `${second} ${third}` };
    }
  }
  return { section: "API", location: segments.join(" › ") };
}

/** Every transcription note of a bundled spec (OpenAPI 3.1), in document order. */
export function transcriptionNotes(doc: Record<string, any>): TranscriptionNote[] {
  const found: TranscriptionNote[] = [];
  const walk = (node: unknown, segments: string[]): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...segments, String(index)]));
      return;
    }
    const record = node as Record<string, unknown>;
    const notes = asNotes(record["x-decision"]);
    if (notes.length > 0) {
      found.push({ ...locate(segments, record), pointer: `#/${segments.map(escapePointer).join("/")}`, notes });
    }
    for (const [key, value] of Object.entries(record)) {
      // Example values and defaults are data: an `x-decision` key inside one is not a note.
      if (key === "value" || key === "example" || key === "default" || key === "x-decision") continue;
      walk(value, [...segments, key]);
    }
  };
  walk(doc, []);
  return found;
}

/** The notes by section, in the order of `noteSections`; empty sections are left out. */
export function notesBySection(notes: readonly TranscriptionNote[]): { section: NoteSection; notes: TranscriptionNote[] }[] {
  return noteSections
    .map((section) => ({ section, notes: notes.filter((note) => note.section === section) }))
    .filter((group) => group.notes.length > 0);
}

// Changes to the documentation of a spec only (descriptions, summaries, transcription notes): the gate's
// report keeps each of them, a changelog says in one line per kind what was rewritten, so that the changes
// a user must act on are not lost among a hundred reworded sentences.
import type { SpecChange } from "./report.ts";
import { httpMethods } from "../bundled-specs.ts";
import { pointerSegments } from "./usages.ts";

/** The keys whose text documents a node without changing what the API accepts or returns. */
const documentationKinds = {
  description: { noun: "descriptions", changed: "rewritten" },
  summary: { noun: "summaries", changed: "rewritten" },
  "x-decision": {
    noun: 'transcription notes (`x-decision`, listed under "Notes on this transcription" on the docs site, not in the clients\' TSDoc)',
    changed: "revised",
  },
} as const;
type DocumentationKind = keyof typeof documentationKinds;

const isDocumentationKind = (key: string | undefined): key is DocumentationKind => key !== undefined && Object.hasOwn(documentationKinds, key);

/** The documentation key a change is about, or undefined when it changes more than documentation. */
export function documentationKindOf(change: SpecChange): DocumentationKind | undefined {
  if (change.rule !== null || change.impact !== "non-breaking") return undefined;
  if (change.kind === "modified") return isDocumentationKind(change.property) ? change.property : undefined;
  // A key whose value is not a plain value (an extension holding a list, say) is a node of its own.
  const key = pointerSegments(change.pointer).at(-1);
  return change.node === "SpecExtension" && key === "x-decision" ? key : undefined;
}

const nodeNames: Record<string, [singular: string, plural: string]> = {
  Info: ["the API's info", "the API's info"],
  PathItem: ["path", "paths"],
  Operation: ["operation", "operations"],
  Parameter: ["parameter", "parameters"],
  RequestBody: ["request body", "request bodies"],
  Response: ["response", "responses"],
  MediaType: ["media type", "media types"],
  Header: ["header", "headers"],
  Schema: ["schema", "schemas"],
  Example: ["example", "examples"],
  Tag: ["tag", "tags"],
  SecurityScheme: ["security scheme", "security schemes"],
  Server: ["server", "servers"],
  ServerVariable: ["server variable", "server variables"],
};

const componentSections: Record<string, string> = {
  schemas: "Schema",
  parameters: "Parameter",
  responses: "Response",
  requestBodies: "RequestBody",
  examples: "Example",
  headers: "Header",
  securitySchemes: "SecurityScheme",
  pathItems: "PathItem",
};
const methods = new Set<string>(httpMethods);

/** The kind of node that `pointer` names (what a `SpecExtension` change's owner is). */
export function nodeKindAt(pointer: string): string {
  const segments = pointerSegments(pointer);
  let kind = "document";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (kind === "Schema") continue; // properties, items, anyOf ... of a schema are schemas
    if (i === 0 && segment === "info") kind = "Info";
    else if (i === 0 && segment === "paths" && segments[i + 1] !== undefined) kind = "PathItem", i++;
    else if (i === 0 && segment === "components" && segments[i + 2] !== undefined && componentSections[segments[i + 1]!]) kind = componentSections[segments[i + 1]!]!, i += 2;
    else if (kind === "PathItem" && methods.has(segment)) kind = "Operation";
    else if (segment === "parameters" && segments[i + 1] !== undefined) kind = "Parameter", i++;
    else if (segment === "requestBody") kind = "RequestBody";
    else if (segment === "responses" && segments[i + 1] !== undefined) kind = "Response", i++;
    else if (segment === "content" && segments[i + 1] !== undefined) kind = "MediaType", i++;
    else if (segment === "headers" && segments[i + 1] !== undefined) kind = "Header", i++;
    else if (segment === "examples" && segments[i + 1] !== undefined && kind !== "Schema") kind = "Example", i++;
    else if (segment === "schema") kind = "Schema";
  }
  return kind;
}

function nodeKindOf(change: SpecChange): string {
  return change.node === "SpecExtension" ? nodeKindAt(change.pointer.replace(/\/[^/]*$/, "")) : change.node;
}

function counted(kind: string, count: number): string {
  const [singular, plural] = nodeNames[kind] ?? [`${kind} node`, `${kind} nodes`];
  if (kind === "Info") return singular;
  return `${count} ${count === 1 ? singular : plural}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** What happened to the documentation key: set where there was none, taken away, or rewritten. */
function verbOf(change: SpecChange): "added" | "removed" | "changed" {
  if (change.kind !== "modified") return change.kind;
  return change.propertyChange ?? "changed";
}

/**
 * One line per kind of documentation (descriptions, summaries, transcription notes), each saying on how
 * many nodes of each kind it was added, rewritten or removed.
 */
export function documentationLines(changes: readonly SpecChange[]): string[] {
  const lines: string[] = [];
  for (const [key, words] of Object.entries(documentationKinds) as [DocumentationKind, (typeof documentationKinds)[DocumentationKind]][]) {
    const ofKind = changes.filter((change) => documentationKindOf(change) === key);
    if (ofKind.length === 0) continue;
    const clauses: string[] = [];
    for (const verb of ["changed", "added", "removed"] as const) {
      const byNode = new Map<string, number>();
      for (const change of ofKind.filter((candidate) => verbOf(candidate) === verb)) {
        const kind = nodeKindOf(change);
        byNode.set(kind, (byNode.get(kind) ?? 0) + 1);
      }
      if (byNode.size === 0) continue;
      const nodes = [...byNode].sort(([a, x], [b, y]) => (a === "Info" ? 1 : b === "Info" ? -1 : y - x || a.localeCompare(b))).map(([kind, count]) => counted(kind, count));
      const phrase = verb === "changed" ? `${words.changed} on` : verb === "added" ? "added to" : "removed from";
      clauses.push(`${phrase} ${list(nodes)}`);
    }
    lines.push(`- Documentation: ${words.noun} ${clauses.length > 0 ? "were " : ""}${clauses.join("; ")}.`);
  }
  return lines;
}

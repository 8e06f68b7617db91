// Which operations reach each node of a bundled spec, and whether as part of a request (parameters, body)
// or a response. Redocly's diff rules know this but its JSON report does not say it; the client rules and
// the "operation" column of the table need it.
import { escapePointer as escapePointerSegment, httpMethods, pointerSegments, resolvePointer } from "../bundled-specs.ts";

// The rules, corrections and parameter comparisons walk bundles with the one loader's pointers and `$ref`s.
export { deref, escapePointer as escapePointerSegment, pointerSegments, resolvePointer } from "../bundled-specs.ts";

export type Direction = "request" | "response";

export interface Usage {
  /** `GET /v1/clusters` */
  operation: string;
  direction: Direction;
}

type Json = unknown;

// Example values are data, not structure: a `$ref` or `enum` key inside one means nothing here (unless
// the key names a schema property that happens to be called `example`).
const dataKeys = new Set(["example", "examples"]);

/** Every object or array node of the spec that an operation reaches, keyed by its JSON pointer. */
export class UsageIndex {
  private readonly byPointer = new Map<string, Map<string, Usage>>();

  constructor(private readonly doc: Json) {
    const paths = (doc as { paths?: Record<string, Record<string, Json>> }).paths ?? {};
    for (const [pathName, item] of Object.entries(paths)) {
      const itemPointer = `#/paths/${escapePointerSegment(pathName)}`;
      for (const method of httpMethods) {
        const operation = item[method] as Record<string, Json> | undefined;
        if (!operation) continue;
        const operationName = `${method.toUpperCase()} ${pathName}`;
        const opPointer = `${itemPointer}/${method}`;
        const request: Usage = { operation: operationName, direction: "request" };
        const response: Usage = { operation: operationName, direction: "response" };
        const seenRequest = new Set<string>();
        const seenResponse = new Set<string>();
        this.walk(item.parameters, `${itemPointer}/parameters`, request, seenRequest);
        this.walk(operation.parameters, `${opPointer}/parameters`, request, seenRequest);
        this.walk(operation.requestBody, `${opPointer}/requestBody`, request, seenRequest);
        this.walk(operation.responses, `${opPointer}/responses`, response, seenResponse);
      }
    }
  }

  private walk(node: Json, pointer: string, usage: Usage, seen: Set<string>, parentKey = ""): void {
    if (node === null || typeof node !== "object" || seen.has(pointer)) return;
    seen.add(pointer);
    let usages = this.byPointer.get(pointer);
    if (!usages) this.byPointer.set(pointer, (usages = new Map()));
    usages.set(`${usage.direction} ${usage.operation}`, usage);

    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#/")) {
      this.walk(resolvePointer(this.doc, ref), ref, usage, seen);
    }
    const namesProperties = parentKey === "properties" || parentKey === "patternProperties";
    for (const [key, child] of Object.entries(node)) {
      if (dataKeys.has(key) && !Array.isArray(node) && !namesProperties) continue;
      this.walk(child, `${pointer}/${escapePointerSegment(key)}`, usage, seen, key);
    }
  }

  /** The usages of the node at `pointer`, or of its nearest ancestor that an operation reaches. */
  usagesOf(pointer: string): Usage[] {
    const segments = pointerSegments(pointer);
    for (let length = segments.length; length >= 0; length--) {
      const candidate = `#/${segments.slice(0, length).map(escapePointerSegment).join("/")}`;
      const usages = this.byPointer.get(candidate);
      if (usages) return [...usages.values()];
    }
    return [];
  }
}

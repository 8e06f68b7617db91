// Parameters compared as a caller passes them: by (`in`, `name`), whatever their order and whether the path
// item or the operation declares them. Redocly's diff pairs the items of a parameter list by equal content,
// then by textual likeness, so a rewritten description or a parameter added beside others makes it report
// parameters removed, renamed and added that are neither. Before Redocly sees the two bundles, each
// operation present in both gets, in place of its parameters, references to one copy per parameter that
// both sides have, named after the operation, `in` and `name`: identical references pair exactly, and
// Redocly compares each pair in depth (schema, `required`, style, descriptions). The parameters only one
// side has are judged here, as are parameters moved between path item and operation. Pointers that Redocly
// reports into the copies are mapped back to the real parameters of each bundle.
import { createHash } from "node:crypto";
import type { RedoclyChange, RedoclyVerdict } from "./redocly-report.ts";
import { httpMethods } from "../bundled-specs.ts";
import { deref, escapePointerSegment, pointerSegments } from "./usages.ts";

type Json = any;


/** A change this module judged itself; it names its operations, which usages cannot tell apart. */
export interface ParameterChange extends RedoclyChange {
  source: "spec-diff";
  operations: string[];
}

interface DeclaredParameter {
  /** The list item as written: an inline parameter or a `$ref`. */
  item: Json;
  /** The parameter it resolves to. */
  parameter: { name: string; in: string; required?: boolean };
  /** Where the list item sits in its bundle. */
  pointer: string;
}

export interface AlignedParameters {
  base: Json;
  revision: Json;
  /** The changes Redocly no longer sees: parameters added, removed or moved. */
  changes: ParameterChange[];
  /** A pointer of Redocly's report into one of the aligned documents, as a pointer into that bundle. */
  realPointer(side: "base" | "revision", pointer: string): string;
}

/** HTTP header names are case-insensitive; every other location is not. */
const keyOf = (parameter: { in: string; name: string }) => `${parameter.in} ${parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name}`;

/** The parameters a caller of the operation passes: the path item's, overridden by the operation's. */
function effectiveParameters(doc: Json, label: string, template: string, method: string): Map<string, DeclaredParameter> {
  const itemPointer = `#/paths/${escapePointerSegment(template)}`;
  const pathItem = doc.paths[template];
  const declared = new Map<string, DeclaredParameter>();
  const lists: [Json, string][] = [
    [pathItem.parameters, `${itemPointer}/parameters`],
    [pathItem[method]?.parameters, `${itemPointer}/${method}/parameters`],
  ];
  for (const [list, listPointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((item: Json, index: number) => {
      const pointer = `${listPointer}/${index}`;
      const parameter = deref(doc, item);
      if (typeof parameter?.name !== "string" || typeof parameter?.in !== "string") {
        throw new Error(`${label}: the parameter at ${pointer} has no \`name\` and \`in\` (an unresolved $ref?)`);
      }
      declared.set(keyOf(parameter), { item, parameter, pointer });
    });
  }
  return declared;
}

/** A components key that the same operation and parameter give in both documents, and nothing else does. */
function copyName(operation: string, key: string): string {
  return `spec-diff-parameter-${createHash("sha256").update(`${operation}\n${key}`).digest("hex").slice(0, 24)}`;
}

/** Whether the list item at `pointer` is the path item's (`#/paths/P/parameters/i`) rather than an operation's. */
const onPathItem = (pointer: string) => pointerSegments(pointer).length === 4;

function describeParameter(parameter: DeclaredParameter["parameter"]): string {
  return `${parameter.required === true ? "Required" : "Optional"} \`${parameter.name}\` ${parameter.in} parameter`;
}

const quoteOperations = (operations: string[]) => operations.map((operation) => `\`${operation}\``).join(", ");

export function alignParameters(baseDoc: Json, revisionDoc: Json, label: string): AlignedParameters {
  const aligned = { base: structuredClone(baseDoc), revision: structuredClone(revisionDoc) };
  const sides = ["base", "revision"] as const;
  /** Per side: components key of a copy → the list item it copies. */
  const copies = { base: new Map<string, string>(), revision: new Map<string, string>() };
  /** Per side: `#/paths/P/method/parameters/i` of an aligned list → the list item it stands for. */
  const listItems = { base: new Map<string, string>(), revision: new Map<string, string>() };
  /** Added and removed parameters, merged when one path item's parameter concerns several operations. */
  const oneSided = new Map<string, ParameterChange>();
  const moved: ParameterChange[] = [];

  const record = (kind: "added" | "removed", declared: DeclaredParameter, operation: string) => {
    const id = `${kind} ${declared.pointer}`;
    const existing = oneSided.get(id);
    if (existing) {
      existing.operations.push(operation);
      return;
    }
    const required = declared.parameter.required === true;
    const breaking = kind === "removed" || required;
    const verdict: RedoclyVerdict = {
      ruleId: kind === "removed" ? "parameter-removed" : required ? "required-parameter-added" : "optional-parameter-added",
      impact: breaking ? "major" : "minor",
      message: "",
    };
    const location = { pointer: declared.pointer, value: declared.parameter };
    oneSided.set(id, {
      path: declared.pointer,
      typeName: "Parameter",
      kind,
      impact: verdict.impact,
      verdicts: [verdict],
      ...(kind === "removed" ? { base: location } : { revision: location }),
      source: "spec-diff",
      operations: [operation],
    });
  };

  for (const template of Object.keys(baseDoc.paths ?? {})) {
    if (!revisionDoc.paths?.[template]) continue; // a path removed or added is one change, Redocly's
    const methods = httpMethods.filter((method) => baseDoc.paths[template][method] || revisionDoc.paths[template][method]);
    for (const method of methods) {
      const operation = `${method.toUpperCase()} ${template}`;
      const declared = {
        base: effectiveParameters(baseDoc, `${label} (base)`, template, method),
        revision: effectiveParameters(revisionDoc, `${label} (revision)`, template, method),
      };
      const inBoth = baseDoc.paths[template][method] && revisionDoc.paths[template][method];
      if (!inBoth) {
        // An operation added or removed is one change; its parameters go with it, declared on it.
        for (const side of sides) {
          const op = aligned[side].paths[template][method];
          if (op) op.parameters = [...declared[side].values()].map(({ item }) => item);
        }
        continue;
      }
      const shared = [...declared.base.keys()].filter((key) => declared.revision.has(key)).sort();
      for (const side of sides) {
        const op = aligned[side].paths[template][method];
        if (shared.length === 0) {
          delete op.parameters;
          continue;
        }
        aligned[side].components ??= {};
        aligned[side].components.parameters ??= {};
        op.parameters = shared.map((key, index) => {
          const name = copyName(operation, key);
          const { item, pointer } = declared[side].get(key)!;
          aligned[side].components.parameters[name] = structuredClone(item);
          copies[side].set(name, pointer);
          listItems[side].set(`#/paths/${escapePointerSegment(template)}/${method}/parameters/${index}`, pointer);
          return { $ref: `#/components/parameters/${name}` };
        });
      }
      for (const key of shared) {
        const before = declared.base.get(key)!;
        const after = declared.revision.get(key)!;
        if (onPathItem(before.pointer) === onPathItem(after.pointer)) continue;
        moved.push({
          path: after.pointer,
          typeName: "Parameter",
          kind: "modified",
          impact: "patch",
          verdicts: [
            {
              ruleId: "parameter-moved",
              impact: "patch",
              message: `The \`${after.parameter.name}\` ${after.parameter.in} parameter of \`${operation}\` is now declared on ${onPathItem(after.pointer) ? "its path item" : "the operation"} instead of ${onPathItem(before.pointer) ? "its path item" : "the operation"}, which does not change how it is passed.`,
            },
          ],
          base: { pointer: before.pointer, value: before.parameter },
          revision: { pointer: after.pointer, value: after.parameter },
          source: "spec-diff",
          operations: [operation],
        });
      }
      for (const [key, parameter] of declared.base) if (!declared.revision.has(key)) record("removed", parameter, operation);
      for (const [key, parameter] of declared.revision) if (!declared.base.has(key)) record("added", parameter, operation);
    }
    // Every operation present in both now carries what it takes; the path item's list would only repeat it.
    for (const side of sides) delete aligned[side].paths[template].parameters;
  }

  for (const change of oneSided.values()) {
    const parameter = (change.base ?? change.revision)!.value as DeclaredParameter["parameter"];
    change.operations.sort();
    change.verdicts[0]!.message = `${describeParameter(parameter)} of ${quoteOperations(change.operations)} was ${change.kind}.`;
  }

  const realPointer = (side: "base" | "revision", pointer: string): string => {
    const segments = pointerSegments(pointer);
    if (segments[0] === "components" && segments[1] === "parameters" && segments[2] !== undefined) {
      const real = copies[side].get(segments[2]);
      if (real) return [real, ...segments.slice(3).map(escapePointerSegment)].join("/");
    }
    if (segments[0] === "paths" && segments[3] === "parameters" && segments[4] !== undefined) {
      const head = `#/${segments.slice(0, 5).map(escapePointerSegment).join("/")}`;
      const real = listItems[side].get(head);
      if (real) return [real, ...segments.slice(5).map(escapePointerSegment)].join("/");
    }
    return pointer;
  };
  return { base: aligned.base, revision: aligned.revision, changes: [...oneSided.values(), ...moved], realPointer };
}

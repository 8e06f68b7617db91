// Turns Redocly's diff report into this project's: one entry per verdict, each classified breaking (a major
// bump of the client package) or not, with the operations it touches and a message a client user can read.
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../apis.ts";
import { clientRules } from "./client-rules.ts";
import { corrections } from "./corrections.ts";
import { alignParameters, type ParameterChange } from "./parameters.ts";
import type { ClientRuleContext } from "./client-rules.ts";
import type { Bump, RedoclyChange } from "./redocly-report.ts";
import { runRedoclyDiff } from "./redocly-report.ts";
import { escapePointer } from "../bundled-specs.ts";
import { UsageIndex, pointerSegments } from "./usages.ts";

export interface SpecChange {
  impact: "breaking" | "non-breaking";
  bump: Bump;
  /** The rule that judged it (`null`: no rule did; Redocly rates it minor when added, patch otherwise). */
  rule: string | null;
  /** `redocly`: diff-recommended; `spec-diff`: spec-diff/client-rules.ts. */
  source: "redocly" | "spec-diff" | null;
  message: string;
  kind: RedoclyChange["kind"];
  /** Redocly's node type: PathItem, Operation, Parameter, Schema, Response... */
  node: string;
  /** Set when a value changed: the key that changed, such as `enum` or `description`. */
  property?: string;
  /** With `property`: whether the key was set where there was none, taken away, or given another value. */
  propertyChange?: "added" | "removed" | "changed";
  /** The changed node, readable: `Cluster.objectId`, `GET /v1/clusters › parameters[2]`. */
  location: string;
  /** Operations whose request or response contains the node, such as `GET /v1/clusters`. */
  operations: string[];
  /** JSON pointer of the node in the revision (the base, when removed). */
  pointer: string;
}

export interface SpecDiffReport {
  /** An API name, or the package / file name of a fixture. */
  api: string;
  /** The client package whose major version a breaking change needs. */
  package: string | null;
  base: { file: string; version: string | null };
  revision: { file: string; version: string | null };
  bump: Bump | "none";
  summary: { breaking: number; nonBreaking: number };
  changes: SpecChange[];
}

const bumpOrder: Record<Bump, number> = { major: 3, minor: 2, patch: 1 };

export function describePointer(pointer: string): string {
  const segments = pointerSegments(pointer);
  if (segments[0] === "paths" && segments[1] !== undefined) {
    const [, pathName, method, ...rest] = segments;
    const isMethod = method !== undefined && /^(get|put|post|delete|options|head|patch|trace)$/.test(method);
    const head = isMethod ? `${method.toUpperCase()} ${pathName}` : pathName;
    const tail = isMethod ? rest : method === undefined ? [] : [method, ...rest];
    return [head, ...readableTail(tail)].join(" › ");
  }
  if (segments[0] === "components" && segments[2] !== undefined) {
    const [, section, name, ...rest] = segments;
    const head = section === "schemas" ? name : `${section} ${name}`;
    return `${head}${schemaTail(rest)}`;
  }
  return segments.join(" › ") || "document";
}

// `properties/state/enum` → `.state.enum`; `items` → `[]`.
function schemaTail(segments: string[]): string {
  let out = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if ((segment === "properties" || segment === "patternProperties") && i + 1 < segments.length) continue;
    out += segment === "items" ? "[]" : `.${segment}`;
  }
  return out;
}

function readableTail(segments: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? "";
    const next = segments[i + 1];
    if (segment === "parameters" && next !== undefined && /^\d+$/.test(next)) {
      out.push(`parameters[${next}]`);
      i++;
    } else if (segment === "schema") {
      out.push(`schema${schemaTail(segments.slice(i + 1))}`);
      break;
    } else {
      out.push(segment);
    }
  }
  return out;
}

const short = (value: unknown) => {
  const text = JSON.stringify(value);
  return text !== undefined && text.length <= 60 ? text : undefined;
};

// Redocly writes messages only for the changes its rules judge; this names the others.
function describeChange(change: RedoclyChange, pointer: string, location: string): string {
  const value = (change.kind === "removed" ? change.base?.value : change.revision?.value) as
    | Record<string, unknown>
    | undefined;
  const segments = pointerSegments(pointer);
  const verb = change.kind === "added" ? "was added" : change.kind === "removed" ? "was removed" : "changed";
  if (change.kind === "modified") {
    const before = short(change.base?.value);
    const after = short(change.revision?.value);
    if (change.base?.value === undefined) return `\`${change.property}\` of \`${location}\` was added${after !== undefined ? `: ${after}` : ""}.`;
    if (change.revision?.value === undefined) return `\`${change.property}\` of \`${location}\` was removed${before !== undefined ? ` (it was ${before})` : ""}.`;
    const values = before !== undefined && after !== undefined ? ` from ${before} to ${after}` : "";
    return `\`${change.property}\` of \`${location}\` changed${values}.`;
  }
  if (change.typeName === "PathItem") return `Path \`${segments[1]}\` ${verb}.`;
  if (change.typeName === "Operation") return `Operation \`${location}\` ${verb}.`;
  if (change.typeName === "Parameter" && typeof value?.name === "string" && segments[0] === "components") {
    return `Parameter \`${segments[2]}\` of the components (${value.required === true ? "the required" : "an optional"} \`${value.name}\` ${String(value.in)} parameter) ${verb}.`;
  }
  if (change.typeName === "Parameter" && typeof value?.name === "string") {
    return `${value.required === true ? "Required" : "Optional"} \`${value.name}\` ${String(value.in)} parameter of \`${location.split(" › ")[0]}\` ${verb}.`;
  }
  if (change.typeName === "Schema" && segments.at(-2) === "properties") {
    const owner = describePointer(pointer.replace(/\/properties\/[^/]+$/, ""));
    return `Property \`${segments.at(-1)}\` of \`${owner}\` ${verb}.`;
  }
  return `${change.typeName} \`${location}\` ${verb}.`;
}

export interface DiffInput {
  label: string;
  packageName: string | null;
  baseFile: string;
  revisionFile: string;
}

/** Redocly's changes with their pointers in the real bundles (not the aligned copies), each once. */
function realChanges(redocly: RedoclyChange[], realPointer: (side: "base" | "revision", pointer: string) => string): RedoclyChange[] {
  const seen = new Set<string>();
  const changes: RedoclyChange[] = [];
  for (const change of redocly) {
    const side = change.revision ? "revision" : "base";
    const mapped: RedoclyChange = {
      ...change,
      path: realPointer(side, change.path),
      ...(change.base ? { base: { ...change.base, pointer: realPointer("base", change.base.pointer) } } : {}),
      ...(change.revision ? { revision: { ...change.revision, pointer: realPointer("revision", change.revision.pointer) } } : {}),
    };
    // A path item's parameter is compared once per operation that takes it: the same change each time.
    const key = JSON.stringify([mapped.kind, mapped.typeName, mapped.property, mapped.base?.pointer, mapped.revision?.pointer, mapped.verdicts.map((verdict) => verdict.message)]);
    if (seen.has(key)) continue;
    seen.add(key);
    changes.push(mapped);
  }
  return changes;
}

export function diffSpecs(input: DiffInput): SpecDiffReport {
  const readDoc = (file: string) => JSON.parse(readFileSync(file, "utf8")) as { info?: { version?: string } };
  const baseDoc = readDoc(input.baseFile);
  const revisionDoc = readDoc(input.revisionFile);
  const parameters = alignParameters(baseDoc, revisionDoc, input.label);
  const redocly = runRedoclyDiff(parameters.base, parameters.revision, { base: input.baseFile, revision: input.revisionFile });
  const context: ClientRuleContext = {
    base: new UsageIndex(baseDoc),
    revision: new UsageIndex(revisionDoc),
    baseDoc,
    revisionDoc,
    describe: describePointer,
  };

  const changes: SpecChange[] = [];
  const diffChanges: (RedoclyChange | ParameterChange)[] = [...realChanges(redocly.changes, parameters.realPointer), ...parameters.changes];
  for (const change of diffChanges) {
    const propertyPointer = (change.kind === "removed" ? change.base : (change.revision ?? change.base))?.pointer ?? change.path;
    // The version itself is the heading of the report and the changelog, not one of its lines.
    if (propertyPointer === "#/info/version") continue;
    const pointer = change.kind === "modified" && change.property ? parentPointer(propertyPointer, change.property) : propertyPointer;
    const location = describePointer(pointer);
    const usages =
      change.kind === "removed"
        ? context.base.usagesOf(pointer)
        : change.kind === "added"
          ? context.revision.usagesOf(pointer)
          : [...context.base.usagesOf(pointer), ...context.revision.usagesOf(pointer)];
    const operations = "operations" in change ? change.operations : [...new Set(usages.map((usage) => usage.operation))].sort();
    const source = "source" in change ? change.source : ("redocly" as const);
    const common = {
      kind: change.kind,
      node: change.typeName,
      ...(change.property ? { property: change.property, propertyChange: propertyChangeOf(change) } : {}),
      location,
      operations,
      pointer,
    };
    // Corrections replace the Redocly verdicts they name; a correction without a verdict means another
    // line of the report already says it, so this change adds none.
    const corrected = Object.values(corrections)
      .map((rule) => rule(change, context))
      .filter((correction) => correction !== undefined);
    const replaced = new Set(corrected.flatMap((correction) => correction.replaces));
    const verdicts = [
      ...change.verdicts.filter((verdict) => !replaced.has(verdict.ruleId)).map((verdict) => ({ ...verdict, source })),
      ...corrected.flatMap((correction) => (correction.verdict ? [{ ...correction.verdict, source: "spec-diff" as const }] : [])),
      ...Object.values(clientRules)
        .map((rule) => rule(change, context))
        .filter((verdict) => verdict !== undefined)
        .map((verdict) => ({ ...verdict, source: "spec-diff" as const })),
    ];
    if (verdicts.length === 0 && corrected.length > 0) continue;
    if (verdicts.length === 0) {
      changes.push({
        impact: change.impact === "major" ? "breaking" : "non-breaking",
        bump: change.impact,
        rule: null,
        source: null,
        message: describeChange(change, pointer, location),
        ...common,
      });
    }
    for (const verdict of verdicts) {
      changes.push({
        impact: verdict.impact === "major" ? "breaking" : "non-breaking",
        bump: verdict.impact,
        rule: verdict.ruleId,
        source: verdict.source,
        message: verdict.message,
        ...common,
      });
    }
  }
  changes.sort(
    (a, b) =>
      bumpOrder[b.bump] - bumpOrder[a.bump] ||
      (a.operations[0] ?? a.location).localeCompare(b.operations[0] ?? b.location) ||
      a.location.localeCompare(b.location),
  );

  const breaking = changes.filter((change) => change.impact === "breaking").length;
  const bump = changes.reduce<Bump | "none">(
    (highest, change) => (highest === "none" || bumpOrder[change.bump] > bumpOrder[highest] ? change.bump : highest),
    "none",
  );
  return {
    api: input.label,
    package: input.packageName,
    base: { file: relative(input.baseFile), version: baseDoc.info?.version ?? null },
    revision: { file: relative(input.revisionFile), version: revisionDoc.info?.version ?? null },
    bump,
    summary: { breaking, nonBreaking: changes.length - breaking },
    changes,
  };
}

function propertyChangeOf(change: RedoclyChange): NonNullable<SpecChange["propertyChange"]> {
  if (change.base?.value === undefined) return "added";
  if (change.revision?.value === undefined) return "removed";
  return "changed";
}

function parentPointer(pointer: string, property: string): string {
  const suffix = `/${escapePointer(property)}`;
  return pointer.endsWith(suffix) ? pointer.slice(0, -suffix.length) : pointer;
}

function relative(file: string): string {
  const fromRoot = path.relative(repoRoot, path.resolve(file));
  return fromRoot.startsWith("..") ? path.resolve(file) : fromRoot;
}

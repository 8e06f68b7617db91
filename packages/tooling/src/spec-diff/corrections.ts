// Where Redocly's diff-recommended rules misjudge a change for a client of the generated TypeScript types,
// a correction replaces its verdict (and says which): they rate every changed constraint and every changed
// type as major, though
//  - a constraint removed or loosened breaks nobody: a request may send more, and a response that promises
//    less changes no generated type (bounds, formats and closed objects are not in the types);
//  - a plain string that starts listing its known values (an open enum) is still a plain string;
// while a response enum that opens up is breaking for typed code, which Redocly names oddly ("Enum was
// removed") and twice. Each correction returns the Redocly rules it replaces, and a verdict, or `null` when
// another line of the report already says it. (Parameters are compared by `in` and `name` before Redocly sees
// them: parameters.ts.)
import type { ClientRuleContext, ClientRuleVerdict } from "./client-rules.ts";
import type { RedoclyChange } from "./redocly-report.ts";
import { deref, pointerSegments, resolvePointer as resolve, type Usage } from "./usages.ts";

export interface Correction {
  /** Redocly rule IDs whose verdicts on this change are wrong and dropped. */
  replaces: string[];
  verdict: ClientRuleVerdict | null;
}

type Schema = Record<string, any>;
type CorrectionRule = (change: RedoclyChange, context: ClientRuleContext) => Correction | undefined;

const has = (usages: Usage[], direction: Usage["direction"]) => usages.some((usage) => usage.direction === direction);
const redoclySaid = (change: RedoclyChange, ...ruleIds: string[]) => change.verdicts.some((verdict) => ruleIds.includes(verdict.ruleId));

function usagesOfChange(change: RedoclyChange, context: ClientRuleContext): Usage[] {
  return [
    ...(change.base ? context.base.usagesOf(change.base.pointer) : []),
    ...(change.revision ? context.revision.usagesOf(change.revision.pointer) : []),
  ];
}

// Lower bounds loosen downwards, upper bounds upwards; the others loosen only by going away.
const lowerBounds = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"]);
const upperBounds = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"]);
const otherConstraints = new Set(["pattern", "format", "multipleOf", "uniqueItems", "const"]);

/** Whether a constraint keyword going from `before` to `after` lets more values through, or no fewer. */
function loosens(keyword: string, before: unknown, after: unknown): boolean {
  if (after === undefined) return true;
  if (lowerBounds.has(keyword)) return typeof before === "number" && typeof after === "number" && after <= before;
  if (upperBounds.has(keyword)) return typeof before === "number" && typeof after === "number" && after >= before;
  if (keyword === "additionalProperties" || keyword === "unevaluatedProperties") return before === false && after !== false;
  return false;
}

const constraintWords: Record<string, string> = {
  additionalProperties: "the refusal of unlisted properties",
  unevaluatedProperties: "the refusal of unlisted properties",
  minimum: "the lower bound",
  exclusiveMinimum: "the lower bound",
  maximum: "the upper bound",
  exclusiveMaximum: "the upper bound",
  minLength: "the minimum length",
  maxLength: "the maximum length",
  minItems: "the minimum number of items",
  maxItems: "the maximum number of items",
  minProperties: "the minimum number of properties",
  maxProperties: "the maximum number of properties",
  pattern: "the pattern",
  format: "the format",
};

function directions(usages: Usage[]): string {
  const request = has(usages, "request");
  const response = has(usages, "response");
  if (request && response) return "requests may send, and responses may carry, more values than before";
  if (request) return "requests may send more values than before";
  return "responses may carry more values than before";
}

/** A constraint removed or loosened (Redocly: schema-constraint-changed, major): non-breaking. */
const constraintRelaxed: CorrectionRule = (change, context) => {
  if (change.typeName !== "Schema" || !redoclySaid(change, "schema-constraint-changed")) return undefined;
  // A removed subschema of `additionalProperties` is reported as a removed node, not a modified keyword.
  const keyword = change.kind === "removed" ? pointerSegments(change.base?.pointer ?? "").at(-1) : change.property;
  if (!keyword || !(lowerBounds.has(keyword) || upperBounds.has(keyword) || otherConstraints.has(keyword) || keyword in constraintWords)) return undefined;
  const before = change.base?.value;
  const after = change.kind === "removed" ? undefined : change.revision?.value;
  if (!loosens(keyword, before, after)) return undefined;
  const owner = change.kind === "removed" ? (change.base?.pointer ?? "").replace(/\/[^/]+$/, "") : (change.revision ?? change.base)!.pointer.replace(new RegExp(`/${keyword}$`), "");
  const closedBefore = (keyword === "additionalProperties" || keyword === "unevaluatedProperties") && before !== false;
  const words = closedBefore ? "the schema of unlisted properties" : (constraintWords[keyword] ?? `\`${keyword}\``);
  const what = after === undefined ? `${words} (${JSON.stringify(before)}) was removed` : `${words} went from ${JSON.stringify(before)} to ${JSON.stringify(after)}`;
  return {
    replaces: ["schema-constraint-changed"],
    verdict: {
      ruleId: "constraint-relaxed",
      impact: "minor",
      message: `On \`${context.describe(owner)}\`, ${what}: ${directions(usagesOfChange(change, context))}; no generated type changes.`,
    },
  };
};

function isOpenEnum(schema: Schema | undefined): schema is Schema {
  const branches = schema?.anyOf;
  return (
    Array.isArray(branches) &&
    branches.length === 2 &&
    branches.some((branch: Schema) => Array.isArray(branch.enum)) &&
    branches.some((branch: Schema) => branch.type === "string" && branch.enum === undefined)
  );
}

const knownValuesOf = (schema: Schema) => (schema.anyOf as Schema[]).find((branch) => Array.isArray(branch.enum))!.enum as unknown[];

/**
 * A closed enum that became an open one (`anyOf` of the enum and any string). In responses, typed code sees
 * its values widen to `string`: breaking. In requests only, more is accepted: non-breaking. Redocly reports
 * the `enum` and the `type` of the node; the verdict goes on the `enum` line.
 */
const enumOpened: CorrectionRule = (change, context) => {
  if (change.typeName !== "Schema" || change.kind !== "modified" || (change.property !== "enum" && change.property !== "type")) return undefined;
  const pointer = change.revision?.pointer ?? "";
  const base = deref(context.baseDoc, resolve(context.baseDoc, (change.base?.pointer ?? "").replace(new RegExp(`/${change.property}$`), "")));
  const revision = resolve(context.revisionDoc, pointer);
  if (!Array.isArray(base?.enum) || !isOpenEnum(revision)) return undefined;
  const known = knownValuesOf(revision);
  if (!base.enum.every((value: unknown) => known.includes(value))) return undefined;
  const replaces = ["enum-values-added", "enum-values-removed", "schema-type-changed"];
  if (change.property === "type") return { replaces, verdict: null };
  const name = context.describe(pointer);
  if (has(usagesOfChange(change, context), "response")) {
    return {
      replaces,
      verdict: {
        ruleId: "response-enum-opened",
        impact: "major",
        message: `The values of \`${name}\` in responses are now an open list (known: ${known.map((value) => `'${String(value)}'`).join(", ")}): any string may come back, so its generated type widens from those values to \`string\`, and code that relies on only them (an exhaustive switch, a variable of their union type) no longer compiles.`,
      },
    };
  }
  return {
    replaces,
    verdict: { ruleId: "request-enum-opened", impact: "minor", message: `\`${name}\` in requests now accepts any string besides its known values.` },
  };
};

/** A plain string that starts listing its known values (an open enum): its generated type stays `string`. */
const knownValuesListed: CorrectionRule = (change, context) => {
  if (change.typeName !== "Schema" || change.kind !== "modified" || change.property !== "type" || !redoclySaid(change, "schema-type-changed")) return undefined;
  const pointer = change.revision?.pointer ?? "";
  const base = resolve(context.baseDoc, (change.base?.pointer ?? "").replace(/\/type$/, ""));
  const revision = resolve(context.revisionDoc, pointer);
  if (base?.type !== "string" || base.enum !== undefined || !isOpenEnum(revision)) return undefined;
  return {
    replaces: ["schema-type-changed"],
    verdict: {
      ruleId: "open-enum-listed",
      impact: "minor",
      message: `\`${context.describe(pointer)}\` now lists its known values (${knownValuesOf(revision).map((value) => `'${String(value)}'`).join(", ")}); it is still any string, and so is its generated type.`,
    },
  };
};

/**
 * A type that gained `null` (Redocly: schema-type-changed, "widened"). In responses, the generated type gains
 * `| null` and code that uses the value without a null check stops compiling: breaking, said plainly. In
 * requests only, more is accepted: non-breaking.
 */
const becameNullable: CorrectionRule = (change, context) => {
  if (change.typeName !== "Schema" || change.kind !== "modified" || change.property !== "type" || !redoclySaid(change, "schema-type-changed")) return undefined;
  const before = [change.base?.value].flat();
  const after = [change.revision?.value].flat();
  if (before.includes("null") || !after.includes("null") || after.filter((type) => type !== "null").join() !== before.join()) return undefined;
  const name = context.describe((change.revision ?? change.base)!.pointer.replace(/\/type$/, ""));
  if (has(usagesOfChange(change, context), "response")) {
    return {
      replaces: ["schema-type-changed"],
      verdict: {
        ruleId: "response-became-nullable",
        impact: "major",
        message: `\`${name}\` may now be null in responses: its generated type gains \`| null\`, and code that uses it without a null check no longer compiles.`,
      },
    };
  }
  return { replaces: ["schema-type-changed"], verdict: { ruleId: "request-became-nullable", impact: "minor", message: `\`${name}\` in requests now also accepts null.` } };
};

export const corrections: Record<string, CorrectionRule> = {
  "response-became-nullable": becameNullable,
  "constraint-relaxed": constraintRelaxed,
  "response-enum-opened": enumOpened,
  "open-enum-listed": knownValuesListed,
};

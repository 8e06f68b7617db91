// Checks that Redocly's diff-recommended rules leave out but that break code written against a generated
// TypeScript client (openapi-typescript + openapi-fetch), plus one that only names a change Redocly leaves
// unnamed. Each takes one change of Redocly's report and the usage of its node in both documents.
import type { Bump, RedoclyChange } from "./redocly-report.ts";
import type { Usage, UsageIndex } from "./usages.ts";
import { pointerSegments } from "./usages.ts";

export interface ClientRuleVerdict {
  ruleId: string;
  impact: Bump;
  message: string;
}

export interface ClientRuleContext {
  base: UsageIndex;
  revision: UsageIndex;
  /** The two bundles themselves, for rules that look at a node's neighbours (corrections.ts). */
  baseDoc: unknown;
  revisionDoc: unknown;
  /** Readable name of a node, such as `Cluster.state` or `GET /v1/clusters › parameters[0]`. */
  describe: (pointer: string) => string;
}

type ClientRule = (change: RedoclyChange, context: ClientRuleContext) => ClientRuleVerdict | undefined;

const has = (usages: Usage[], direction: Usage["direction"]) => usages.some((usage) => usage.direction === direction);

function enumValues(change: RedoclyChange) {
  const before = change.base?.value;
  const after = change.revision?.value;
  if (!Array.isArray(before) || !Array.isArray(after)) return undefined;
  const key = (value: unknown) => JSON.stringify(value);
  const afterKeys = new Set(after.map(key));
  const beforeKeys = new Set(before.map(key));
  return {
    removed: before.filter((value) => !afterKeys.has(key(value))),
    added: after.filter((value) => !beforeKeys.has(key(value))),
  };
}

const quote = (values: unknown[]) => values.map((value) => `'${String(value)}'`).join(", ");

function enumChangeUsages(change: RedoclyChange, context: ClientRuleContext) {
  const pointer = (change.revision ?? change.base)?.pointer ?? change.path;
  return {
    schema: context.describe(pointer.replace(/\/enum$/, "")),
    usages: [
      ...(change.base ? context.base.usagesOf(change.base.pointer) : []),
      ...(change.revision ? context.revision.usagesOf(change.revision.pointer) : []),
    ],
  };
}

/**
 * A value dropped from an enum that responses carry. Redocly rates it patch (code receiving the enum
 * still runs), but the generated type loses the literal, so existing `state === "poweroff"` checks and
 * `case "poweroff":` branches stop compiling (TS2367 / TS2678).
 */
const responseEnumValuesRemoved: ClientRule = (change, context) => {
  if (change.typeName !== "Schema" || change.kind !== "modified" || change.property !== "enum") return undefined;
  if (change.verdicts.some((verdict) => verdict.ruleId === "enum-values-removed")) return undefined;
  const values = enumValues(change);
  if (!values?.removed.length) return undefined;
  const { schema, usages } = enumChangeUsages(change, context);
  if (!has(usages, "response")) return undefined;
  return {
    ruleId: "response-enum-values-removed",
    impact: "major",
    message: `Enum of \`${schema}\` in responses lost values: ${quote(values.removed)}; typed code that compares against them no longer compiles.`,
  };
};

/**
 * A property dropped from a request schema that allows extra properties. Redocly rates it patch (the
 * server still accepts a body that sets it), but the generated type loses it, so object literals that set
 * it stop compiling, and a server that no longer knows the field silently drops what the caller sent.
 */
const requestPropertyRemoved: ClientRule = (change, context) => {
  if (change.typeName !== "Schema" || change.kind !== "removed" || !change.base) return undefined;
  if (change.verdicts.some((verdict) => verdict.ruleId === "property-removed")) return undefined;
  const segments = pointerSegments(change.base.pointer);
  if (segments.at(-2) !== "properties") return undefined;
  const removed = change.base.value as { readOnly?: unknown } | undefined;
  if (removed?.readOnly === true) return undefined;
  const parentPointer = change.base.pointer.replace(/\/properties\/[^/]+$/, "");
  if (!has(context.base.usagesOf(parentPointer), "request")) return undefined;
  return {
    ruleId: "request-property-removed",
    impact: "major",
    message: `Property \`${segments.at(-1)}\` of \`${context.describe(parentPointer)}\` was removed from requests; code that sets it no longer compiles.`,
  };
};

/**
 * A value added to an enum that only requests carry: existing code keeps working, so it is a minor
 * change, named here so that the changelog says which values became accepted.
 */
const requestEnumValuesAdded: ClientRule = (change, context) => {
  if (change.typeName !== "Schema" || change.kind !== "modified" || change.property !== "enum") return undefined;
  if (change.verdicts.length > 0) return undefined;
  const values = enumValues(change);
  if (!values?.added.length) return undefined;
  const { schema, usages } = enumChangeUsages(change, context);
  if (!has(usages, "request") || has(usages, "response")) return undefined;
  return {
    ruleId: "request-enum-values-added",
    impact: "minor",
    message: `Enum of \`${schema}\` in requests gained values: ${quote(values.added)}.`,
  };
};

export const clientRules: Record<string, ClientRule> = {
  "response-enum-values-removed": responseEnumValuesRemoved,
  "request-property-removed": requestPropertyRemoved,
  "request-enum-values-added": requestEnumValuesAdded,
};

// What the browser test expects to see, read from the specs' generated facts (never typed into the test).
import { specModules } from "@managed-redis/spec-facts/all";
import type { ApiFacts, ApiName } from "@managed-redis/spec-facts";

export function factsOf(api: ApiName): ApiFacts {
  return specModules[api].facts;
}

/** The enum values of `property` of the component schema `schemaName`. */
export function propertyEnum(facts: ApiFacts, schemaName: string, property: string): string[] {
  return (facts.enums[`${schemaName}.${property}`] ?? []).map(String);
}

/** The enum values of every component schema property called `property`. */
export function enumsOfPropertiesNamed(facts: ApiFacts, property: string): string[] {
  const values = new Set<string>();
  for (const [key, found] of Object.entries(facts.enums)) if (key.endsWith(`.${property}`)) found.forEach((value) => values.add(String(value)));
  return [...values];
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export interface TagRoute {
  /** Redoc 3's route of the tag: #/<tag name, lower case, non-alphanumerics as "-">. */
  route: string;
  /** Redoc 3's slug of each operation of the tag (the operationId, lower case). */
  operations: string[];
}

/** The Redoc routes of the tags that have operations, each with its operations' slugs. */
export function tagRoutesOf(facts: ApiFacts): TagRoute[] {
  const byTag = new Map<string, string[]>();
  for (const operation of facts.operations) {
    for (const tag of operation.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), slug(operation.operationId)]);
  }
  return [...byTag].map(([tag, operations]) => ({ route: `#/${slug(tag)}`, operations }));
}

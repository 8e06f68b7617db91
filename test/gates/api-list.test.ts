// The one list of the APIs (packages/tooling/src/apis.ts) names exactly the specs the repository has: a
// spec folder added without it would get no bundle check, no client, no mock and no docs page, silently.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiNames, repoRoot } from "@managed-redis/tooling/apis";

/** The folders of specs/ that hold a hand-written spec (an openapi.yaml). */
function specFolders(root: string): string[] {
  return readdirSync(path.join(root, "specs"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, "specs", entry.name, "openapi.yaml")))
    .map((entry) => entry.name)
    .sort();
}

describe("the list of APIs", () => {
  it("is the list of spec folders", () => {
    expect([...apiNames].sort()).toEqual(specFolders(repoRoot));
  });
});

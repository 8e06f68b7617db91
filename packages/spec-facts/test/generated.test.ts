import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateFiles } from "../scripts/generate-spec-facts.ts";

describe("src/generated", () => {
  it("is what scripts/generate-spec-facts.ts makes from the bundled specs, byte for byte", () => {
    const files = generateFiles();
    expect(files.size).toBeGreaterThan(3);
    for (const [file, content] of files) expect(readFileSync(file, "utf8"), file).toBe(content);
  });
});

import { describe, expect, it } from "vitest";
import { apiNames } from "@managed-redis/tooling/apis";
import { readBundle } from "../src/api-summary.ts";
import { referenceDocument } from "../src/reference-pages.ts";
import { transcriptionNotes } from "../src/transcription-notes.ts";

describe.each(apiNames)("%s: the renderer's document", (api) => {
  const bundle = readBundle(api);
  const doc = referenceDocument(api, bundle, "http://127.0.0.1:1");

  it("has a TypeScript and a curl sample on every operation", () => {
    const operations = Object.values(doc.paths ?? {}).flatMap((item) => Object.values(item)).filter((node): node is { "x-codeSamples": { label: string }[] } => typeof node === "object" && node !== null && "responses" in node);
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) expect(operation["x-codeSamples"].map((sample) => sample.label)).toEqual(["TypeScript", "curl"]);
  });

  it("carries none of the transcription notes, which the bundle has (they have their own page)", () => {
    expect(transcriptionNotes(bundle as unknown as Record<string, unknown>).length).toBeGreaterThan(0);
    expect(transcriptionNotes(doc as unknown as Record<string, unknown>)).toEqual([]);
    expect(JSON.stringify(bundle)).toContain('"x-decision"');
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { apiNames, bundledSpec } from "@managed-redis/tooling/apis";
import { renderNotesPage } from "../src/notes-page.ts";
import { notesBySection, transcriptionNotes } from "../src/transcription-notes.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(path.join(here, "fixtures/notes/spec.json"), "utf8"));
const siteDir = path.join(here, "../dist");

describe("transcriptionNotes", () => {
  const notes = transcriptionNotes(fixture);

  it("finds every x-decision, string or list, with a readable location, in document order", () => {
    expect(notes.map(({ section, location, notes: texts }) => ({ section, location, texts }))).toEqual([
      { section: "API", location: "The API as a whole", texts: ["First note on the <API>.", "Second note, with `code`."] },
      { section: "Operations", location: "GET /widgets/{id}", texts: ["The document gives no description."] },
      { section: "Parameters", location: "GET /widgets/{id} › path parameter `id`", texts: ["Bounds are a guess."] },
      { section: "Examples", location: "GET /widgets/{id} › 200 response example running", texts: ["Repaired JSON."] },
      { section: "Schemas", location: "Widget.state", texts: ["An open list."] },
      { section: "Schemas", location: "Widget.parts[].size", texts: ["Unit is a guess."] },
    ]);
  });

  it("names the node of each note by its JSON pointer", () => {
    expect(notes.find((note) => note.location === "Widget.parts[].size")?.pointer).toBe("#/components/schemas/Widget/properties/parts/items/properties/size");
  });

  it("groups by section in a fixed order and leaves empty sections out", () => {
    expect(notesBySection(notes).map((group) => group.section)).toEqual(["API", "Operations", "Parameters", "Schemas", "Examples"]);
  });
});

describe("the notes page", () => {
  it("lists each note under its location, escaped, with code spans rendered", () => {
    const html = renderNotesPage("Notes <fixture>", fixture);
    expect(html).toContain("Notes &lt;fixture&gt;: notes on this transcription");
    expect(html).toContain("<dd>First note on the &lt;API&gt;.</dd>");
    expect(html).toContain("<dd>Second note, with <code>code</code>.</dd>");
    expect(html).toContain("<dt>Widget.parts[].size</dt>");
    expect(html).toContain("7 notes.");
    expect(html).not.toContain("data, not a note");
  });

  it.each(apiNames)("%s: the built page lists every note of the bundle, and the reference page links to it", (api) => {
    const bundle = JSON.parse(readFileSync(bundledSpec(api, "json"), "utf8"));
    const page = readFileSync(path.join(siteDir, api, "notes.html"), "utf8");
    const all = transcriptionNotes(bundle).flatMap((note) => note.notes);
    expect(all.length).toBeGreaterThan(5);
    expect(page).toContain(`${all.length} notes.`);
    expect(page).toBe(renderNotesPage(JSON.parse(readFileSync(bundledSpec(api, "json"), "utf8")).info.title, bundle));
    expect(readFileSync(path.join(siteDir, api, "index.html"), "utf8")).toContain('href="./notes.html"');
    expect(readFileSync(path.join(siteDir, "index.html"), "utf8")).toContain(`href="${api}/notes.html"`);
  });
});

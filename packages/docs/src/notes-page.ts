// Publishes each API's notes on its transcription as <api>/notes.html: every `x-decision` of the bundled
// spec, grouped by kind of node, apart from the reference text (Redoc does not show vendor extensions).
// The notes themselves come from transcription-notes.ts.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { escapeHtml, inlineMarkdown } from "./html.ts";
import { pageShell } from "./page-shell.ts";
import { notesBySection, transcriptionNotes, type NoteSection } from "./transcription-notes.ts";

export const notesPageName = "notes.html";

const sectionIntro: Record<NoteSection, string> = {
  API: "About the description as a whole.",
  Operations: "About one operation.",
  Parameters: "About one parameter.",
  Schemas: "About one schema or field.",
  Responses: "About one shared response.",
  Examples: "About one example.",
};

export function renderNotesPage(title: string, doc: Record<string, any>): string {
  const notes = transcriptionNotes(doc);
  const sections = notesBySection(notes)
    .map(
      ({ section, notes: inSection }) => `
      <section aria-labelledby="notes-${section.toLowerCase()}">
        <h2 id="notes-${section.toLowerCase()}">${escapeHtml(section)}</h2>
        <p class="muted">${escapeHtml(sectionIntro[section])}</p>
        <dl class="notes">${inSection
          .map(
            (note) => `
          <dt>${inlineMarkdown(note.location)}</dt>
          ${note.notes.map((text) => `<dd>${inlineMarkdown(text)}</dd>`).join("\n          ")}`,
          )
          .join("")}
        </dl>
      </section>`,
    )
    .join("\n");
  const count = notes.reduce((sum, note) => sum + note.notes.length, 0);
  const body = `
      <h1>${escapeHtml(title)}: notes on this transcription</h1>
      <p><a href="../index.html">All APIs</a> · <a href="./index.html">API reference</a></p>
      <p class="lead">How this description was made from the vendor's documents: where they are silent, garbled
      or contradict themselves, what was chosen and what it rests on. The API reference leaves these notes out
      and says only what each operation and field is. ${count} note${count === 1 ? "" : "s"}.</p>${sections || `
      <p>This description carries no notes.</p>`}`;
  return pageShell({ title: `${title} notes on this transcription · Managed Redis APIs`, stylesheet: "../site.css", home: "../index.html", body });
}

/** Writes <apiDir>/notes.html. */
export function writeNotesPage(title: string, doc: Record<string, any>, apiDir: string): void {
  writeFileSync(path.join(apiDir, notesPageName), renderNotesPage(title, doc));
}

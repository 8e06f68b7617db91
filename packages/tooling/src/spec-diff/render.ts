// The two readable forms of a report: a table for the terminal and a changelog section in Markdown.
import type { ReleaseNote } from "./changesets.ts";
import { documentationKindOf, documentationLines } from "./documentation.ts";
import type { SpecChange, SpecDiffReport } from "./report.ts";

function operationColumn(change: SpecChange): string {
  if (change.operations.length === 0) return change.location.split(" › ")[0] ?? change.location;
  const [first, second, ...rest] = change.operations;
  return [first, second].filter(Boolean).join(", ") + (rest.length > 0 ? ` (+${rest.length} more)` : "");
}

function changeColumn(change: SpecChange): string {
  return `${change.node} ${change.property ? `${change.property} ` : ""}${change.kind}`;
}

export function renderTable(report: SpecDiffReport): string {
  const title = `${report.api}: ${report.base.file} (${report.base.version ?? "?"}) → ${report.revision.file} (${report.revision.version ?? "?"})`;
  if (report.changes.length === 0) return `${title}\n  no changes\n`;
  const header = ["operation / path", "change", "impact", "rule", "message"];
  const rows = report.changes.map((change) => [
    operationColumn(change),
    changeColumn(change),
    `${change.impact} (${change.bump})`,
    change.rule ?? "—",
    change.message,
  ]);
  const widths = header.slice(0, -1).map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => (column < widths.length ? cell.padEnd(widths[column] ?? 0) : cell)).join("  ")}`.trimEnd();
  const rule = line(widths.map((width) => "─".repeat(width)).concat("─".repeat(7)));
  const summary = `  ${report.summary.breaking} breaking, ${report.summary.nonBreaking} non-breaking; needs a ${report.bump} bump`;
  return [title, line(header), rule, ...rows.map(line), summary, ""].join("\n");
}

export function changelogLine(change: SpecChange): string {
  const where = change.operations.length > 0 ? change.operations.map((op) => `\`${op}\``).join(", ") : `\`${change.location}\``;
  return `- ${change.message} (${where}${change.rule ? `; rule \`${change.rule}\`` : ""})`;
}

/**
 * The lines of a changelog for some changes: each change that can matter to a client on its own line, and
 * the changes to documentation only summed up in one line per kind (the gate's JSON report keeps each).
 */
export function changelogLines(changes: readonly SpecChange[]): string[] {
  return [...changes.filter((change) => documentationKindOf(change) === undefined).map(changelogLine), ...documentationLines(changes)];
}

/**
 * One version's section: what the pending changesets of the client package tell its users (when given),
 * then the changes from the released baseline to the working spec, as the gate classified them.
 */
export function renderChangelogSection(report: SpecDiffReport, heading: string, notes: readonly ReleaseNote[] = []): string {
  const breaking = report.changes.filter((change) => change.impact === "breaking");
  const nonBreaking = report.changes.filter((change) => change.impact === "non-breaking");
  const parts = [`## ${heading}`, ""];
  if (notes.length > 0) {
    parts.push("### Release notes", "");
    for (const note of notes) parts.push(`${note.summary}`, "", `_(${note.bump} release of \`${report.package ?? report.api}\`; changeset \`${note.file}\`)_`, "");
  }
  if (report.changes.length === 0) {
    parts.push(`No changes since ${report.base.version ?? "the released baseline"}.`, "");
    return parts.join("\n");
  }
  if (breaking.length > 0) parts.push("### Breaking changes", "", ...changelogLines(breaking), "");
  if (nonBreaking.length > 0) parts.push("### Non-breaking changes", "", ...changelogLines(nonBreaking), "");
  return parts.join("\n");
}

export function sectionHeading(report: SpecDiffReport): string {
  const { base, revision } = report;
  if (base.version === revision.version) return `Unreleased (since ${base.version ?? "the baseline"})`;
  return `${revision.version ?? "?"} (since ${base.version ?? "the baseline"})`;
}

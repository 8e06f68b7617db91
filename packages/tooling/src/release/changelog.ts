// The parts of a package's CHANGELOG.md that releases read and write. changesets writes one section per
// version (`## 1.2.0`, then `### Minor Changes` ...); the release adds the API description's changes to
// that section, and the versioning check asks that the current version has one.
import { changelogLines } from "../spec-diff/render.ts";
import type { SpecDiffReport } from "../spec-diff/report.ts";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const headingOf = (version: string) => new RegExp(`^## ${escape(version)}\\s*$`);

export function hasVersionSection(markdown: string, version: string): boolean {
  return markdown.split("\n").some((line) => headingOf(version).test(line));
}

/** Adds `block` at the end of the `## <version>` section (before the next `## ` heading). */
export function appendToVersionSection(markdown: string, version: string, block: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => headingOf(version).test(line));
  if (start === -1) throw new Error(`the changelog has no "## ${version}" section to add to`);
  let end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  if (end === -1) end = lines.length;
  let last = end;
  while (last > start + 1 && lines[last - 1]!.trim() === "") last--;
  const next = end < lines.length ? ["", ...lines.slice(end)] : [];
  return [...lines.slice(0, last), "", block.trim(), ...next].join("\n").trimEnd() + "\n";
}

export interface SpecChangesBlock {
  /** The spec package, e.g. @managed-redis/spec-kakaocloud-redis. */
  specPackage: string;
  /** The client package that shares its version. */
  clientPackage: string;
  from: string;
  to: string;
  report: SpecDiffReport;
}

/**
 * The API description's changes in one version, as the breaking-change gate reports them, for the
 * changelogs of the spec package and its client. `null` for the client when the description did not
 * change: its entry already says what changed.
 */
export function renderSpecChanges({ specPackage, clientPackage, from, to, report }: SpecChangesBlock, audience: "spec" | "client"): string | null {
  const breaking = report.changes.filter((change) => change.impact === "breaking");
  const nonBreaking = report.changes.filter((change) => change.impact === "non-breaking");
  if (report.changes.length === 0) {
    if (audience === "client") return null;
    return [
      "### API description changes",
      "",
      `None since ${from}: this version follows \`${clientPackage}\` ${to}, whose version the description shares (see RELEASING.md).`,
    ].join("\n");
  }
  const parts = [
    "### API description changes",
    "",
    `\`${specPackage}\` ${from} → ${to}, as the breaking-change gate (\`npm run spec:diff\`) reports it:`,
    "",
  ];
  if (breaking.length > 0) parts.push("#### Breaking", "", ...changelogLines(breaking), "");
  if (nonBreaking.length > 0) parts.push("#### Non-breaking", "", ...changelogLines(nonBreaking), "");
  return parts.join("\n").trimEnd();
}

// What the spec-diff commands share (scripts/diff-specs.ts, check-breaking-changes.ts, render-changelog.ts,
// update-baseline.ts): their command line, which bundles they compare, and the comparison itself, which
// compares each API's working bundle with its released baseline (`redocly diff` + the client rules),
// prints a table per API and writes the report as JSON.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { apiNames, bundledSpec, isApiName, repoRoot } from "../apis.ts";
import type { ApiName } from "../apis.ts";
import { hasVersionSection } from "../release/changelog.ts";
import { clientPackageOf, readChangesetBumps, releaseNotesFor } from "./changesets.ts";
import { renderChangelogSection, renderTable, sectionHeading } from "./render.ts";
import { diffSpecs } from "./report.ts";
import type { SpecDiffReport } from "./report.ts";

export const specDiffOptions = {
  json: { type: "boolean", default: false },
  "changeset-dir": { type: "string", default: path.join(repoRoot, ".changeset") },
  base: { type: "string" },
  revision: { type: "string" },
  package: { type: "string" },
  out: { type: "string" },
  "out-dir": { type: "string" },
} as const;

export type SpecDiffArgs = ReturnType<typeof parseSpecDiffArgs>["values"];

export function parseSpecDiffArgs(usage: string) {
  try {
    return parseArgs({ allowPositionals: true, options: specDiffOptions });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const baselineOf = (api: ApiName) => path.join(repoRoot, "specs", api, "baseline", "openapi.json");
const historyOf = (api: ApiName) => path.join(repoRoot, "specs", api, "CHANGELOG.md");
const rel = (file: string) => path.relative(process.cwd(), file);

export function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(2);
}

// --- which pairs to compare --------------------------------------------------------------------------
export interface Target {
  api: ApiName | null;
  label: string;
  packageName: string | null;
  baseFile: string;
  revisionFile: string;
}

export function selectTargets(args: SpecDiffArgs, positionals: string[], usage: string, flow: { apisOnly?: string } = {}): Target[] {
  let targets: Target[];
  if (args.base || args.revision) {
    if (!args.base || !args.revision) fail(`--base and --revision go together\n${usage}`);
    if (flow.apisOnly) fail(`${flow.apisOnly} works on the APIs, not on --base/--revision`);
    targets = [
      {
        api: null,
        label: args.package ?? path.basename(args.revision),
        packageName: args.package ?? null,
        baseFile: args.base,
        revisionFile: args.revision,
      },
    ];
  } else {
    const selected = positionals.length > 0 ? positionals : [...apiNames];
    for (const name of selected) if (!isApiName(name)) fail(`unknown API "${name}"; one of ${apiNames.join(", ")}`);
    targets = (selected as ApiName[]).map((api) => ({
      api,
      label: api,
      packageName: clientPackageOf(api),
      baseFile: baselineOf(api),
      revisionFile: bundledSpec(api, "json"),
    }));
  }

  for (const target of targets) {
    if (!existsSync(target.revisionFile)) {
      fail(`${target.label}: ${rel(target.revisionFile)} is missing; bundle first (npx turbo run bundle)`);
    }
  }
  return targets;
}

// --- release flow: the current bundle becomes the baseline ---------------------------------------------
export function updateBaselines(targets: readonly Target[], args: SpecDiffArgs): void {
  for (const target of targets) {
    const api = target.api as ApiName;
    const history = historyOf(api);
    const previous = existsSync(history) ? readFileSync(history, "utf8") : `# ${api} API changelog\n`;
    let section: string | undefined;
    if (!existsSync(target.baseFile)) {
      const version = (JSON.parse(readFileSync(target.revisionFile, "utf8")) as { info?: { version?: string } }).info?.version;
      section = `## ${version ?? "First release"}\n\nFirst released version of this description: the baseline that later changes are compared with.\n`;
    } else {
      const report = diffSpecs(target);
      const same = report.base.version === report.revision.version;
      // release:version has already written this version's entry (changesets' section plus the report).
      const recorded = !same && report.revision.version !== null && hasVersionSection(previous, report.revision.version);
      if (report.changes.length > 0 && !recorded) {
        const notes = report.package ? releaseNotesFor(args["changeset-dir"], report.package) : [];
        section = renderChangelogSection(report, `${report.revision.version ?? "?"}${same ? " (revised)" : ""}`, notes);
      }
    }
    if (section) {
      // Newest first: the new section goes right under the title.
      const [title, ...rest] = previous.split(/\n(?=## )/);
      writeFileSync(history, [title?.trimEnd() + "\n", section.trimEnd() + "\n", ...rest].join("\n"));
    }
    mkdirSync(path.dirname(target.baseFile), { recursive: true });
    copyFileSync(target.revisionFile, target.baseFile);
    console.log(`✓ ${api}: ${rel(target.baseFile)} now holds ${rel(target.revisionFile)}${section ? `; ${rel(history)} updated` : ""}`);
  }
}

// --- diff ----------------------------------------------------------------------------------------------
export function diffTargets(targets: readonly Target[], args: SpecDiffArgs, options: { changelog: boolean }): SpecDiffReport[] {
  const outDir = args["out-dir"];
  const distOf = (api: ApiName, file: string) => (outDir ? path.join(outDir, `${api}.${file}`) : path.join(repoRoot, "specs", api, "dist", file));
  const reports: SpecDiffReport[] = [];
  for (const target of targets) {
    if (!existsSync(target.baseFile)) {
      fail(`${target.label}: no baseline at ${rel(target.baseFile)}; the release flow writes it with \`npm run spec:baseline\``);
    }
    const report = diffSpecs(target);
    reports.push(report);
    if (!args.json) console.log(renderTable(report));
    if (target.api) {
      if (outDir) mkdirSync(outDir, { recursive: true });
      writeFileSync(distOf(target.api, "spec-diff.json"), `${JSON.stringify(report, null, 2)}\n`);
      if (options.changelog) writeFileSync(distOf(target.api, "changelog.md"), renderChangelog(target.api, report, args));
    } else if (args.out) {
      writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
    }
  }
  if (args.json) console.log(JSON.stringify({ reports }, null, 2));
  return reports;
}

function renderChangelog(api: ApiName, report: SpecDiffReport, args: SpecDiffArgs): string {
  const history = existsSync(historyOf(api)) ? readFileSync(historyOf(api), "utf8") : "";
  const released = history.split(/\n(?=## )/).slice(1).join("\n").trim();
  return [
    `# ${api} API changelog`,
    "",
    `Changes to the ${api} API description as a client user meets them. A breaking change ships in a major release of \`${report.package}\`.`,
    "",
    renderChangelogSection(report, sectionHeading(report), report.package ? releaseNotesFor(args["changeset-dir"], report.package) : []).trimEnd(),
    ...(released ? ["", released] : []),
    "",
  ].join("\n");
}

// --- the gate ------------------------------------------------------------------------------------------
/** False when a breaking change has no changeset asking for a major bump of its package. */
export function checkChangesets(reports: readonly SpecDiffReport[], changesetDir: string): boolean {
  const changesets = readChangesetBumps(changesetDir);
  let failed = false;
  for (const report of reports) {
    const breaking = report.changes.filter((change) => change.impact === "breaking");
    if (breaking.length === 0) {
      console.error(`✓ ${report.api}: no breaking change`);
      continue;
    }
    // The spec package shares its client's version (a changesets `fixed` group): a major bump of either is one.
    const specPackage = report.package?.replace(/^@managed-redis\//, "@managed-redis/spec-") ?? null;
    const bumps = [report.package, specPackage].flatMap((name) => (name ? (changesets.get(name) ?? []) : []));
    const major = bumps.find((bump) => bump.bump === "major");
    if (major) {
      console.error(`✓ ${report.api}: ${breaking.length} breaking change(s), released as a major bump of ${report.package} (${major.file})`);
      continue;
    }
    failed = true;
    const pending = bumps.length > 0 ? ` (pending changesets ask only for: ${bumps.map((b) => `${b.bump} in ${b.file}`).join(", ")})` : "";
    console.error(`✗ ${report.api}: ${breaking.length} breaking change(s) and no changeset asks for a major bump of ${report.package ?? "its package"}${pending}:`);
    for (const change of breaking) {
      const where = change.operations.length > 0 ? change.operations.join(", ") : change.location;
      console.error(`    - [${change.rule}] ${change.message} (${where})`);
    }
    console.error(
      report.package
        ? `  Fix: revert the change, or run \`npx changeset\` and choose a major bump for ${report.package} (it writes .changeset/<name>.md with \`"${report.package}": major\`).`
        : "  Fix: revert the change, or pass --package <name> with a major changeset for it.",
    );
  }
  return !failed;
}

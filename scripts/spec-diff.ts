// The breaking-change gate and the changelog source: compares each API's working bundle with its released
// baseline (`redocly diff` + the client rules in lib/spec-diff/), prints a table per API and writes the
// report as JSON.
//
//   spec-diff [api]                      table per API; JSON to specs/<api>/dist/spec-diff.json
//   spec-diff --json                     the reports as JSON on stdout instead
//   spec-diff --check                    exit 1 when a breaking change has no major changeset for its package
//   spec-diff --changelog                also write specs/<api>/dist/changelog.md
//   spec-diff --update-baseline          (release flow) record the changes in specs/<api>/CHANGELOG.md (unless
//                                        it has a section for the new version, as release:version writes),
//                                        then make the current bundle the new baseline
//   spec-diff --base a.json --revision b.json [--package name] [--out report.json]   any two bundles
//   --changeset-dir <dir>                where changesets are read (default .changeset)
//   --out-dir <dir>                      write <dir>/<api>.spec-diff.json (and .changelog.md) instead of dist/
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { apiNames, bundledSpec, isApiName, repoRoot } from "./lib/apis.ts";
import { hasVersionSection } from "./lib/release/changelog.ts";
import type { ApiName } from "./lib/apis.ts";
import { clientPackageOf, readChangesetBumps, releaseNotesFor } from "./lib/spec-diff/changesets.ts";
import { renderChangelogSection, renderTable, sectionHeading } from "./lib/spec-diff/render.ts";
import { diffSpecs } from "./lib/spec-diff/report.ts";
import type { SpecDiffReport } from "./lib/spec-diff/report.ts";

const usage = "usage: spec-diff [api] [--check] [--json] [--changelog] [--update-baseline] [--changeset-dir dir]\n" +
  "       spec-diff --base <file> --revision <file> [--package name] [--out file] [--check] [--json]";

let options;
try {
  options = parseArgs({
    allowPositionals: true,
    options: {
      check: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      changelog: { type: "boolean", default: false },
      "update-baseline": { type: "boolean", default: false },
      "changeset-dir": { type: "string", default: path.join(repoRoot, ".changeset") },
      base: { type: "string" },
      revision: { type: "string" },
      package: { type: "string" },
      out: { type: "string" },
      "out-dir": { type: "string" },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values: args, positionals } = options;

const baselineOf = (api: ApiName) => path.join(repoRoot, "specs", api, "baseline", "openapi.json");
const historyOf = (api: ApiName) => path.join(repoRoot, "specs", api, "CHANGELOG.md");
const outDir = args["out-dir"];
const distOf = (api: ApiName, file: string) =>
  outDir ? path.join(outDir, `${api}.${file}`) : path.join(repoRoot, "specs", api, "dist", file);
const rel = (file: string) => path.relative(process.cwd(), file);

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(2);
}

// --- which pairs to compare --------------------------------------------------------------------------
interface Target {
  api: ApiName | null;
  label: string;
  packageName: string | null;
  baseFile: string;
  revisionFile: string;
}

let targets: Target[];
if (args.base || args.revision) {
  if (!args.base || !args.revision) fail(`--base and --revision go together\n${usage}`);
  if (args["update-baseline"] || args.changelog) fail("--update-baseline and --changelog work on the APIs, not on --base/--revision");
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

// --- release flow: the current bundle becomes the baseline ---------------------------------------------
if (args["update-baseline"]) {
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
  process.exit(0);
}

// --- diff ----------------------------------------------------------------------------------------------
const reports: SpecDiffReport[] = [];
for (const target of targets) {
  if (!existsSync(target.baseFile)) {
    fail(`${target.label}: no baseline at ${rel(target.baseFile)}; the release flow writes it with \`spec-diff --update-baseline\``);
  }
  const report = diffSpecs(target);
  reports.push(report);
  if (!args.json) console.log(renderTable(report));
  if (target.api) {
    if (outDir) mkdirSync(outDir, { recursive: true });
    writeFileSync(distOf(target.api, "spec-diff.json"), `${JSON.stringify(report, null, 2)}\n`);
    if (args.changelog) writeFileSync(distOf(target.api, "changelog.md"), renderChangelog(target.api, report));
  } else if (args.out) {
    writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  }
}
if (args.json) console.log(JSON.stringify({ reports }, null, 2));

function renderChangelog(api: ApiName, report: SpecDiffReport): string {
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
if (args.check) {
  const changesets = readChangesetBumps(args["changeset-dir"]);
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
  process.exit(failed ? 1 : 0);
}

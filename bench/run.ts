// `npm run bench`: runs the sections (or `--only a,b`), merges them into bench/results.json and renders
// bench/RESULTS.md. Sections: client, bundle, mock, pipeline, docs; `--render-only` re-renders RESULTS.md. The packages must be built first (the root
// script does it): the bench imports them by name, as a user would.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { measureBundleSize } from "./bundle-size.ts";
import { measureClientOverhead } from "./client-overhead.ts";
import { measureDocsRenderers } from "./docs-renderers.ts";
import { describeEnvironment } from "./lib/environment.ts";
import { resultsJsonPath, resultsMarkdownPath } from "./lib/paths.ts";
import { progress } from "./lib/progress.ts";
import type { Results } from "./lib/results.ts";
import { measureMock } from "./mock.ts";
import { measurePipeline } from "./pipeline.ts";
import { renderJson, renderMarkdown } from "./report.ts";

const sections = {
  client: measureClientOverhead,
  bundle: measureBundleSize,
  mock: measureMock,
  pipeline: measurePipeline,
  docs: measureDocsRenderers,
} as const satisfies Record<keyof Results, () => Promise<unknown>>;
type SectionName = keyof typeof sections;

function chosenSections(): SectionName[] {
  const { values } = parseArgs({ options: { only: { type: "string" }, "render-only": { type: "boolean" } }, strict: true });
  if (values["render-only"]) return [];
  if (values.only === undefined) return Object.keys(sections) as SectionName[];
  const names = values.only.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(name in sections));
  if (unknown.length > 0) {
    console.error(`bench: unknown section ${unknown.join(", ")}; valid: ${Object.keys(sections).join(", ")}`);
    process.exit(2);
  }
  return names as SectionName[];
}

async function main(): Promise<void> {
  const chosen = chosenSections();
  const environment = describeEnvironment();
  progress(`${chosen.join(", ")} on ${environment.cpu} (${environment.cores} cores), Node ${environment.node}`);
  const previous: Results = existsSync(resultsJsonPath) ? (JSON.parse(readFileSync(resultsJsonPath, "utf8")) as Results) : {};
  const results: Results = { ...previous };
  // --render-only: RESULTS.md again from results.json, measuring nothing (after a change to report.ts).
  if (chosen.length === 0) writeFileSync(resultsMarkdownPath, renderMarkdown(results));
  const failed: SectionName[] = [];
  for (const name of chosen) {
    const started = performance.now();
    progress(`section ${name}`);
    try {
      (results as Record<SectionName, unknown>)[name] = await sections[name]();
    } catch (error) {
      // One broken section (e.g. a package mid-change) must not cost the others' figures.
      failed.push(name);
      progress(`section ${name} FAILED, previous figures kept: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      continue;
    }
    progress(`section ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Written after every section, so an interrupted run keeps what it measured.
    writeFileSync(resultsJsonPath, renderJson(results));
    writeFileSync(resultsMarkdownPath, renderMarkdown(results));
  }
  const targets = [results.client, results.bundle, results.mock].flatMap((section) => section?.targets ?? []);
  for (const target of targets) progress(`${target.met ? "met   " : "MISSED"} ${target.name}: ${target.measured}`);
  progress(chosen.length === 0 ? `re-rendered ${resultsMarkdownPath}` : `wrote ${resultsMarkdownPath} and ${resultsJsonPath}`);
  if (failed.length > 0) {
    progress(`failed sections: ${failed.join(", ")}`);
    process.exitCode = 1;
  }
}

await main();

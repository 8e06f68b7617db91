// The reference page as this site built it with Redoc until the move to Scalar (packages/docs/README.md):
// `redocly build-docs` with Redoc inlined, the template that forbids every remote load, and the remote
// "API docs by" badge swapped for a local one. Kept here only so the bench can measure both renderers.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runRedocly } from "@managed-redis/tooling/redocly";

const template = fileURLToPath(new URL("./redoc-template.hbs", import.meta.url));

// The options the site passed: show every enum value, schema level and JSON sample without a click.
const redocOptions: Record<string, string> = {
  disableTelemetry: "true",
  hideLoading: "true",
  maxDisplayedEnumValues: "1000",
  schemasExpansionLevel: "all",
  jsonSamplesExpandLevel: "all",
  sortRequiredPropsFirst: "true",
};

// Redoc 3's sidebar badge loads a logo from cdn.redoc.ly; the site swapped it for a local text badge.
const remoteBadgeLogos = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];

function textBadge(text: string, width: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16"><text x="0" y="12" font-family="system-ui,sans-serif" font-size="12" font-weight="600" fill="#1b1f24">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
const localBadgeLogos = [textBadge("Redocly", 52), textBadge("R", 10)];

export function buildRedocPage({ bundle, output, title }: { bundle: string; output: string; title: string }): void {
  const args = ["build-docs", bundle, "--inlineBundle", "--template", template, "--title", title, "--output", output, ...Object.entries(redocOptions).map(([name, value]) => `--openapi.${name}=${value}`)];
  const result = runRedocly(args);
  if (result.status !== 0) throw new Error(`redocly build-docs failed for ${path.basename(path.dirname(output))}:\n${result.stderr || result.stdout}`);
  let html = readFileSync(output, "utf8");
  for (const [index, remote] of remoteBadgeLogos.entries()) html = html.split(remote).join(localBadgeLogos[index]!);
  writeFileSync(output, html);
}

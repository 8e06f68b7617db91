// One Redoc reference page per API, from its bundled spec, that loads nothing from another host.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runRedocly } from "@managed-redis/tooling/redocly";

const template = fileURLToPath(new URL("./reference-template.hbs", import.meta.url));

// Redoc 3 options (build-docs 2.x renders with Redoc 3): show everything a reader may look for without
// clicking "show more": every enum value, every nested schema level, whole JSON samples.
const redocOptions: Record<string, string> = {
  disableTelemetry: "true",
  hideLoading: "true",
  maxDisplayedEnumValues: "1000",
  schemasExpansionLevel: "all",
  jsonSamplesExpandLevel: "all",
  sortRequiredPropsFirst: "true",
};

// Redoc 3 always renders an "API docs by Redocly" badge whose <img> comes from cdn.redoc.ly. The template's
// policy would refuse it, but a refused load is still an attempt (and a console error), so the two logo
// URLs are swapped for a local text badge. The build fails if Redoc stops carrying them, so an upgrade
// that moves the badge is noticed here rather than in the browser test.
const remoteBadgeLogos = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];

function textBadge(text: string, width: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16"><text x="0" y="12" font-family="system-ui,sans-serif" font-size="12" font-weight="600" fill="#1b1f24">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
const localBadgeLogos = [textBadge("Redocly", 52), textBadge("R", 10)];

export function replaceRemoteBadge(html: string): string {
  let result = html;
  remoteBadgeLogos.forEach((remote, index) => {
    if (!result.includes(remote)) {
      throw new Error(`the Redoc page no longer contains ${remote}; check what the badge loads now`);
    }
    result = result.split(remote).join(localBadgeLogos[index]);
  });
  return result;
}

export interface ReferencePageInput {
  bundle: string;
  output: string;
  title: string;
}

export function buildReferencePage({ bundle, output, title }: ReferencePageInput): void {
  const args = [
    "build-docs",
    bundle,
    "--inlineBundle",
    "--template",
    template,
    "--title",
    title,
    "--output",
    output,
    ...Object.entries(redocOptions).map(([name, value]) => `--openapi.${name}=${value}`),
  ];
  const result = runRedocly(args);
  if (result.status !== 0) {
    throw new Error(`redocly build-docs failed for ${path.basename(path.dirname(output))}:\n${result.stderr || result.stdout}`);
  }
  writeFileSync(output, replaceRemoteBadge(readFileSync(output, "utf8")));
}

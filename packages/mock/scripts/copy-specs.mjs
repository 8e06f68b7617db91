// Copies each API's bundled spec (specs/<api>/dist/openapi.json, written by the spec workspaces'
// `bundle` task) into this package's specs/<api>.json, so the published package carries its specs.
// Plain .mjs so the build needs nothing but Node.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { apiNames } from "@managed-redis/spec-facts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(packageDir, "..", "..");

mkdirSync(join(packageDir, "specs"), { recursive: true });
const missing = [];
for (const api of apiNames) {
  const source = join(repoRoot, "specs", api, "dist", "openapi.json");
  if (!existsSync(source)) {
    missing.push(source);
    continue;
  }
  JSON.parse(readFileSync(source, "utf8")); // fail here, not at the first request, on a broken bundle
  copyFileSync(source, join(packageDir, "specs", `${api}.json`));
}
if (missing.length > 0) {
  console.error(`copy-specs: no bundled spec at ${missing.join(", ")}; run \`npx turbo run bundle\` first`);
  process.exit(1);
}
console.log(`copy-specs: ${apiNames.length} specs copied to packages/mock/specs/`);

// Copies each API's bundled spec (specs/<api>/dist/openapi.json, written by the spec workspaces'
// `bundle` task) into this package's specs/<api>.json, and its strict variant (openapi.strict.json:
// closed objects, served by `--strict`) into specs/<api>.strict.json, so the published package carries
// its specs. Plain .mjs so the build needs nothing but Node.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(packageDir, "..", "..");
const apiNames = ["kakaocloud-redis", "exoscale-dbaas-valkey", "redis-enterprise"];

mkdirSync(join(packageDir, "specs"), { recursive: true });
const missing = [];
for (const api of apiNames) {
  for (const [file, target] of [["openapi.json", `${api}.json`], ["openapi.strict.json", `${api}.strict.json`]]) {
    const source = join(repoRoot, "specs", api, "dist", file);
    if (!existsSync(source)) {
      missing.push(source);
      continue;
    }
    JSON.parse(readFileSync(source, "utf8")); // fail here, not at the first request, on a broken bundle
    copyFileSync(source, join(packageDir, "specs", target));
  }
}
if (missing.length > 0) {
  console.error(`copy-specs: no bundled spec at ${missing.join(", ")}; run \`npx turbo run bundle\` first`);
  process.exit(1);
}
console.log(`copy-specs: ${apiNames.length} specs and their strict variants copied to packages/mock/specs/`);

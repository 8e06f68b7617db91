// Bundles one spec into a single self-contained file, as YAML and JSON (specs/<api>/dist/), derives its
// strict variant (openapi.strict.json: closed objects, for checking this project's own data), then checks
// both against the OpenAPI 3.1 schema with a validator independent of Redocly.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { parse } from "yaml";
import { bundledSpec, isApiName, strictBundledSpec } from "@managed-redis/tooling/apis";
import { runRedocly } from "@managed-redis/tooling/redocly";
import { strictVariant } from "@managed-redis/tooling/strict-variant";

const api = process.argv[2] ?? "";
if (!isApiName(api)) {
  console.error(`usage: bundle-spec <api name>; got "${api}"`);
  process.exit(2);
}

const yamlPath = bundledSpec(api, "yaml");
const jsonPath = bundledSpec(api, "json");
mkdirSync(path.dirname(yamlPath), { recursive: true });

const bundle = runRedocly(["bundle", api, "--output", yamlPath]);
if (bundle.status !== 0) {
  console.error(bundle.stderr || bundle.stdout);
  process.exit(1);
}
// JSON is written from the YAML bundle, so the two files carry the same document.
const doc = parse(readFileSync(yamlPath, "utf8"));
writeFileSync(jsonPath, `${JSON.stringify(doc, null, 2)}\n`);
const strict = strictVariant(doc);
writeFileSync(strictBundledSpec(api), `${JSON.stringify(strict, null, 2)}\n`);

for (const [label, candidate] of [["bundle", doc], ["strict variant", strict]] as const) {
  const validator = new Validator();
  const result = await validator.validate(candidate);
  if (!result.valid) {
    console.error(`✗ ${api}: the ${label} is not a valid OpenAPI ${doc.openapi} document:`);
    console.error(JSON.stringify(result.errors, null, 2));
    process.exit(1);
  }
}
console.log(`✓ ${api}: bundled to ${path.relative(process.cwd(), yamlPath)}, .json and .strict.json, valid OpenAPI ${doc.openapi}`);

// Writes the Valkey part of Exoscale's own OpenAPI description (egoscale `v3/generator/source.yaml`) to
// specs/exoscale-dbaas-valkey/vendor/egoscale-valkey.yaml: every operation whose operationId names Valkey,
// and every schema they reach, as the vendor wrote them. The vendor-conformance test (test/gates) checks the
// spec against this snapshot.
//
// usage: tsx scripts/snapshot-exoscale-valkey.ts <path/to/source.yaml> <egoscale commit>
//   e.g. after `git -C <egoscale clone> show <commit>:v3/generator/source.yaml > /tmp/source.yaml`
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { repoRoot } from "@managed-redis/tooling/apis";
import { pointerSegments, resolvePointer } from "@managed-redis/tooling/bundled-specs";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const [sourcePath, commit] = process.argv.slice(2);
if (!sourcePath || !commit || !/^[0-9a-f]{40}$/.test(commit)) {
  console.error("usage: snapshot-exoscale-valkey <path/to/source.yaml> <egoscale commit (40 hex digits)>");
  process.exit(2);
}

const source = parse(readFileSync(sourcePath, "utf8")) as JsonObject;
const schemas = (source.components as JsonObject).schemas as JsonObject;
const reached = new Set<string>();

function walk(node: Json): void {
  if (Array.isArray(node)) return node.forEach(walk);
  if (node === null || typeof node !== "object") return;
  const ref = node.$ref;
  if (typeof ref === "string") {
    const name = pointerSegments(ref).at(-1) ?? ref;
    if (!reached.has(name)) {
      reached.add(name);
      walk((resolvePointer(source, ref) as Json | undefined) ?? null);
    }
  }
  for (const value of Object.values(node)) walk(value);
}

const paths: JsonObject = {};
let operations = 0;
for (const [template, item] of Object.entries(source.paths as JsonObject)) {
  const kept: JsonObject = {};
  for (const [method, operation] of Object.entries(item as JsonObject)) {
    const id = (operation as JsonObject | null)?.operationId;
    if (typeof id === "string" && /valkey/.test(id)) {
      kept[method] = operation;
      operations++;
    }
  }
  if (Object.keys(kept).length > 0) {
    paths[template] = kept;
    walk(kept);
  }
}

const info = source.info as JsonObject;
const snapshot = {
  openapi: source.openapi,
  info: { title: info.title, version: info.version },
  paths,
  components: { schemas: Object.fromEntries([...reached].sort().map((name) => [name, schemas[name] ?? null])) },
};
const header = [
  "# The Valkey part of Exoscale's OpenAPI description: every operation whose operationId names Valkey and",
  "# every schema they reach, unchanged. Written by scripts/snapshot-exoscale-valkey.ts; do not edit by hand.",
  "#   source:  https://github.com/exoscale/egoscale, file v3/generator/source.yaml",
  `#   commit:  ${commit}`,
  "#   license: Apache License 2.0, Copyright 2014 exoscale(tm); see LICENSE in this folder",
  "",
].join("\n");
const target = path.join(repoRoot, "specs/exoscale-dbaas-valkey/vendor/egoscale-valkey.yaml");
writeFileSync(target, header + stringify(snapshot, { lineWidth: 0 }));
console.log(`✓ ${path.relative(repoRoot, target)}: ${operations} operations, ${reached.size} schemas (egoscale ${commit.slice(0, 12)})`);

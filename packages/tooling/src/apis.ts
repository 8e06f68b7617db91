// Where each API's spec and bundle live, and the one list of the APIs: everything else (the generated
// spec facts, the mock, the simulator, the docs) takes it from here. Its order is the order of the mocks'
// default ports (4010, 4011, …).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** The repository: the nearest folder above this file whose package.json declares the workspaces. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && "workspaces" in (JSON.parse(readFileSync(manifest, "utf8")) as object)) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json with workspaces above ${from}`);
  }
}

export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

export const apiNames = ["kakaocloud-redis", "exoscale-dbaas-valkey", "redis-enterprise"] as const;
export type ApiName = (typeof apiNames)[number];

export function isApiName(value: string): value is ApiName {
  return (apiNames as readonly string[]).includes(value);
}

export function specEntry(api: ApiName): string {
  return path.join(repoRoot, "specs", api, "openapi.yaml");
}

export function bundledSpec(api: ApiName, ext: "yaml" | "json"): string {
  return path.join(repoRoot, "specs", api, "dist", `openapi.${ext}`);
}

/** The strict variant of the bundle (closed objects, see strict-variant.ts), written beside it. */
export function strictBundledSpec(api: ApiName): string {
  return path.join(repoRoot, "specs", api, "dist", "openapi.strict.json");
}

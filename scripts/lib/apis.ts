// Where each API's spec and bundle live. The one list of API names that scripts share.
import { fileURLToPath } from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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

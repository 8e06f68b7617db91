// The three APIs this package mocks, their default ports, and where their bundled specs live.
import { fileURLToPath } from "node:url";

export const apiNames = ["kakaocloud-redis", "exoscale-dbaas-valkey", "redis-enterprise"] as const;
export type ApiName = (typeof apiNames)[number];

/** The port each API's mock listens on unless told otherwise. */
export const mockDefaults: Readonly<Record<ApiName, number>> = Object.freeze({
  "kakaocloud-redis": 4010,
  "exoscale-dbaas-valkey": 4011,
  "redis-enterprise": 4012,
});

/** Loopback only: a mock is for this machine unless someone asks for more (`--host 0.0.0.0`). */
export const defaultHost = "127.0.0.1";

export function isApiName(value: unknown): value is ApiName {
  return typeof value === "string" && (apiNames as readonly string[]).includes(value);
}

/**
 * The bundled OpenAPI document of an API as shipped in this package (`specs/<api>.json`, copied
 * there by the build). The same relative path holds from `src/` and from `dist/`.
 */
export function bundledSpecPath(api: ApiName): string {
  return fileURLToPath(new URL(`../specs/${api}.json`, import.meta.url));
}

/**
 * The strict variant of that document (`specs/<api>.strict.json`): the same, with every object schema
 * that lists its properties closed to others, so `--strict` reports a mistyped or unknown field.
 */
export function strictSpecPath(api: ApiName): string {
  return fileURLToPath(new URL(`../specs/${api}.strict.json`, import.meta.url));
}

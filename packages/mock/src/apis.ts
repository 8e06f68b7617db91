// The three APIs this package mocks, their default ports, and where their bundled specs live.
import { createRequire } from "node:module";

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

const require = createRequire(import.meta.url);

/**
 * The bundled OpenAPI document of an API, from its spec package (`@managed-redis/spec-<api>`, an exact
 * dependency of this package): the mock serves the very spec version it declares, and `npm ls` tells which.
 */
export function bundledSpecPath(api: ApiName): string {
  return require.resolve(`@managed-redis/spec-${api}/openapi.json`);
}

/**
 * The strict variant of that document (`@managed-redis/spec-<api>/openapi.strict.json`): the same, with
 * every object schema that lists its properties closed to others, so `--strict` reports a mistyped or
 * unknown field.
 */
export function strictSpecPath(api: ApiName): string {
  return require.resolve(`@managed-redis/spec-${api}/openapi.strict.json`);
}

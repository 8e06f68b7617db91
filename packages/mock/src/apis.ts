// The APIs this package mocks (one per spec), their default ports, and where their bundled specs live.
import { createRequire } from "node:module";
import { apiNames, type ApiName } from "@managed-redis/spec-facts";

export { apiNames, isApiName, type ApiName } from "@managed-redis/spec-facts";

/** The port each API's mock listens on unless told otherwise: the mock's own choice, in the specs' order. */
export const mockDefaults: Readonly<Record<ApiName, number>> = Object.freeze(
  Object.fromEntries(apiNames.map((api, index) => [api, 4010 + index])) as Record<ApiName, number>,
);

/** Loopback only: a mock is for this machine unless someone asks for more (`--host 0.0.0.0`). */
export const defaultHost = "127.0.0.1";

const require = createRequire(import.meta.url);

/**
 * The bundled OpenAPI document of an API, from its spec package (`@managed-redis/spec-<api>`, an exact
 * dependency of this package): what Prism generates data from (`--dynamic`), of the spec version the mock
 * declares (`npm ls` tells which); routes, validation and examples come from the same bundle through
 * `@managed-redis/spec-facts`.
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

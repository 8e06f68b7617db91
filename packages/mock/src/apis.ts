// The APIs this package mocks (one per spec), their default ports, and where their bundled specs live.
import { fileURLToPath } from "node:url";
import { apiNames, type ApiName } from "@managed-redis/spec-facts";

export { apiNames, isApiName, type ApiName } from "@managed-redis/spec-facts";

/** The port each API's mock listens on unless told otherwise: the mock's own choice, in the specs' order. */
export const mockDefaults: Readonly<Record<ApiName, number>> = Object.freeze(
  Object.fromEntries(apiNames.map((api, index) => [api, 4010 + index])) as Record<ApiName, number>,
);

/** Loopback only: a mock is for this machine unless someone asks for more (`--host 0.0.0.0`). */
export const defaultHost = "127.0.0.1";

/**
 * The bundled OpenAPI document of an API as shipped in this package (`specs/<api>.json`, copied
 * there by the build). The same relative path holds from `src/` and from `dist/`.
 */
export function bundledSpecPath(api: ApiName): string {
  return fileURLToPath(new URL(`../specs/${api}.json`, import.meta.url));
}

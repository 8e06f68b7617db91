// How readers get each API beyond its spec: the npm client package and the local mock.
import { mockDefaults } from "@managed-redis/mock";
import { apiNames, type ApiName } from "@managed-redis/tooling/apis";
import { clientPackageOf } from "@managed-redis/tooling/spec-diff/changesets";

/** The npm client package of each API (the name the release flow versions). */
export const clientPackages: Record<ApiName, string> = Object.fromEntries(apiNames.map((api) => [api, clientPackageOf(api)])) as Record<ApiName, string>;

// The mock's own defaults, so the ports the landing page shows cannot drift from the ones it listens on.
export const mockDefaultPorts: Record<ApiName, number> = mockDefaults;

export const mockPackage = "@managed-redis/mock";

export function npmPackageUrl(name: string): string {
  return `https://www.npmjs.com/package/${name}`;
}

export function installLine(api: ApiName): string {
  return `npm install ${clientPackages[api]}`;
}

export function mockStartLine(api: ApiName): string {
  return `npx ${mockPackage} --api ${api}`;
}

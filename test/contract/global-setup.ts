// Starts the three Prism mocks on free ports before the contract tests and stops them after, so
// `npm test` needs nothing running beforehand.
import { startMock, type RunningMock } from "@managed-redis/mock";
import type { TestProject } from "vitest/node";
import { apiNames, type ApiName } from "@managed-redis/tooling/apis";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrls: Record<ApiName, string>;
  }
}

export default async function setup(project: TestProject) {
  const mocks: RunningMock[] = await Promise.all(
    apiNames.map((api) => startMock({ api, port: 0, logLevel: "silent" })),
  );
  project.provide(
    "mockUrls",
    Object.fromEntries(mocks.map((mock) => [mock.api, mock.url])) as Record<ApiName, string>,
  );
  return async () => {
    await Promise.all(mocks.map((mock) => mock.close()));
  };
}

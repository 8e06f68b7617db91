// The vitest settings every test project shares: the console report for people, and a JSON report in
// <project>/.reports/vitest.json that .ci/run adds up into its "N passed, N failed" line.
import { defineConfig } from "vitest/config";

export function sharedTestConfig(name: string) {
  return defineConfig({
    test: {
      name,
      reporters: ["default", "json"],
      outputFile: { json: ".reports/vitest.json" },
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  });
}

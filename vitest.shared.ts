// The vitest settings every test project shares: the console report for people, and a JSON report in
// <project root>/.reports/vitest.json that scripts/print-test-totals.ts adds up for CI's closing line.
import { defineConfig } from "vitest/config";

/**
 * @param name  the project's name in vitest's output
 * @param root  the project's folder; defaults to the working directory (a package's own folder when
 *              its npm script runs), and is given by the root-level suites in test/, which run from the
 *              repository root
 */
export function sharedTestConfig(name: string, root?: string) {
  return defineConfig({
    test: {
      name,
      ...(root ? { root } : {}),
      reporters: ["default", "json"],
      outputFile: { json: ".reports/vitest.json" },
      // A bound on hangs, not a speed check: suites that spawn processes (Prism, Redocly, tsx) are slow on a
      // busy 2-core machine, and speed is measured in `npm run bench`.
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  });
}

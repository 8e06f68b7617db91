// The docs-site browser test, its own vitest project: `vitest run --config test/browser/vitest.config.ts`
// from the repository root. Expects packages/docs/dist to be built; starts and stops its own server.
import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.ts";

export default mergeConfig(
  sharedTestConfig("browser"),
  defineConfig({
    test: {
      root: fileURLToPath(new URL(".", import.meta.url)),
      include: ["**/*.test.ts"],
      // One Chromium for the whole file; the files do not run in parallel with each other.
      fileParallelism: false,
    },
  }),
);

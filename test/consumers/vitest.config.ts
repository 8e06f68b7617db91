// The consumer suite: the packages as users get them (npm pack tarballs installed in a scratch app
// outside the repository). `vitest run --config test/consumers/vitest.config.ts` from the repository
// root, after building every package.
import { mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.ts";

export default mergeConfig(sharedTestConfig("consumers", import.meta.dirname), {
  test: {
    globalSetup: ["./global-setup.ts"],
    // Installs, compilers and bundlers: each file is CPU-bound, and the machine has 2 cores.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 600_000,
  },
});

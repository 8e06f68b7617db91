import { sharedTestConfig } from "../../vitest.shared.ts";
import { mergeConfig } from "vitest/config";

export default mergeConfig(sharedTestConfig("contract", import.meta.dirname), {
  test: {
    globalSetup: ["./global-setup.ts"],
  },
});

import { defineConfig } from "tsup";

// ESM for today's users, CJS for the `require` callers that still exist (older tooling, Jest setups);
// both with their own declaration files so that attw sees the right types for each.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "neutral",
});

// The build of the three clients and their runtime. ESM for today's users, CJS for the `require` callers
// that still exist (older tooling, Jest setups); both with their own declaration files so that attw sees
// the right types for each.
import type { Options } from "tsup";

export const clientBuild: Options = {
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "neutral",
};

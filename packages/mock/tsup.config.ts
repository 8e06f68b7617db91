import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  // Prism stays a runtime dependency (tsup leaves package.json dependencies external); the shebang
  // of src/cli.ts is kept and tsup marks dist/cli.js executable.
});

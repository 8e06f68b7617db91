import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/path-matcher.ts", "src/generated/all.ts", "src/generated/strict-all.ts", "src/generated/*/index.ts", "src/generated/*/strict.ts"],
  format: ["esm"],
  // Runs in Node (mock, simulator) and in browsers (the simulator under MSW): built for a neutral platform,
  // so a Node built-in imported by mistake fails the build. Ajv's few runtime helpers the validators call
  // (string length, formats) are bundled in, so nothing of Ajv is needed at run time.
  platform: "neutral",
  target: "es2022",
  noExternal: ["ajv", "ajv-formats"],
  dts: true,
  clean: true,
  sourcemap: true,
});

import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/options.ts"],
  format: ["esm"],
  // The core runs in Node (the stateful mock's node:http mount) and in browsers (the MSW mount), so it
  // is built for a neutral platform: a Node built-in imported by mistake fails the build.
  platform: "neutral",
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
});

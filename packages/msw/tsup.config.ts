import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  // Runs in browsers (MSW's service worker, Storybook) and in Node (msw/node): built for a neutral
  // platform, so a Node built-in imported by mistake fails the build. msw (a peer) and the simulator
  // (a dependency) stay external.
  platform: "neutral",
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
});

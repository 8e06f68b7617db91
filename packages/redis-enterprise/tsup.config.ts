import { defineConfig } from "tsup";
import { clientBuild } from "../../tsup.client.ts";

// Two entries with the same surface: dist/index.* for Node (undici for `ca`), dist/browser.* for every
// other runtime; package.json's "node" export condition picks one. No shared chunk, so a browser bundle
// reads browser.js alone.
export default defineConfig({ ...clientBuild, entry: ["src/index.ts", "src/browser.ts"], splitting: false });

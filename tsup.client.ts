// The build of the three clients and their runtime. ESM for today's users, CJS for the `require` callers
// that still exist (Jest, whose module system cannot require() an ES module; older tooling); both with
// their own declaration files so that attw sees the right types for each. test/consumers runs both
// builds from the packed tarballs.
import type { Plugin } from "esbuild";
import type { Options } from "tsup";

/**
 * In the CJS build a default import of a dependency must be what that dependency's CJS build exports as
 * `default`. esbuild instead applies Node's ESM rule (default = the whole `module.exports`) to the files
 * of a `"type": "module"` package, so `import createClient from "openapi-fetch"` became openapi-fetch's
 * exports object and the first `createClient` of a `require()` user threw `TypeError: (0 ,
 * import_openapi_fetch.default) is not a function`. This plugin resolves our own source files itself,
 * which leaves them without the package's module type: esbuild then honours the `__esModule` marker
 * that openapi-fetch's CJS build sets, as TypeScript's and Babel's CJS output do.
 */
export const cjsDefaultImports: Plugin = {
  name: "cjs-default-imports",
  setup(build) {
    if (build.initialOptions.format !== "cjs") return;
    const resolving = Symbol("cjs-default-imports");
    build.onResolve({ filter: /.*/ }, async ({ path, kind, importer, resolveDir, pluginData }) => {
      const ownSource = kind === "entry-point" || path.startsWith(".");
      if (!ownSource || pluginData === resolving) return undefined;
      const resolved = await build.resolve(path, { kind, importer, resolveDir, pluginData: resolving });
      if (resolved.errors.length > 0 || resolved.external) return undefined;
      return { path: resolved.path, namespace: resolved.namespace, sideEffects: resolved.sideEffects };
    });
  },
};

export const clientBuild: Options = {
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "neutral",
  // Keep `node:` specifiers as written: every supported Node has them, and bundlers know them as Node-only
  // (tsup's default rewrote `node:tls` to `tls`, which a browser bundler then tried to resolve).
  removeNodeProtocol: false,
  external: [/^node:/],
  esbuildPlugins: [cjsDefaultImports],
};

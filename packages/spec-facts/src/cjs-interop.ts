// The generated validators call a few helpers of Ajv's runtime and ajv-formats, which are CommonJS. How an
// ES module sees a CommonJS module differs: Node (and esbuild bundling an ES-module package) puts
// `module.exports` on `default`, other bundlers hand over `module.exports` itself when it is marked
// `__esModule`. This returns `module.exports` either way.
export function cjsExports(namespace: Record<string, any>): Record<string, any> {
  const candidate = namespace.default;
  return candidate && (typeof candidate === "object" || typeof candidate === "function") && candidate.__esModule ? candidate : namespace;
}

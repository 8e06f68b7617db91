// The code samples are generated from the specs and compiled, every one, against the clients' published
// types (the built packages' .d.ts, resolved as a user's project resolves them) with strict settings: a
// sample that calls a path, passes a parameter or sends a body the client does not accept fails here.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { apiNames, type ApiName } from "@managed-redis/tooling/apis";
import { operationsOf } from "@managed-redis/tooling/bundled-specs";
import { mockDefaultPorts } from "../src/api-distribution.ts";
import { readBundle } from "../src/api-summary.ts";
import { codeSamples, curlSample, renderClientCall, sampleOperations, shellQuote, typescriptSample, type SampleOperation } from "../src/code-samples.ts";

// Inside node_modules (ignored by git) of this package, so the samples resolve @managed-redis/* as a user's
// project does: through node_modules to the workspace packages and their package.json exports.
const scratch = fileURLToPath(new URL("../node_modules/.cache/code-samples/", import.meta.url));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const strictOptions: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitReturns: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  types: ["node"],
  noEmit: true,
  skipLibCheck: true,
};

/** Compiles the given modules (file name → source) and returns the diagnostics, one line each. */
function typeCheck(files: Record<string, string>, folder: string): string[] {
  const dir = path.join(scratch, folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // An ES module of its own: top-level await, as the samples use it.
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const names = Object.entries(files).map(([name, source]) => {
    const file = path.join(dir, name);
    writeFileSync(file, source);
    return file;
  });
  const program = ts.createProgram(names, strictOptions);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

const mockUrl = (api: ApiName) => `http://127.0.0.1:${mockDefaultPorts[api]}`;
const operationCount = (api: ApiName) => operationsOf(readBundle(api)).length;

describe("code samples", () => {
  it.each(apiNames)("%s: every operation has a TypeScript and a curl sample", (api) => {
    const doc = readBundle(api);
    const operations = sampleOperations(doc);
    expect(operations).toHaveLength(operationCount(api));
    for (const operation of operations) {
      expect(codeSamples(api, doc, operation, mockUrl(api)).map((sample) => sample.label)).toEqual(["TypeScript", "curl"]);
    }
  });

  it("compiles every TypeScript sample of the three APIs against the built clients' types, with strict settings", { timeout: 120_000 }, () => {
    const files: Record<string, string> = {};
    for (const api of apiNames) {
      for (const operation of sampleOperations(readBundle(api))) files[`${api}.${operation.operationId}.ts`] = typescriptSample(api, operation, mockUrl(api));
    }
    expect(Object.keys(files).length).toBe(apiNames.reduce((sum, api) => sum + operationCount(api), 0));
    expect(typeCheck(files, "all")).toEqual([]);
  });

  it("fails the check when a sample strays from the client: a wrong operation, a missing path parameter, a body field of the wrong type", { timeout: 120_000 }, () => {
    const operation = sampleOperations(readBundle("kakaocloud-redis")).find((op) => op.operationId === "getCluster")!;
    const create = sampleOperations(readBundle("kakaocloud-redis")).find((op) => op.operationId === "createCluster")!;
    const broken: Record<string, SampleOperation> = {
      "wrong-operation.ts": { ...operation, operationId: "getClusters" },
      "missing-parameter.ts": { ...operation, pathParams: [] },
      "wrong-body.ts": { ...create, body: { ...(create.body as object), shardCount: "two" } },
    };
    const files = Object.fromEntries(Object.entries(broken).map(([name, op]) => [name, typescriptSample("kakaocloud-redis", op, mockUrl("kakaocloud-redis"))]));
    const diagnostics = typeCheck(files, "broken");
    for (const name of Object.keys(files)) expect(diagnostics.some((line) => line.startsWith(`${name}:`)), `${name}: ${diagnostics.join("; ")}`).toBe(true);
  });

  it("spells the client call in one place, as the operation's method with its path parameters camelCased", () => {
    const kakao = sampleOperations(readBundle("kakaocloud-redis"));
    const operation = kakao.find((op) => op.operationId === "getCluster")!;
    expect(renderClientCall("kakao", operation)).toBe(`kakao.getCluster({ clusterId: "qqqqwwww-7347-4d87-a49f-e705e91db2fb" })`);
    expect(typescriptSample("kakaocloud-redis", operation, "http://127.0.0.1:4010")).toContain(renderClientCall("kakao", operation));
    expect(renderClientCall("kakao", kakao.find((op) => op.operationId === "listEngineVersions")!)).toBe("kakao.listEngineVersions()");
    const exo = sampleOperations(readBundle("exoscale-dbaas-valkey")).find((op) => op.operationId === "list-dbaas-valkey-users")!;
    expect(renderClientCall("exo", exo)).toMatch(/^exo\.listDbaasValkeyUsers\(\{ serviceName: "[^"]+" \}\)$/);
  });

  it("authenticates each curl sample as its API wants: X-Auth-Token, Basic with the cluster's CA, an EXO2 signature from the client's signer", () => {
    const first = (api: ApiName) => sampleOperations(readBundle(api))[0]!;
    expect(curlSample("kakaocloud-redis", first("kakaocloud-redis"), "https://x", "http://m")).toContain(`-H "X-Auth-Token: $KAKAO_API_TOKEN"`);
    const re = curlSample("redis-enterprise", first("redis-enterprise"), "https://x", "http://m");
    expect(re).toContain(`-u "$RE_USERNAME:$RE_PASSWORD"`);
    expect(re).toContain("--cacert");
    const exo = curlSample("exoscale-dbaas-valkey", first("exoscale-dbaas-valkey"), "https://x", "http://m");
    expect(exo).toContain('import { signExoscaleRequest } from "@managed-redis/exoscale-dbaas-valkey"');
    expect(exo).toContain(`-H "Authorization: $AUTH"`);
  });

  it("quotes any text for the shell", () => {
    expect(shellQuote(`it's "x"`)).toBe(`'it'\\''s "x"'`);
  });
});

// The lint gate must be able to fail: each broken fixture trips it, naming the rule or the example field,
// and the valid fixture passes, so neither result is a foregone conclusion.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";

const tsxCli = path.join(repoRoot, "node_modules/tsx/dist/cli.mjs");
const fixture = (name: string) => path.join(repoRoot, "test/fixtures/specs", name);

function lintSpec(target: string) {
  const result = spawnSync(process.execPath, [tsxCli, path.join(repoRoot, "scripts/lint-spec.ts"), target], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("the spec lint gate", () => {
  it("passes a spec that follows every house rule and whose examples match their schemas", () => {
    const { status, output } = lintSpec(fixture("valid.yaml"));
    expect(output).toContain("0 errors, 0 warnings");
    expect(output).toMatch(/3 examples valid/);
    expect(status).toBe(0);
  });

  it("fails a spec without operationId, 4xx response or property description, naming each rule", () => {
    const { status, output } = lintSpec(fixture("breaks-lint.yaml"));
    expect(status).toBe(1);
    expect(output).toContain("operation-operationId");
    expect(output).toContain("operation-4xx-response");
    expect(output).toContain("rule/schema-property-has-description");
  });

  it("fails a spec whose example breaks its schema, naming the spec, the example and the field", () => {
    const { status, output } = lintSpec(fixture("breaks-example.yaml"));
    expect(status).toBe(1);
    expect(output).toMatch(
      /breaks-example\.yaml: example GET \/widgets\/\{id\} › 200 response › application\/json › running: field \/state must be equal to one of the allowed values: running, stopped/,
    );
  });

  it("fails a spec whose response has no example at all", () => {
    const { status, output } = lintSpec(fixture("breaks-no-example.yaml"));
    expect(status).toBe(1);
    expect(output).toContain("rule/response-has-example");
  });
});

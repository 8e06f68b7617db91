// The release workflow runs the commands the rehearsal tests, with provenance: if one of them changes,
// this fails until the other follows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@managed-redis/tooling/apis";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, unknown>;
}
const workflow = parse(readFileSync(path.join(repoRoot, ".github/workflows/release.yml"), "utf8")) as {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const action = steps.find((step) => step.uses?.startsWith("changesets/action@"));
const scripts = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const rehearsal = readFileSync(path.join(repoRoot, "test/release/rehearsal.test.ts"), "utf8");

describe(".github/workflows/release.yml", () => {
  it("versions and publishes with changesets/action, through the npm scripts the rehearsal runs", () => {
    expect(action, "a changesets/action step").toBeDefined();
    expect(action!.with).toMatchObject({ version: "npm run release:version", publish: "npm run release:publish" });
    for (const script of ["release:version", "release:publish"]) {
      expect(scripts[script], `package.json script ${script}`).toBeDefined();
      expect(rehearsal, `the rehearsal runs ${script}`).toContain(`["run", "${script}"]`);
    }
  });

  it("publishes with provenance: an OIDC token and NPM_CONFIG_PROVENANCE", () => {
    expect(workflow.permissions["id-token"]).toBe("write");
    expect(String(action!.env?.NPM_CONFIG_PROVENANCE)).toBe("true");
  });

  it("installs nothing beyond npm ci, as .ci/run: npm test needs only Node and npm", () => {
    const commands = steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(commands.filter((command) => /\b(apt|apt-get|dpkg|brew|yum|apk)\b/.test(command))).toEqual([]);
    expect(commands).toContain("npm ci");
  });

  it("runs on main, and only after npm test passed", () => {
    expect(workflow.on.push.branches).toEqual(["main"]);
    const testStep = steps.findIndex((step) => step.run === "npm test");
    expect(testStep).toBeGreaterThan(-1);
    expect(testStep).toBeLessThan(steps.indexOf(action!));
  });
});

// The generated methods (packages/<api>/src/generated/methods.ts): one per operation of each bundled spec,
// their TSDoc made of the operation's own text (never a transcription note), and the renderer's handling of
// what the specs do not have today (a deprecated operation, a description that would end the comment).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiNames, repoRoot } from "@managed-redis/tooling/apis";
import { loadBundle, operationsOf, type JsonObject } from "@managed-redis/tooling/bundled-specs";
import { methodModels, methodName, renderMethods } from "@managed-redis/tooling/client-methods";
import { DOCS_SITE_URL, operationFragment } from "@managed-redis/tooling/docs-site";

const generated = (api: string) => readFileSync(path.join(repoRoot, "packages", api, "src", "generated", "methods.ts"), "utf8");

/** Every `x-decision` string anywhere in a document. */
function decisions(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) decisions(item, found);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "x-decision" && typeof value === "string") found.push(value);
      else decisions(value, found);
    }
  }
  return found;
}

describe("generated methods", () => {
  it("has one documented function and one client method per operation, 32 in all", () => {
    let total = 0;
    for (const api of apiNames) {
      const source = generated(api);
      for (const { operation, method, path: template } of operationsOf(loadBundle(api))) {
        const name = methodName(operation.operationId as string);
        expect(source, name).toContain(`export function ${name}(client: OperationClient`);
        expect(source, name).toContain(`callOperation(client, "${method.toUpperCase()}", "${template}", "${operation.operationId}"`);
        expect(source, name).toMatch(new RegExp(`\\n  ${name}\\(args\\??: `));
        expect(source, name).toContain(`@see {@link ${DOCS_SITE_URL}${api}/${operationFragment((operation.tags as string[])[0]!, operation.operationId as string)} |`);
        if (typeof operation.summary === "string") expect(source).toContain(` * ${operation.summary}\n`);
        total += 1;
      }
    }
    expect(total).toBe(32);
  });

  it("names listClusters, createCluster, getDbaasServiceValkey and listLocalServices as the issue does", () => {
    expect(generated("kakaocloud-redis")).toContain("export function listClusters(");
    expect(generated("kakaocloud-redis")).toContain("export function createCluster(");
    expect(generated("exoscale-dbaas-valkey")).toContain("export function getDbaasServiceValkey(");
    expect(generated("redis-enterprise")).toContain("export function listLocalServices(");
  });

  it.each(apiNames)("%s: no transcription note reaches the TSDoc", (api) => {
    const source = generated(api);
    const notes = decisions(loadBundle(api));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(source).not.toContain(note.slice(0, 60));
  });

  it("documents each error status with the class a caller catches", () => {
    const source = generated("kakaocloud-redis");
    const createCluster = source.slice(source.indexOf("export type CreateClusterArgs"), source.indexOf("export function createCluster("));
    expect(createCluster).toContain("@throws {ConflictError} 409");
    expect(createCluster).toContain("@throws {ApiError} 422");
    expect(createCluster).toContain("@throws {ServerError} 500");
    expect(createCluster).not.toContain("404");
  });

  it("renders a deprecated operation, escapes a comment's end and refuses two operations of one name", () => {
    const doc: JsonObject = {
      paths: {
        "/things/{thing-id}": {
          get: {
            operationId: "get-thing",
            tags: ["Things"],
            summary: "Get a thing",
            description: "Matches a/*/b and */ ends nothing.",
            deprecated: true,
            "x-decision": "a note that stays in the spec",
            responses: { "200": { description: "ok" }, "404": { description: "No such thing. Really." } },
          },
        },
      },
    };
    const source = renderMethods("things-api", doc, "// header");
    expect(source).toContain("@deprecated");
    expect(source).toContain("a/*\\/b and *\\/ ends nothing.");
    expect(source).toContain("@throws {NotFoundError} 404: No such thing.");
    expect(source).toContain("export function getThing(client: OperationClient, args: GetThingArgs");
    expect(source).not.toContain("a note that stays");
    expect(methodModels("things-api", doc)[0]).toMatchObject({ name: "getThing", argsRequired: true });
    const clash = { paths: { "/a": { get: { operationId: "get-a", responses: {} } }, "/b": { get: { operationId: "getA", responses: {} } } } };
    expect(() => methodModels("x", clash)).toThrow(/two operations are both named getA/);
  });
});

// The published specs describe the vendors' APIs as they are: nothing a server returns is closed to fields
// it may add, request-only bounds stay on requests, growing value lists stay open, and the text a reader
// sees says what a field is, with the notes on how it was transcribed kept apart (`x-decision`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiNames, repoRoot, type ApiName } from "@managed-redis/tooling/apis";
import { escapePointer as escape, loadBundle, SpecValidator, type JsonObject } from "@managed-redis/tooling/bundled-specs";
import { UsageIndex } from "@managed-redis/tooling/spec-diff/usages";

/** JSON pointers of the schemas that refuse unknown properties and that some response reaches. */
function closedResponseSchemas(doc: JsonObject): string[] {
  const usages = new UsageIndex(doc);
  const found: string[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if ((record.additionalProperties === false || record.unevaluatedProperties === false) && usages.usagesOf(pointer).some((usage) => usage.direction === "response")) {
      found.push(pointer);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== "value" && key !== "example" && key !== "examples") walk(value, `${pointer}/${escape(key)}`);
    }
  };
  walk(doc.paths, "#/paths");
  walk(doc.components, "#/components");
  return found;
}

// "Decision: the document says …", "The document lists only …": how the spec was transcribed, not what a
// field is. Such notes belong in `x-decision`.
const transcriptionNote = /\bDecision:|\bThe document /;

/** Where a `description` (of anything, examples included) carries a transcription note. */
function notesInDescriptions(doc: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "description" && typeof value === "string" && transcriptionNote.test(value)) found.push(`${pointer}/description`);
      if (key !== "value") walk(value, `${pointer}/${escape(key)}`);
    }
  };
  walk(doc, "#");
  return found;
}

const baseline = (api: ApiName) => JSON.parse(readFileSync(path.join(repoRoot, "specs", api, "baseline", "openapi.json"), "utf8")) as JsonObject;

describe("tolerant reader", () => {
  it.each(apiNames)("%s: no schema that a response reaches refuses unknown properties", (api) => {
    expect(closedResponseSchemas(loadBundle(api))).toEqual([]);
  });

  it("the check finds closed response schemas where they are: the strict variant, and the Exoscale release before this one", () => {
    expect(closedResponseSchemas(loadBundle("exoscale-dbaas-valkey", "strict")).length).toBeGreaterThan(10);
    expect(closedResponseSchemas(baseline("exoscale-dbaas-valkey"))).toContain("#/components/schemas/DbaasServiceValkey");
  });
});

describe("user-facing text", () => {
  it.each(apiNames)("%s: no description in the bundle carries a transcription note (Decision:, The document …)", (api) => {
    expect(notesInDescriptions(loadBundle(api))).toEqual([]);
  });

  it("the check finds the notes where they were: the released baselines", () => {
    expect(notesInDescriptions(baseline("exoscale-dbaas-valkey")).length).toBeGreaterThan(10);
    expect(notesInDescriptions(baseline("kakaocloud-redis")).length).toBeGreaterThan(5);
  });

  it.each(apiNames)("%s: the generated client's TSDoc carries no transcription note and no x-decision", (api) => {
    const generated = readFileSync(path.join(repoRoot, "packages", api, "src", "generated", "openapi.ts"), "utf8");
    expect(generated).not.toMatch(transcriptionNote);
    expect(generated).not.toContain("x-decision");
    // The notes exist in the bundle: leaving them out of the TSDoc is the generator's doing.
    expect(JSON.stringify(loadBundle(api))).toContain('"x-decision"');
  });
});

describe("KakaoCloud: backupSchedule as the document has it", () => {
  const kakao = new SpecValidator("kakaocloud-redis");
  const create = kakao.operation("createCluster").requestBodySchemaPointer!;
  const body = {
    name: "c", version: "7.2.11", port: 6379, shardCount: 1, nodeCountPerShard: 2,
    flavorId: "3830ebad-ea2f-4822-8a7d-9e301c86a58d", parameterGroupId: "p",
    subnets: [{ id: "s" }], subnetAssignments: [{ primary: { id: "s" }, replicas: [{ id: "s" }] }], securityGroups: [{ id: "g" }],
  };

  it("createCluster accepts a backupSchedule with only cron, or only retentionLimit", () => {
    expect(kakao.errors(create, { ...body, backupSchedule: { cron: "0 3 * * *" } })).toEqual([]);
    expect(kakao.errors(create, { ...body, backupSchedule: { retentionLimit: 7 } })).toEqual([]);
    // The document's five-field rule still holds for a request.
    expect(kakao.errors(create, { ...body, backupSchedule: { cron: "daily" } })).not.toEqual([]);
  });

  it("a cluster may report a disabled schedule (cron \"\") and values outside the request bounds", () => {
    const cluster = structuredClone(kakao.resolve("#/components/examples/getCluster.instanceSet").value);
    cluster.backupSchedule = { cron: "" };
    cluster.port = 80;
    cluster.shardCount = 20;
    cluster.flavorId = "a1-2-co";
    expect(kakao.errors("#/components/schemas/Cluster", cluster)).toEqual([]);
    expect(kakao.errors(create, { ...body, port: 80 })).not.toEqual([]);
    expect(kakao.errors(create, { ...body, shardCount: 20 })).not.toEqual([]);
    expect(kakao.errors(create, { ...body, flavorId: "a1-2-co" })).not.toEqual([]);
  });

  it("statuses are open: an unlisted one validates", () => {
    expect(kakao.errors("#/components/schemas/Cluster/properties/status", "Upgrading")).toEqual([]);
    expect(kakao.errors("#/components/schemas/Node/properties/status", "Upgrading")).toEqual([]);
  });
});

describe("Exoscale: what the vendor sends", () => {
  const exoscale = new SpecValidator("exoscale-dbaas-valkey");

  it("progress updates whose current, min, max and unit are null validate, alone and in a service", () => {
    const update = { completed: false, phase: "basebackup", current: null, min: null, max: null, unit: null };
    expect(exoscale.errors("#/components/schemas/DbaasNodeStateProgressUpdate", update)).toEqual([]);
    const service = structuredClone(exoscale.resolve("#/components/examples/get-dbaas-service-valkey.running").value);
    service["node-states"][0]["progress-updates"] = [update];
    expect(exoscale.errors("#/components/schemas/DbaasServiceValkey", service)).toEqual([]);
  });

  it("an RFC 9457 problem document validates against every error response, as does a plain message", () => {
    const problem = {
      type: "https://api.exoscale.com/problems/validation",
      title: "Invalid request",
      status: 400,
      detail: "plan: unknown plan startup-999",
      instance: "/v2/dbaas-valkey/my-valkey",
      errors: [{ detail: "unknown plan", location: "$['plan']" }, "a problem as text"],
    };
    for (const status of ["400", "401", "403", "404", "409", "500"]) {
      const pointer = exoscale.responseSchemaPointer(exoscale.operation("create-dbaas-service-valkey"), status) ?? exoscale.responseSchemaPointer(exoscale.operation("update-dbaas-service-valkey"), status);
      expect(pointer, status).toBeDefined();
      expect(exoscale.errors(pointer!, problem), status).toEqual([]);
      expect(exoscale.errors(pointer!, { message: "Service not found" }), status).toEqual([]);
    }
  });

  it("create and update accept `version`, user creation accepts `access-control`", () => {
    expect(exoscale.errors(exoscale.operation("create-dbaas-service-valkey").requestBodySchemaPointer!, { plan: "startup-4", version: "8" })).toEqual([]);
    expect(exoscale.errors(exoscale.operation("update-dbaas-service-valkey").requestBodySchemaPointer!, { version: "8" })).toEqual([]);
    expect(exoscale.errors(exoscale.operation("create-dbaas-valkey-user").requestBodySchemaPointer!, { username: "u", "access-control": { keys: ["cache:*"] } })).toEqual([]);
  });
});

describe("Redis Enterprise: the service status stays open", () => {
  it("a state the document does not list validates in the services list", () => {
    const redis = new SpecValidator("redis-enterprise");
    expect(redis.errors("#/components/schemas/LocalServices", { alert_mgr: { status: "DRAINING" } })).toEqual([]);
    expect(redis.errors("#/components/schemas/LocalServices", { alert_mgr: { status: 3 } })).not.toEqual([]);
  });
});

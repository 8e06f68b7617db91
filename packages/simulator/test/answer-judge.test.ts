// The judge of the simulator's answers (test/support/spec.ts) holds them to the values the spec documents,
// also where a published list is open to values a vendor may add: a status the simulator made up is drift.
import { describe, expect, it } from "vitest";
import { closeOpenEnums, conformanceProblems, responseExample } from "./support/spec.ts";

describe("the answer judge", () => {
  it("refuses a Kakao cluster or node status that the spec's open list does not document, and accepts a documented one", () => {
    const cluster = responseExample("kakaocloud-redis", "getCluster", 200, "cluster");
    expect(conformanceProblems("kakaocloud-redis", "getCluster", { status: 200, headers: {}, body: { ...cluster, status: "Running" } })).toEqual([]);
    const madeUp = conformanceProblems("kakaocloud-redis", "getCluster", { status: 200, headers: {}, body: { ...cluster, status: "Provisioning" } });
    expect(madeUp.join("\n")).toContain("/status must be equal to one of the allowed values (a value the spec does not document)");
  });

  it("refuses a Redis Enterprise service status outside the documented ones", () => {
    const body = { alert_mgr: { status: "BOOTING" } };
    expect(conformanceProblems("redis-enterprise", "listLocalServices", { status: 200, headers: {}, body }).join("\n")).toContain("does not document");
    expect(conformanceProblems("redis-enterprise", "listLocalServices", { status: 200, headers: {}, body: { alert_mgr: { status: "RUNNING" } } })).toEqual([]);
  });

  it("closes only `anyOf` of an enum and any string, leaving other compositions and example values alone", () => {
    const open = { anyOf: [{ type: "string", enum: ["a"] }, { type: "string" }] };
    const doc = {
      components: {
        schemas: {
          Open: open,
          Union: { anyOf: [{ type: "string", enum: ["a"] }, { type: "integer" }] },
          WithExample: { type: "object", example: { anyOf: [{ enum: ["x"] }, { type: "string" }] } },
        },
      },
    };
    const closed = closeOpenEnums(doc);
    expect(closed.components.schemas.Open).toEqual({ anyOf: [{ type: "string", enum: ["a"] }] });
    expect(closed.components.schemas.Union).toEqual(doc.components.schemas.Union);
    expect(closed.components.schemas.WithExample).toEqual(doc.components.schemas.WithExample);
    expect(doc.components.schemas.Open).toBe(open);
    expect(open.anyOf).toHaveLength(2);
  });
});

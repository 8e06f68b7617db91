// The Exoscale spec against Exoscale's own OpenAPI description (the Valkey part of egoscale's
// `v3/generator/source.yaml`, committed in specs/exoscale-dbaas-valkey/vendor/): every vendor operation,
// parameter, field, enum value, bound and nullable flag is in the spec and compatible, and every value the
// vendor's schemas accept (generated from them, extra properties included, plus the examples and defaults
// written in them) validates against the published spec.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "@managed-redis/tooling/apis";
import { listOperations, SpecValidator } from "@managed-redis/tooling/bundled-specs";
import { validValue } from "../contract/lib/schema-arbitrary.ts";
import { VendorConformance } from "./lib/vendor-conformance.ts";

const api = "exoscale-dbaas-valkey";
const vendorFile = path.join(repoRoot, "specs", api, "vendor", "egoscale-valkey.yaml");
const vendor = parse(readFileSync(vendorFile, "utf8"));
const validator = new SpecValidator(api);
const conformance = new VendorConformance(vendor, validator.doc);
const report = conformance.run();
const resolveVendor = (ref: string) => conformance.vendorSchema(ref);
const runs = 60;
const { counts } = report;

describe("the Exoscale spec against the vendor's own description (egoscale source.yaml, Valkey part)", () => {
  it(`has all ${counts.operations} vendor operations and no other, with the vendor's methods and paths`, () => {
    const vendorIds = Object.values<Record<string, { operationId?: string }>>(vendor.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    const ours = listOperations(api, validator.doc).map((operation) => operation.operationId);
    expect(counts.operations).toBe(13);
    expect(ours).toHaveLength(13);
    expect([...ours].sort()).toEqual([...vendorIds].sort());
  });

  it(
    `has every vendor parameter (${counts.parameters}), field (${counts.fields}), enum value (${counts.enumValues}), ` +
      `bound (${counts.bounds}) and nullable flag (${counts.nullable}), each compatible`,
    () => {
      expect(report.problems).toEqual([]);
      // A comparison that looked at nothing would pass on anything.
      expect(counts.fields).toBeGreaterThan(100);
      expect(counts.enumValues).toBeGreaterThan(40);
      expect(counts.bounds).toBeGreaterThan(30);
      expect(counts.nullable).toBeGreaterThan(0);
    },
  );

  it(`accepts the ${report.examples.length} examples and defaults written in the vendor's schemas`, () => {
    expect(report.examples.length).toBeGreaterThan(5);
    const failures = report.examples.flatMap(({ where, pointer, value }) => validator.errors(pointer, value).map((error) => `${where} = ${JSON.stringify(value)}: ${error}`));
    expect(failures).toEqual([]);
  });

  for (const pair of report.operations) {
    const cases = [
      ...pair.parameters.map((parameter) => ({ label: `path parameter ${parameter.name}`, ...parameter })),
      ...(pair.requestBody ? [{ label: "request body", ...pair.requestBody }] : []),
      ...(pair.response ? [{ label: "200 response", ...pair.response }] : []),
    ];
    it(`${pair.operationId}: accepts ${runs} values per schema that the vendor's schemas accept (${cases.map((c) => c.label).join(", ")})`, () => {
      expect(cases.length).toBeGreaterThan(0);
      for (const { label, vendor: schema, oursPointer } of cases) {
        fc.assert(
          fc.property(validValue(schema, resolveVendor, { extraProperties: true }), (value) => {
            expect(validator.errors(oursPointer, value), `${pair.operationId} ${label}: ${JSON.stringify(value)}`).toEqual([]);
          }),
          { numRuns: runs, seed: 20261201 },
        );
      }
    });
  }
});

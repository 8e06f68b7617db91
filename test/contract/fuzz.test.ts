// Property-based: request bodies generated from the specs' schemas, at least 200 valid and 200 invalid per
// API, sent through the generated clients to the mock. Valid ones must get a 2xx, invalid ones a 4xx, none a
// 5xx or a hang (the client's timeout bounds each request), and the mock must still answer at the end.
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { specModules } from "@managed-redis/spec-facts/all";
import { apiNames } from "@managed-redis/tooling/apis";
import { listOperations, SpecValidator, type SpecOperation } from "@managed-redis/tooling/bundled-specs";
import { clientFor } from "./lib/clients.ts";
import { breakages, breakBody, validValue } from "./lib/schema-arbitrary.ts";

const mockUrls = inject("mockUrls");
const bodiesPerApi = 200;
const requestTimeoutMs = 5_000;

/** The spec's example value of each path parameter of an operation. */
function pathParameterExamples(operation: SpecOperation): Record<string, unknown> {
  const facts = specModules[operation.api].facts.operations.find((candidate) => candidate.operationId === operation.operationId);
  return Object.fromEntries((facts?.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => [parameter.name, parameter.example]));
}

for (const api of apiNames) {
  describe(`${api}: generated request bodies`, () => {
    // The published spec: what the default mock accepts and refuses (objects open, as the vendors' APIs).
    const validator = new SpecValidator(api);
    const resolve = (ref: string) => validator.resolve(ref);
    const client = clientFor(api, mockUrls[api]) as any;
    const withBodies = listOperations(api, validator.doc).filter((operation) => operation.requestBodySchemaPointer);
    const runsPerOperation = Math.ceil(bodiesPerApi / withBodies.length);

    async function send(operation: SpecOperation, body: unknown) {
      const { response } = await client[operation.method](operation.path, {
        params: { path: pathParameterExamples(operation) },
        body,
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      return response.status as number;
    }

    it(`accepts ${runsPerOperation * withBodies.length} valid bodies with a 2xx`, async () => {
      let sent = 0;
      for (const operation of withBodies) {
        const pointer = operation.requestBodySchemaPointer!;
        const schema = validator.resolve(pointer);
        await fc.assert(
          fc.asyncProperty(validValue(schema, resolve), async (body) => {
            expect(validator.errors(pointer, body)).toEqual([]);
            const status = await send(operation, body);
            sent++;
            expect(status, `${operation.operationId} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(200);
            expect(status, `${operation.operationId} ${JSON.stringify(body)}`).toBeLessThan(300);
          }),
          { numRuns: runsPerOperation, seed: 20261123 },
        );
      }
      expect(sent).toBeGreaterThanOrEqual(bodiesPerApi);
    }, 120_000);

    it(`rejects ${runsPerOperation * withBodies.length} invalid bodies with a 4xx, never a 5xx`, async () => {
      let sent = 0;
      for (const operation of withBodies) {
        const pointer = operation.requestBodySchemaPointer!;
        const schema = validator.resolve(pointer);
        const broken = fc
          .tuple(validValue(schema, resolve), fc.constantFrom(...breakages(schema, resolve)))
          .map(([valid, breakage]) => ({ breakage, body: breakBody(valid as Record<string, unknown>, breakage, schema, resolve) }));
        await fc.assert(
          fc.asyncProperty(broken, async ({ breakage, body }) => {
            // Only bodies the schema really refuses count as invalid (a wrong type can still match a oneOf).
            // fast-check replaces a run that fc.pre skips with a new value (up to maxSkipsPerRun, else the
            // property fails), so numRuns counts sent bodies only and the seed keeps the count fixed.
            fc.pre(validator.errors(pointer, body).length > 0);
            const status = await send(operation, body);
            sent++;
            const context = `${operation.operationId} ${breakage.kind} ${JSON.stringify(body)}`;
            expect(status, context).toBeGreaterThanOrEqual(400);
            expect(status, context).toBeLessThan(500);
          }),
          { numRuns: runsPerOperation, seed: 20261123 },
        );
      }
      expect(sent).toBeGreaterThanOrEqual(bodiesPerApi);
    }, 120_000);

    it("still answers after the generated traffic", async () => {
      const [first] = listOperations(api, validator.doc).filter((operation) => operation.method === "GET");
      const status = await send(first!, undefined);
      expect(status).toBe(200);
    });
  });
}

// Every operation of the three specs, called through its generated method against the Prism mock, once per
// documented status (selected with `Prefer: code=…`). A success must validate against the operation's
// response schema and give a typed field; an error must reach the caller as the ApiError (its subclass for
// 404/409/429/5xx) naming the operation, with the answer's headers and its body valid against the spec, and,
// through openapi-fetch's `throwOnError`, as the same error found by the path matcher. The mock answers with the specs' own examples, so
// they are judged by the strict variant: a field an example has and its schema does not list is drift.
import { ApiError, createApiError } from "@managed-redis/client-runtime";
import { describe, expect, inject, it } from "vitest";
import { apiNames } from "@managed-redis/tooling/apis";
import { casesByApi } from "./cases/index.ts";
import { listOperations, SpecValidator } from "@managed-redis/tooling/bundled-specs";
import { clientFor } from "./lib/clients.ts";

const mockUrls = inject("mockUrls");

for (const api of apiNames) {
  describe(api, () => {
    const validator = new SpecValidator(api, "strict");
    const client = clientFor(api, mockUrls[api]);
    const throwingClient = clientFor(api, mockUrls[api], { throwOnError: true });
    const cases = casesByApi[api];

    for (const operation of listOperations(api, validator.doc)) {
      const call = cases[operation.operationId];
      for (const status of operation.statuses) {
        const success = status.startsWith("2");
        it(`${operation.operationId} (${operation.method} ${operation.path}) answers a documented ${status}`, async () => {
          if (!call) throw new Error(`no contract case for ${operation.operationId}`);
          const prefer = { Prefer: `code=${status}` };
          const outcome = await call(client, prefer);
          expect(outcome.status).toBe(Number(status));
          const schema = validator.responseSchemaPointer(operation, status);
          if (success) {
            expect(outcome.thrown).toBeUndefined();
            if (schema) {
              expect(validator.errors(schema, outcome.data)).toEqual([]);
              expect(outcome.typedField).toBeDefined();
            }
          } else {
            expect(outcome.data).toBeUndefined();
            expect(outcome.error).toBeDefined();
            if (schema) expect(validator.errors(schema, outcome.error)).toEqual([]);
            const expected = { status: Number(status), method: operation.method, operationId: operation.operationId };
            const subclass = createApiError({ ...expected, path: "" }).constructor;
            expect(outcome.thrown).toBeInstanceOf(subclass);
            expect(outcome.thrown).toMatchObject(expected);
            expect(outcome.thrown?.headers["content-type"]).toMatch(/json/);
            const { thrown } = await call(throwingClient, prefer);
            expect(thrown).toBeInstanceOf(ApiError);
            expect(thrown).toBeInstanceOf(subclass);
            expect(thrown).toMatchObject(expected);
          }
        });
      }
    }
  });
}


// Unknown request fields, through the generated clients: the default mock accepts them, as the vendors' APIs
// do (the published specs leave objects open); a mock started with `strict` (the specs' strict variant)
// refuses them with a 4xx naming the field, and still accepts the same body without it. Every operation
// with a request body is tried with its first documented example.
import { startMock, type RunningMock } from "@managed-redis/mock";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiNames, type ApiName } from "@managed-redis/tooling/apis";
import { listOperations, SpecValidator, type SpecOperation } from "@managed-redis/tooling/bundled-specs";
import { clientFor } from "./lib/clients.ts";

const mockUrls = inject("mockUrls");
const strictMocks = {} as Record<ApiName, RunningMock>;

beforeAll(async () => {
  for (const mock of await Promise.all(apiNames.map((api) => startMock({ api, port: 0, logLevel: "silent", strict: true })))) {
    strictMocks[mock.api] = mock;
  }
});

afterAll(async () => {
  await Promise.all(Object.values(strictMocks).map((mock) => mock.close()));
});

function firstRequestExample(validator: SpecValidator, operation: SpecOperation): Record<string, unknown> {
  const media = validator.doc.paths[operation.path][operation.method.toLowerCase()].requestBody.content["application/json"];
  const [first] = Object.values<{ $ref?: string; value?: unknown }>(media.examples ?? {});
  const example = first?.$ref ? validator.resolve(first.$ref) : first;
  if (!example?.value || typeof example.value !== "object") throw new Error(`${operation.operationId} has no request example`);
  return example.value as Record<string, unknown>;
}

function pathParameters(validator: SpecValidator, operation: SpecOperation): Record<string, unknown> {
  const item = validator.doc.paths[operation.path];
  const values: Record<string, unknown> = {};
  for (const raw of [...(item.parameters ?? []), ...(item[operation.method.toLowerCase()].parameters ?? [])]) {
    const parameter = raw.$ref ? validator.resolve(raw.$ref) : raw;
    if (parameter.in === "path") values[parameter.name] = parameter.example;
  }
  return values;
}

for (const api of apiNames) {
  describe(`${api}: a request field the spec does not list`, () => {
    const validator = new SpecValidator(api, "strict");
    const withBodies = listOperations(api, validator.doc).filter((operation) => operation.requestBodySchemaPointer);

    for (const operation of withBodies) {
      it(`${operation.operationId}: accepted by the default mock, refused by the strict one (naming it), the example alone accepted by both`, async () => {
        const example = firstRequestExample(validator, operation);
        const withTypo = { ...example, notAField: "surprise" };
        expect(validator.errors(operation.requestBodySchemaPointer!, example)).toEqual([]);
        expect(validator.errors(operation.requestBodySchemaPointer!, withTypo)).not.toEqual([]);

        const send = async (baseUrl: string, body: unknown) => {
          const client = clientFor(api, baseUrl) as any;
          const { response, error } = await client[operation.method](operation.path, { params: { path: pathParameters(validator, operation) }, body });
          return { status: (response as Response).status, contentType: (response as Response).headers.get("content-type"), error };
        };
        const lenient = await send(mockUrls[api], withTypo);
        expect(lenient.status, `default mock, ${operation.operationId}`).toBeLessThan(300);

        const refused = await send(strictMocks[api].url, withTypo);
        expect(refused.status, `strict mock, ${operation.operationId}`).toBeGreaterThanOrEqual(400);
        expect(refused.status).toBeLessThan(500);
        expect(refused.contentType).toBe("application/problem+json");
        expect(refused.error).toMatchObject({ detail: expect.stringContaining("found 'notAField'") });

        expect((await send(strictMocks[api].url, example)).status, `strict mock, ${operation.operationId} example`).toBeLessThan(300);
      });
    }
  });
}

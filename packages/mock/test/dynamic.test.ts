import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiNames, startMock, type ApiName, type RunningMock } from "../src/index.ts";
import { credentials, violations } from "./support/requests.ts";
import { examplePath, loadSpec, responseSchemaRef } from "./support/spec.ts";

const mocks = {} as Record<ApiName, RunningMock>;

beforeAll(async () => {
  for (const mock of await Promise.all(apiNames.map((api) => startMock({ api, port: 0, dynamic: true, logLevel: "silent" })))) {
    mocks[mock.api] = mock;
  }
});

afterAll(async () => {
  await Promise.all(Object.values(mocks).map((mock) => mock.close()));
});

const validators = new Map<ApiName, Ajv2020>();
function validatorFor(api: ApiName): Ajv2020 {
  let ajv = validators.get(api);
  if (!ajv) {
    // OpenAPI 3.1 schemas are JSON Schema 2020-12; OpenAPI's own keywords (example, discriminator,
    // x-*) and formats such as int32 are not JSON Schema's, hence strict: false.
    ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    addFormats.default(ajv);
    ajv.addSchema(loadSpec(api), "spec.json");
    validators.set(api, ajv);
  }
  return ajv;
}

const getOperations = apiNames.flatMap((api) =>
  Object.entries(loadSpec(api).paths)
    .filter(([, item]) => item.get)
    .map(([path]) => ({ api, path })),
);

describe("dynamic: true (--dynamic)", () => {
  it.each(getOperations)("$api GET $path: generates data valid against the response schema", async ({ api, path }) => {
    const spec = loadSpec(api);
    const response = await fetch(`${mocks[api].url}${examplePath(spec, path, "get")}`, { headers: credentials[api] });
    expect(response.status).toBe(200);
    expect(violations(response)).toEqual([]);
    const validate = validatorFor(api).compile({ $ref: `spec.json${responseSchemaRef(spec, "get", path, "200")}` });
    const body: unknown = await response.json();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it("differs from the documented example", async () => {
    const [first, second] = await Promise.all(
      [0, 1].map(async () => (await fetch(`${mocks["kakaocloud-redis"].url}/v1/clusters`, { headers: credentials["kakaocloud-redis"] })).json()),
    );
    expect(first).not.toEqual(second);
  });
});

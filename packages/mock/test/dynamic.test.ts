import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiNames, startMock, type ApiName, type RunningMock } from "../src/index.ts";
import { credentials, violations } from "./support/requests.ts";
import { SpecValidator } from "@managed-redis/tooling/bundled-specs";
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

const validators = new Map<ApiName, SpecValidator>();
function validatorFor(api: ApiName): SpecValidator {
  let validator = validators.get(api);
  if (!validator) validators.set(api, (validator = new SpecValidator(api)));
  return validator;
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
    const body: unknown = await response.json();
    expect(validatorFor(api).errors(responseSchemaRef(validatorFor(api), "get", path, "200"), body)).toEqual([]);
  });

  it("differs from the documented example", async () => {
    const [first, second] = await Promise.all(
      [0, 1].map(async () => (await fetch(`${mocks["kakaocloud-redis"].url}/v1/clusters`, { headers: credentials["kakaocloud-redis"] })).json()),
    );
    expect(first).not.toEqual(second);
  });
});

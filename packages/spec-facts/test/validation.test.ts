// The generated validators against the independent judge (Ajv compiling the bundle at run time, as the
// example gate does), and the violations in Prism's words.
import { describe, expect, it } from "vitest";
import { listOperations, SpecValidator } from "@managed-redis/tooling/bundled-specs";
import { apiNames, checkCredentials, createOperationMatcher, describeViolations, loadSpecModule, validateRequest, validateResponse, type RequestToValidate } from "../src/index.js";

const specs = Object.fromEntries(await Promise.all(apiNames.map(async (api) => [api, await loadSpecModule(api)] as const)));

function request(overrides: Partial<RequestToValidate> & { body?: unknown } = {}): RequestToValidate {
  const body = overrides.body;
  const length = body === undefined ? {} : { "content-length": String(JSON.stringify(body).length), "content-type": "application/json" };
  return { pathParams: {}, query: new URLSearchParams(), ...overrides, headers: { ...length, ...overrides.headers }, body };
}

describe.each(apiNames)("%s", (api) => {
  const spec = specs[api]!;
  const judge = new SpecValidator(api);

  it("lists the operations the bundle has, with their methods, paths and statuses", () => {
    const fromBundle = listOperations(api, judge.doc).map(({ operationId, method, path, statuses }) => ({ operationId, method, path, statuses }));
    expect(spec.facts.operations.map(({ operationId, method, path, responses }) => ({ operationId, method, path, statuses: responses.map((response) => response.status) }))).toEqual(fromBundle);
  });

  it("judges every documented example as the bundle's own schemas do", () => {
    let judged = 0;
    for (const operation of spec.facts.operations) {
      const bundleOperation = judge.operation(operation.operationId);
      for (const response of operation.responses) {
        for (const content of response.contents) {
          const pointer = judge.responseSchemaPointer(bundleOperation, response.status)!;
          for (const example of content.examples) {
            expect(judge.errors(pointer, example.value)).toEqual([]);
            const violations = validateResponse(spec, operation, { status: Number(response.status), contentType: content.mediaType, body: example.value });
            expect(violations, `${operation.operationId} ${response.status} ${example.key}`).toEqual([]);
            judged++;
          }
        }
      }
      for (const content of operation.requestBody?.contents ?? []) {
        for (const example of content.examples) {
          expect(judge.errors(bundleOperation.requestBodySchemaPointer!, example.value)).toEqual([]);
          const params = Object.fromEntries(operation.parameters.filter((p) => p.in === "path").map((p) => [p.name, String(p.example ?? "x")]));
          expect(validateRequest(spec, operation, request({ body: example.value, pathParams: params })), `${operation.operationId} request ${example.key}`).toEqual([]);
          judged++;
        }
      }
    }
    expect(judged).toBeGreaterThan(10);
  });

  it("agrees with the bundle's schemas on bodies broken in every way the schema forbids", () => {
    let judged = 0;
    for (const operation of spec.facts.operations) {
      const example = operation.requestBody?.contents[0]?.examples[0]?.value;
      if (!example || typeof example !== "object" || Array.isArray(example)) continue;
      const pointer = judge.operation(operation.operationId).requestBodySchemaPointer!;
      const broken: unknown[] = [[example], { ...example, notAField: 1 }];
      for (const key of Object.keys(example)) {
        const { [key]: _removed, ...rest } = example;
        broken.push(rest, { ...example, [key]: { wrong: true } }, { ...example, [key]: 123456789 }, { ...example, [key]: "not-a-documented-value" });
      }
      const validate = spec.validators[operation.operationId]!.body!["application/json"]!;
      for (const body of broken) {
        expect(validate(body), JSON.stringify(body)).toBe(judge.errors(pointer, body).length === 0);
        judged++;
      }
    }
    expect(judged).toBeGreaterThanOrEqual(10);
  });
});

describe("violations", () => {
  const exoscale = specs["exoscale-dbaas-valkey"]!;
  const kakao = specs["kakaocloud-redis"]!;
  const redisEnterprise = specs["redis-enterprise"]!;
  const operation = (spec: typeof kakao, id: string) => spec.facts.operations.find((candidate) => candidate.operationId === id)!;

  it("name the field and the allowed values, as Prism does", () => {
    const violations = validateRequest(exoscale, operation(exoscale, "update-dbaas-service-valkey"), request({ body: { maintenance: { dow: "funday", time: "03:00:00" } }, pathParams: { name: "my-valkey" } }));
    expect(violations).toEqual([
      { location: ["request", "body", "maintenance", "dow"], severity: "Error", code: "enum", message: "Request body property maintenance.dow must be equal to one of the allowed values: saturday, tuesday, never, wednesday, sunday, friday, monday, thursday" },
    ]);
    expect(describeViolations(violations)).toBe("body.maintenance.dow must be equal to one of the allowed values: saturday, tuesday, never, wednesday, sunday, friday, monday, thursday");
  });

  it("keep the spec's bounds: a KakaoCloud port outside 2000-50000 and a missing name", () => {
    const body = { ...(operation(kakao, "createCluster").requestBody!.contents[0]!.examples[0]!.value as object), port: 50001 } as Record<string, unknown>;
    delete body.name;
    expect(describeViolations(validateRequest(kakao, operation(kakao, "createCluster"), request({ body })))).toBe("body.name is required; body.port must be <= 50000");
  });

  it("read parameters from strings with Prism's coercion, under their own names", () => {
    const deleteCluster = operation(kakao, "deleteCluster");
    const params = { pathParams: { "cluster-id": "c1" } };
    expect(validateRequest(kakao, deleteCluster, request({ ...params, query: new URLSearchParams("keepAutomaticBackups=true") }))).toEqual([]);
    expect(validateRequest(kakao, deleteCluster, request({ ...params, query: new URLSearchParams("keepAutomaticBackups=maybe") }))).toEqual([
      { location: ["request", "query", "keepAutomaticBackups"], severity: "Error", code: "type", message: "Request query parameter keepAutomaticBackups must be boolean" },
    ]);
    expect(validateRequest(exoscale, operation(exoscale, "get-dbaas-service-valkey"), request({ pathParams: { name: "x".repeat(64) } }))).toEqual([
      expect.objectContaining({ location: ["request", "path", "name"], code: "maxLength" }),
    ]);
  });

  it("report a missing required body, and a body of a media type the operation does not take", () => {
    const createCluster = operation(kakao, "createCluster");
    expect(validateRequest(kakao, createCluster, request())).toEqual([{ location: ["request"], severity: "Error", code: "required", message: "Body parameter is required" }]);
    expect(validateRequest(kakao, createCluster, request({ body: "name=x", headers: { "content-type": "text/plain", "content-length": "6" } }))).toEqual([
      { location: ["request"], severity: "Error", code: 415, message: "Supported content types: application/json" },
    ]);
    expect(validateRequest(kakao, operation(kakao, "listClusters"), request({ body: { a: 1 } }))).toEqual([
      { location: ["request"], severity: "Error", code: 415, message: "No supported content types, but request included a non-empty body" },
    ]);
  });

  it("check that credentials are there and well formed, not their value", () => {
    const list = operation(redisEnterprise, "listLocalServices");
    expect(checkCredentials(redisEnterprise, list, request())).toEqual({ location: ["request"], severity: "Error", code: 401, message: "Invalid security scheme used", challenges: ['Basic realm="*"'] });
    expect(checkCredentials(redisEnterprise, list, request({ headers: { authorization: "Basic bm9wYXNzd29yZA==" } }))).toMatchObject({ code: 401 });
    expect(checkCredentials(redisEnterprise, list, request({ headers: { authorization: `Basic ${btoa("a@b.c:any")}` } }))).toBeUndefined();
    const clusters = operation(kakao, "listClusters");
    expect(checkCredentials(kakao, clusters, request({ headers: { "x-auth-token": "" } }))).toMatchObject({ code: 401, challenges: [] });
    expect(checkCredentials(kakao, clusters, request({ headers: { "x-auth-token": "any" } }))).toBeUndefined();
  });

  it("rate an undocumented status as an error for a success and a warning otherwise, and check the media type", () => {
    const list = operation(redisEnterprise, "listLocalServices");
    expect(validateResponse(redisEnterprise, list, { status: 201, contentType: "application/json", body: {} })).toEqual([expect.objectContaining({ severity: "Error", code: "status" })]);
    expect(validateResponse(redisEnterprise, list, { status: 418, contentType: "application/json", body: {} })).toEqual([expect.objectContaining({ severity: "Warning" })]);
    expect(validateResponse(redisEnterprise, list, { status: 200, contentType: "text/html", body: {} })).toEqual([expect.objectContaining({ code: "content-type" })]);
    // The status is an open list (any string), so a number is what breaks it.
    expect(validateResponse(redisEnterprise, list, { status: 200, contentType: "application/json; charset=utf-8", body: { alert_mgr: { status: 42 } } })).toEqual(
      expect.arrayContaining([expect.objectContaining({ location: ["response", "body", "alert_mgr", "status"], severity: "Error" })]),
    );
    expect(validateResponse(redisEnterprise, list, { status: 200, contentType: "application/json", body: { alert_mgr: { status: "DANCING" } } })).toEqual([]);
  });
});

describe("createOperationMatcher", () => {
  it("routes the real API's paths under the server's path only when asked to", () => {
    const facts = specs["exoscale-dbaas-valkey"]!.facts;
    expect(createOperationMatcher(facts).match("GET", "/v2/dbaas-valkey/x")).toEqual({ kind: "not-found" });
    expect(createOperationMatcher(facts, { serverPath: true }).match("GET", "/v2/dbaas-valkey/x")).toMatchObject({ kind: "found", value: { operationId: "get-dbaas-service-valkey" } });
    expect(createOperationMatcher(facts, { serverPath: true }).match("GET", "/dbaas-settings-valkey")).toMatchObject({ value: { operationId: "get-dbaas-settings-valkey" } });
  });
});

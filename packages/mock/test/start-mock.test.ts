import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiNames, MockStartError, mockDefaults, startMock, type ApiName, type RunningMock } from "../src/index.ts";
import { loadSpec, responseExamples } from "./support/spec.ts";
import { credentials, firstGet, violations } from "./support/requests.ts";

const mocks = {} as Record<ApiName, RunningMock>;

beforeAll(async () => {
  for (const mock of await Promise.all(apiNames.map((api) => startMock({ api, port: 0, logLevel: "silent" })))) {
    mocks[mock.api] = mock;
  }
});

afterAll(async () => {
  await Promise.all(Object.values(mocks).map((mock) => mock.close()));
});

function call(api: ApiName, path: string, init: RequestInit & { auth?: boolean } = {}): Promise<Response> {
  const { auth = true, headers, ...rest } = init;
  return fetch(`${mocks[api].url}${path}`, { ...rest, headers: { ...(auth ? credentials[api] : {}), ...(headers as Record<string, string>) } });
}

function postJson(api: ApiName, path: string, body: unknown, method = "POST"): Promise<Response> {
  return call(api, path, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

describe("startMock", () => {
  it("listens on a free port when given port 0 and reports it", () => {
    for (const api of apiNames) {
      expect(mocks[api].port).toBeGreaterThan(0);
      expect(mocks[api].port).not.toBe(mockDefaults[api]);
      expect(mocks[api].url).toBe(`http://127.0.0.1:${mocks[api].port}`);
    }
  });

  it.each(apiNames)("%s: serves the documented example of a GET", async (api) => {
    const response = await call(api, firstGet[api]);
    expect(response.status).toBe(200);
    const examples = Object.values(responseExamples(loadSpec(api), "get", firstGet[api], "200"));
    expect(examples.length).toBeGreaterThan(0);
    expect(await response.json()).toEqual(examples[0]);
    expect(violations(response)).toEqual([]);
  });

  it.each(apiNames)("%s: answers 401 with the documented 401 example when credentials are missing", async (api) => {
    const response = await call(api, firstGet[api], { auth: false });
    expect(response.status).toBe(401);
    const documented = Object.values(responseExamples(loadSpec(api), "get", firstGet[api], "401"));
    expect(documented).toContainEqual(await response.json());
  });

  it("rejects a body whose value is outside an enum with the documented 400 as problem+json naming the field", async () => {
    const response = await postJson("redis-enterprise", "/v1/services", { operation_type: "reboot", services: ["alert_mgr"] });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem).toMatchObject({
      type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
      title: "Invalid request",
      status: 400,
      detail: "body.operation_type must be equal to one of the allowed values: stop, start, restart",
      validation: [{ location: ["request", "body", "operation_type"], code: "enum", message: expect.stringContaining("stop, start, restart") }],
    });
    // Redis Enterprise's error schema keeps its reason in `description`: the typed client shows it.
    expect(problem.description).toBe(problem.detail);
    expect(violations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "operation_type"], code: "enum", message: expect.stringContaining("stop, start, restart") }),
    );
  });

  it("rejects a body missing a required field, naming the field in the problem and in sl-violations", async () => {
    const response = await postJson("redis-enterprise", "/v1/services", { operation_type: "restart" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ detail: "body.services is required", validation: [{ location: ["request", "body"], code: "required" }] });
    expect(violations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body"], code: "required", message: expect.stringContaining("'services'") }),
    );
  });

  it("names a nested field of an Exoscale body in `message`, the field Exoscale's errors use", async () => {
    const response = await postJson("exoscale-dbaas-valkey", "/dbaas-valkey/my-valkey", { plan: "startup-4", maintenance: { dow: "funday", time: "03:00:00" } }, "PUT");
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.message).toMatch(/^body\.maintenance\.dow must be equal to one of the allowed values: .*saturday/);
    expect(problem.message).toBe(problem.detail);
  });

  it("prefers the documented 422 over the 400 when an operation documents both (Prism's order)", async () => {
    const response = await postJson("kakaocloud-redis", "/v1/clusters", {});
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 422, title: "Invalid request" });
    expect(problem.message).toContain("body.name is required");
    expect(violations(response).map((violation) => violation.message)).toContainEqual(expect.stringContaining("'name'"));
  });

  it("still answers the vendor's documented error example when asked for it with Prefer: code=400", async () => {
    const response = await call("redis-enterprise", "/v1/services", {
      method: "POST",
      headers: { "content-type": "application/json", Prefer: "code=400" },
      body: JSON.stringify({ operation_type: "restart", services: ["alert_mgr"] }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.values(responseExamples(loadSpec("redis-enterprise"), "post", "/v1/services", "400"))).toContainEqual(await response.json());
  });

  it("accepts a field the spec does not list, as the vendor's API does", async () => {
    const response = await postJson("exoscale-dbaas-valkey", "/dbaas-valkey/my-valkey", { plan: "hobbyist-2", colour: "blue" });
    expect(response.status).toBe(200);
    expect(violations(response)).toEqual([]);
  });

  it("strict: refuses a field the spec does not list, naming it, and still accepts a valid body", async () => {
    const strict = await startMock({ api: "exoscale-dbaas-valkey", port: 0, logLevel: "silent", strict: true });
    try {
      const send = (body: unknown) =>
        fetch(`${strict.url}/dbaas-valkey/my-valkey`, {
          method: "POST",
          headers: { ...credentials["exoscale-dbaas-valkey"], "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const typo = await send({ plan: "hobbyist-2", maintenance: { dow: "sunday", time: "03:00:00", tme: "x" } });
      expect(typo.status).toBe(400);
      expect(violations(typo)).toContainEqual(expect.objectContaining({ location: ["request", "body", "maintenance"], code: "additionalProperties" }));
      expect((await typo.json()).detail).toContain("found 'tme'");
      expect((await send({ plan: "hobbyist-2", maintenance: { dow: "sunday", time: "03:00:00" } })).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("answers with a documented status chosen by Prefer: code=404", async () => {
    const response = await call("kakaocloud-redis", "/v1/clusters/c-1", { headers: { Prefer: "code=404" } });
    expect(response.status).toBe(404);
    const documented = Object.values(responseExamples(loadSpec("kakaocloud-redis"), "get", "/v1/clusters/{cluster-id}", "404"));
    expect(documented).toContainEqual(await response.json());
  });

  it("answers with each named example chosen by Prefer: example=NAME", async () => {
    const examples = responseExamples(loadSpec("kakaocloud-redis"), "get", "/v1/clusters/{cluster-id}", "200");
    expect(Object.keys(examples)).toContain("instanceSet"); // the name --help uses
    for (const [name, value] of Object.entries(examples)) {
      const response = await call("kakaocloud-redis", "/v1/clusters/c-1", { headers: { Prefer: `example=${name}` } });
      expect(response.status, name).toBe(200);
      expect(await response.json(), name).toEqual(value);
    }
  });

  it("answers 404 problem+json for an example name the spec does not have", async () => {
    const response = await call("kakaocloud-redis", "/v1/clusters/c-1", { headers: { Prefer: "example=no-such-example" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 404 problem+json for a path the spec does not have", async () => {
    const response = await call("exoscale-dbaas-valkey", "/v2/dbaas-valkey/my-valkey");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: expect.stringContaining("NO_PATH_MATCHED") });
  });

  it("answers a CORS preflight from a browser origin", async () => {
    const response = await fetch(`${mocks["kakaocloud-redis"].url}/v1/clusters`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "x-auth-token,content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toContain("x-auth-token");
  });

  it("lets a browser read the answer and its headers, sl-violations included", async () => {
    const response = await call("redis-enterprise", "/v1/local/services", { headers: { origin: "http://localhost:5173" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-expose-headers")).toBe("*");
  });

  it("answers a body that is not JSON with a 400 problem naming where it breaks, and keeps serving", async () => {
    const response = await call("kakaocloud-redis", "/v1/clusters", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ type: expect.stringContaining("INVALID_JSON"), detail: expect.stringContaining("position 1") });
    expect((await call("kakaocloud-redis", firstGet["kakaocloud-redis"])).status).toBe(200);
  });

  it("answers a malformed percent-escape in the path with a 400, and keeps serving", async () => {
    for (const path of ["/v1/clusters/%zz", "/v1/clusters/%", "/v1/clusters/%E0%A4%A"]) {
      const response = await call("kakaocloud-redis", path);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ type: expect.stringContaining("MALFORMED_URL") });
    }
    expect((await call("kakaocloud-redis", firstGet["kakaocloud-redis"])).status).toBe(200);
  });

  it("rejects with EADDRINUSE naming host:port when the port is taken", async () => {
    const { port } = mocks["redis-enterprise"];
    const attempt = startMock({ api: "redis-enterprise", port, logLevel: "silent" });
    await expect(attempt).rejects.toBeInstanceOf(MockStartError);
    await expect(attempt).rejects.toMatchObject({ code: "EADDRINUSE", message: `127.0.0.1:${port} is already in use (redis-enterprise)` });
  });

  it("frees its port on close, and close() may be called twice", async () => {
    const mock = await startMock({ api: "redis-enterprise", port: 0, logLevel: "silent" });
    await mock.close();
    await mock.close();
    await new Promise<void>((resolve, reject) => {
      const server = net.createServer().once("error", reject);
      server.listen(mock.port, "127.0.0.1", () => server.close(() => resolve()));
    });
  });

  it("rejects an unknown API and a port out of range before loading anything", async () => {
    await expect(startMock({ api: "nope" as ApiName })).rejects.toMatchObject({ code: "BAD_OPTION", message: expect.stringContaining("kakaocloud-redis") });
    await expect(startMock({ api: "redis-enterprise", port: 70_000 })).rejects.toMatchObject({ code: "BAD_OPTION" });
    await expect(startMock({ api: "redis-enterprise", specPath: "/nowhere.json" })).rejects.toMatchObject({ code: "SPEC_NOT_FOUND" });
    await expect(startMock({ api: "redis-enterprise", specPath: "/any.json", strict: true })).rejects.toMatchObject({ code: "BAD_OPTION", message: expect.stringContaining("strict") });
  });

  it("passes each log line, formatted, to the log option", async () => {
    const lines: string[] = [];
    const mock = await startMock({ api: "redis-enterprise", port: 0, log: (line) => lines.push(line) });
    try {
      await fetch(`${mock.url}/v1/local/services`);
    } finally {
      await mock.close();
    }
    expect(lines).toContainEqual(expect.stringMatching(/^redis-enterprise {2}error {2}Violation: request .*security/));
  });

  it("logs every request and its status at the info level, and none at error", async () => {
    const lines: string[] = [];
    const verbose = await startMock({ api: "redis-enterprise", port: 0, logLevel: "info", log: (line) => lines.push(line) });
    const quiet = await startMock({ api: "redis-enterprise", port: 0, log: (line) => lines.push(`quiet ${line}`) });
    try {
      for (const mock of [verbose, quiet]) {
        await fetch(`${mock.url}/v1/local/services`, { headers: { authorization: "Basic YTpi" } });
        await fetch(`${mock.url}/nowhere`);
      }
    } finally {
      await Promise.all([verbose.close(), quiet.close()]);
    }
    expect(lines).toEqual(["redis-enterprise  info  GET /v1/local/services 200", "redis-enterprise  info  GET /nowhere 404"]);
  });
});

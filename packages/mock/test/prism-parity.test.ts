// The static mock answers from the spec's generated facts and validators instead of running Prism per
// request; this holds it to Prism's own answers. Plain Prism (its HTTP server, configured as this mock
// used to run it) and the mock get the same requests — every operation, every documented status and
// example, missing credentials, broken bodies, media types, parameters — and must agree on the status,
// the body, the content type, the CORS headers and the violations. Where the mock answers an invalid
// request with a problem document instead of the vendor's fixed error example, the expected answer is
// that document, made from Prism's violations.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specModules } from "@managed-redis/spec-facts/all";
import { apiNames, bundledSpecPath, invalidRequestProblem, startMock, vendorMessageField, type ApiName, type RunningMock } from "../src/index.ts";
import { credentials } from "./support/requests.ts";
import { requestCorpus, type CorpusRequest } from "./support/request-corpus.ts";

interface Seen {
  status: number;
  contentType: string | undefined;
  cors: string | undefined;
  violations: unknown[] | undefined;
  body: unknown;
}

const mocks = {} as Record<ApiName, RunningMock>;
const prisms = {} as Record<ApiName, { url: string; close(): Promise<void> }>;

beforeAll(async () => {
  const [{ createServer }, { getHttpOperationsFromSpec }, { createLogger }] = await Promise.all([
    import("@stoplight/prism-http-server"),
    import("@stoplight/prism-http"),
    import("@stoplight/prism-core"),
  ]);
  for (const api of apiNames) {
    mocks[api] = await startMock({ api, port: 0, logLevel: "silent" });
    const prism = createServer(await getHttpOperationsFromSpec(bundledSpecPath(api)), {
      cors: true,
      components: { logger: createLogger(api, { level: "silent" }) },
      config: { checkSecurity: true, validateRequest: true, validateResponse: false, mock: { dynamic: false }, errors: false, isProxy: false, upstreamProxy: undefined },
    });
    const address = await prism.listen(0, "127.0.0.1");
    prisms[api] = { url: address, close: () => prism.close() };
  }
});

afterAll(async () => {
  await Promise.all([...Object.values(mocks).map((mock) => mock.close()), ...Object.values(prisms).map((prism) => prism.close())]);
});

// node:http rather than fetch: a GET may carry a body here, which fetch refuses to send.
function send(baseUrl: string, request: CorpusRequest): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers, ...(request.body === undefined ? {} : { "content-length": String(Buffer.byteLength(request.body)) }) };
    const outgoing = http.request(new URL(request.path, baseUrl), { method: request.method, headers, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: compared as text
        }
        const violations = response.headers["sl-violations"];
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers["content-type"]?.split(";")[0],
          cors: response.headers["access-control-allow-origin"] as string | undefined,
          violations: typeof violations === "string" ? (JSON.parse(violations) as unknown[]) : undefined,
          body,
        });
      });
    });
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

type PrismViolation = { location: string[]; severity: string; code: string | number; message: string };

const comparable = (violations: unknown[] | undefined) =>
  violations?.map((violation) => {
    const { location, severity, code, message } = violation as PrismViolation;
    return { location, severity, code, message };
  });

/**
 * The one deliberate difference in the answers compared here: Prism names a query parameter in lower
 * case (`keepautomaticbackups`), the mock by its name in the spec; such answers compare without case.
 */
function canonical(seen: Seen): string {
  const text = JSON.stringify(sorted({ ...seen, violations: comparable(seen.violations) }));
  return seen.violations?.some((violation) => (violation as PrismViolation).location[1] === "query") ? text.toLowerCase() : text;
}

/**
 * The mock's edge departs from Prism on purpose in two cases (see the README's "Limits and security"):
 * a page from another site is refused (403, no CORS headers) where Prism echoes its origin, and a body in
 * a media type no operation takes is a 415 where Prism answers the operation's 400/422.
 */
function deliberateDifference(api: ApiName, request: CorpusRequest): Seen | undefined {
  const problem = (status: number, type: string, title: string, detail: string): Seen => ({
    status,
    contentType: "application/problem+json",
    cors: undefined,
    violations: undefined,
    body: { type: `https://stoplight.io/prism/errors#${type}`, title, status, detail, [vendorMessageField[api]]: detail },
  });
  if (request.headers.origin === "http://elsewhere.example") {
    const detail = "the mock accepts browser requests only from pages on this machine (http(s)://localhost, 127.0.0.1, [::1], any port) and from origins given with --cors-origin, not from http://elsewhere.example";
    return problem(403, "FORBIDDEN_ORIGIN", "Forbidden", detail);
  }
  if (request.headers["content-type"] === "text/plain" && request.body !== undefined) {
    return { ...problem(415, "INVALID_CONTENT_TYPE", "Invalid content type", "Supported content types: application/json; the request body is text/plain"), cors: "*" };
  }
  return undefined;
}

/** What the mock answers where Prism answers an invalid request with the vendor's fixed example. */
function expectedFromPrism(api: ApiName, request: CorpusRequest, prism: Seen): Seen {
  const deliberate = deliberateDifference(api, request);
  if (deliberate) return deliberate;
  const asked = /\b(code|example)=/.test(request.headers.prefer ?? "");
  const requestErrors = (prism.violations as PrismViolation[] | undefined)?.filter((violation) => violation.location[0] === "request" && violation.severity === "Error" && violation.code !== 401) ?? [];
  if (prism.status >= 400 && prism.status < 500 && prism.status !== 401 && !asked && requestErrors.length > 0) {
    return { ...prism, contentType: "application/problem+json", body: invalidRequestProblem(api, prism.status, requestErrors as never) };
  }
  const problem = prism.body as { type?: string; validation?: PrismViolation[] } | undefined;
  if (prism.status === 422 && problem?.type?.endsWith("#UNPROCESSABLE_ENTITY") && Array.isArray(problem.validation)) {
    const violations = problem.validation.map((violation) => ({ ...violation, location: ["request", ...violation.location] }));
    return { ...prism, violations: prism.violations ?? violations, body: invalidRequestProblem(api, 422, violations.filter((violation) => violation.code !== 401) as never) };
  }
  return prism;
}

describe.each(apiNames)("%s: the static mock answers as Prism does", (api) => {
  const corpus = requestCorpus(specModules[api].facts, credentials[api]);

  it(`agrees with plain Prism on ${corpus.length} requests`, async () => {
    expect(corpus.length).toBeGreaterThan(100);
    const disagreements: string[] = [];
    for (const request of corpus) {
      const [prism, mock] = await Promise.all([send(prisms[api].url, request), send(mocks[api].url, request)]);
      const expected = expectedFromPrism(api, request, prism);
      if (canonical(mock) !== canonical(expected)) {
        disagreements.push(`${request.name}:\n  Prism ${canonical(expected).slice(0, 500)}\n  mock  ${canonical(mock).slice(0, 500)}`);
      }
    }
    expect(disagreements).toEqual([]);
  }, 60_000);
});

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
  return value;
}

// Hostile requests to one API's mock, generated with fast-check from a fixed seed (the same requests every
// run): broken percent-escapes and long segments in every operation's path and query, odd and malformed
// content types, JSON of any shape, nesting past the limit, invalid JSON and raw bytes, bodies past the
// size limit (announced or chunked), unknown methods, foreign origins and hosts, odd credentials, Prefer
// and Accept values; in stateful mode also control-route inputs out of bounds. None of them is a valid
// write, so the store must be as it was afterwards.
import fc from "fast-check";
import { specModules } from "@managed-redis/spec-facts/all";
import type { ApiName } from "@managed-redis/spec-facts";
import type { HostileRequest } from "./send.ts";

export const credentials: Record<ApiName, Record<string, string>> = {
  "kakaocloud-redis": { "x-auth-token": "gate-token" },
  "exoscale-dbaas-valkey": { authorization: "EXO2-HMAC-SHA256 credential=EXOgate,expires=1700000000,signature=Z2F0ZQ==" },
  "redis-enterprise": { authorization: `Basic ${Buffer.from("gate@example.com:password").toString("base64")}` },
};

const badEscapes = ["%", "%z", "%zz", "%FF", "%C0%AF", "%E2%82", "%ED%A0%80", "%F8%88%80%80%80", "%%41", "%u0041", "%0", "%G1"];
const oddButValid = ["%00", "%2e%2e", "..", ".", "%2F", "%252F", "~", "a%20b", "%E2%82%AC", "-", "_", "x".repeat(300)];

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...badEscapes) },
  { weight: 2, arbitrary: fc.constantFrom(...oddButValid) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 16 }).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...badEscapes), fc.string({ maxLength: 6 }).map(encodeURIComponent)).map(([bad, rest]) => `${rest}${bad}${rest}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 12_000 }).map((length) => "a".repeat(length)) },
);

const contentTypes = [
  ";;;",
  "application/json, text/plain",
  "application/json;;",
  "/json",
  "application/json; charset",
  "application/json; charset=latin1",
  "application/json; charset=utf-8",
  "application/JSON",
  "text/plain",
  "text/html",
  "application/xml",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "application/merge-patch+json",
  "*/*",
  "",
  `application/json; x=${"y".repeat(3000)}`,
];

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "M-SEARCH", "FOO", "get"];
const origins = ["https://evil.example", "null", "http://localhost.evil.example", "http://localhost:5173", "http://127.0.0.1:8080", "file://", "http://[::1]:3000", "javascript:alert(1)"];
const hosts = ["evil.example", "evil.example:80", "localhost.evil.example", "127.0.0.1.nip.io", "[::1", "a b", "", "x".repeat(300)];
const prefers = ["code=abc", "code=99999", "code=404", "code=422", "example=../../etc/passwd", "example=", "dynamic=maybe", "dynamic=true", "code=401, example=x", ";;;", "code=4".repeat(200)];
const accepts = ["application/xml", "*/*;q=abc", "text/html;q=0.9, application/json;q=x", ",,,", "application/json".repeat(200)];

function deep(depth: number, object: boolean): string {
  return object ? `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` : `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

export function mockRequests(api: ApiName, stateful: boolean, count: number, seed: number): HostileRequest[] {
  const operations = specModules[api].facts.operations;
  const auth = credentials[api];
  const operation = fc.constantFrom(...operations);
  const concretePath = (template: string, fill: fc.Arbitrary<string>) =>
    fc.array(fill, { minLength: 8, maxLength: 8 }).map((fills) => {
      let index = 0;
      return template.replace(/\{[^}]+\}/g, () => fills[index++ % fills.length]!);
    });
  // Paths whose parameters are not the seed's ids: a write there is a 404, never a change.
  const pathOf = (op: (typeof operations)[number]) => concretePath(op.path, fc.oneof(segment, fc.constant("gate-no-such-id")));
  const json = { "content-type": "application/json" };

  const urlEncoding = operation.chain((op) => pathOf(op).map((path): HostileRequest => ({ kind: "url-encoding", method: op.method, path, headers: { ...auth } })));
  const query = fc
    .tuple(operation, fc.array(fc.tuple(segment, segment), { minLength: 1, maxLength: 4 }))
    .map(([op, pairs]): HostileRequest => ({ kind: "query", method: op.method, path: `${op.path.replace(/\{[^}]+\}/g, "gate-no-such-id")}?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}`, headers: { ...auth } }));
  const withBody = operations.filter((op) => op.requestBody);
  const bodyOperation = fc.constantFrom(...(withBody.length > 0 ? withBody : operations));
  const contentType = fc
    .tuple(bodyOperation, fc.constantFrom(...contentTypes), fc.json(), fc.boolean())
    .chain(([op, type, body, chunked]) =>
      pathOf(op).map((path): HostileRequest => ({ kind: "content-type", method: op.method, path, headers: { ...auth, "content-type": type }, body: Buffer.from(body), chunked })),
    );
  const jsonBody = fc
    .tuple(bodyOperation, fc.json({ maxDepth: 6 }), fc.boolean())
    .chain(([op, body, chunked]) => pathOf(op).map((path): HostileRequest => ({ kind: "json-body", method: op.method, path, headers: { ...auth, ...json }, body: Buffer.from(body), chunked })));
  const nesting = fc
    .tuple(bodyOperation, fc.constantFrom(65, 100, 1_000, 10_000, 50_000), fc.boolean(), fc.boolean())
    .map(([op, depth, object, chunked]): HostileRequest => ({ kind: "nesting", method: op.method, path: op.path.replace(/\{[^}]+\}/g, "gate-no-such-id"), headers: { ...auth, ...json }, body: Buffer.from(deep(depth, object)), chunked }));
  const invalidJson = fc
    .tuple(bodyOperation, fc.oneof(fc.constantFrom('{"a":', "{'a':1}", "[1,]", "\uFFFF", "NaN", '{"a":1}}', '"\\ud800"'), fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("latin1"))), fc.boolean())
    .map(([op, text, chunked]): HostileRequest => ({ kind: "invalid-json", method: op.method, path: op.path.replace(/\{[^}]+\}/g, "gate-no-such-id"), headers: { ...auth, ...json }, body: Buffer.from(text, "latin1"), chunked }));
  const size = fc
    .tuple(bodyOperation, fc.constantFrom(1024 * 1024 + 1, 10 * 1024 * 1024, 200 * 1024 * 1024, 2 ** 40), fc.boolean())
    .map(([op, length, stream]): HostileRequest =>
      stream && length < 2 * 1024 * 1024
        ? { kind: "size", method: op.method, path: op.path.replace(/\{[^}]+\}/g, "gate-no-such-id"), headers: { ...auth, ...json }, body: Buffer.alloc(length, 0x20), chunked: true }
        : { kind: "size", method: op.method, path: op.path.replace(/\{[^}]+\}/g, "gate-no-such-id"), headers: { ...auth, ...json }, announceOnly: length },
    );
  const method = fc
    .tuple(fc.constantFrom(...methods), operation)
    .chain(([verb, op]) => pathOf(op).map((path): HostileRequest => ({ kind: "method", method: verb, path, headers: { ...auth } })));
  const header = fc
    .tuple(
      operation,
      fc.record({
        origin: fc.option(fc.constantFrom(...origins), { nil: undefined }),
        host: fc.option(fc.constantFrom(...hosts), { nil: undefined }),
        prefer: fc.option(fc.constantFrom(...prefers), { nil: undefined }),
        accept: fc.option(fc.constantFrom(...accepts), { nil: undefined }),
        credentials: fc.constantFrom("none", "valid", "junk", "long"),
        preflight: fc.boolean(),
      }),
    )
    .map(([op, choice]): HostileRequest => {
      const headers: Record<string, string> = {};
      if (choice.credentials === "valid") Object.assign(headers, auth);
      const [authName] = Object.keys(auth) as [string];
      if (choice.credentials === "junk") headers[authName] = "Basic %%%%; EXO2-HMAC-SHA256 credential=,,,";
      if (choice.credentials === "long") headers[authName] = "t".repeat(8_000);
      for (const name of ["origin", "host", "prefer", "accept"] as const) if (choice[name] !== undefined) headers[name] = choice[name]!;
      if (choice.preflight && headers.origin) headers["access-control-request-method"] = "DELETE";
      return { kind: "headers", method: choice.preflight ? "OPTIONS" : op.method, path: op.path.replace(/\{[^}]+\}/g, "gate-no-such-id"), headers };
    });

  const kinds: fc.WeightedArbitrary<HostileRequest>[] = [
    { weight: 5, arbitrary: urlEncoding },
    { weight: 2, arbitrary: query },
    { weight: 3, arbitrary: contentType },
    { weight: 3, arbitrary: jsonBody },
    { weight: 2, arbitrary: nesting },
    { weight: 2, arbitrary: invalidJson },
    { weight: 1, arbitrary: size },
    { weight: 2, arbitrary: method },
    { weight: 4, arbitrary: header },
  ];
  if (stateful) kinds.push({ weight: 4, arbitrary: controlRequests() });
  return fc.sample(fc.oneof(...kinds), { seed, numRuns: count });
}

/** Control-route inputs out of bounds: each must be a 400 (or 404/405/413/415) that changes nothing. */
function controlRequests(): fc.Arbitrary<HostileRequest> {
  const badNumbers = ["1e16", "-1", "NaN", "Infinity", "0x10", "", "1.5", "99999999999999999", "%zz", "1e3", "%205", "--1", "31622400001"];
  const badBodyValues: unknown[] = [1e16, -1, 1.5, 1e17, "5000", null, true, {}, [5], 31_622_400_001];
  const invalidFaultValue = fc.oneof(
    fc.record({ latencyMs: fc.constantFrom(600_000, 1e12, -1, "x", [5, 1], [0, 1e9], null) }),
    fc.record({ retryAfterSeconds: fc.constantFrom(1e21, -1, 3601, "1", 0.5) }),
    fc.record({ times: fc.constantFrom(-1, 1.5, 1e12, "2", true) }),
    fc.record({ errorRate: fc.constantFrom(2, -0.1, "0.5", null, 1e300) }),
    fc.record({ statuses: fc.constantFrom([200], [600], "503", [503.5], Array.from({ length: 50 }, () => 503)) }),
    fc.record({ operations: fc.constantFrom(["noSuchOperation"], "all", [1], [null]) }),
    fc.record({ notAFaultSetting: fc.anything() }),
  );
  const fault = fc
    .tuple(invalidFaultValue, fc.constantFrom("PUT", "POST"), fc.boolean())
    .map(([body, method, chunked]): HostileRequest => ({ kind: "control", method, path: "/__simulator/faults", headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify(body)), chunked }));
  const advance = fc.oneof(
    fc.constantFrom(...badNumbers).map((ms): HostileRequest => ({ kind: "control", method: "POST", path: `/__simulator/advance?ms=${ms}`, headers: {} })),
    fc.constantFrom(...badBodyValues).map((ms): HostileRequest => ({ kind: "control", method: "POST", path: "/__simulator/advance", headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify({ ms })) })),
  );
  const seed = fc.constantFrom("1e300", "abc", "-99999999999", "4294967296", "1.5").map((value): HostileRequest => ({ kind: "control", method: "POST", path: `/__simulator/reset?seed=${value}`, headers: {} }));
  const other = fc
    .tuple(fc.constantFrom("/__simulator", "/__simulator/", "/__simulator/nope", "/__simulator/state/x", "/__simulator/%zz", "/__simulator/faults"), fc.constantFrom("PATCH", "PUT", "TRACE", "FOO"))
    .map(([path, method]): HostileRequest => ({ kind: "control", method, path, headers: { "content-type": "text/plain" }, body: Buffer.from("{}") }));
  const oversized = fc.constant<HostileRequest>({ kind: "control", method: "PUT", path: "/__simulator/faults", headers: { "content-type": "application/json" }, body: Buffer.from(`{"x":"${"y".repeat(100_000)}"}`), chunked: true });
  return fc.oneof(fault, advance, seed, other, oversized);
}

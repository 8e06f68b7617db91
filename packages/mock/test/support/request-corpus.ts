// Requests of every kind for every operation of an API, made from its spec facts: valid ones (the
// documented examples), each documented status and example asked for with `Prefer`, missing or
// malformed credentials, bodies broken in each way, media types, `Accept` headers, parameters out of
// their schema, unknown paths and methods. An operation added to a spec gets its share at once.
import type { ApiFacts, OperationFacts } from "@managed-redis/spec-facts";

export interface CorpusRequest {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function concretePath(operation: OperationFacts, override?: { name: string; value: string }): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (override?.name === name) return override.value;
    const parameter = operation.parameters.find((candidate) => candidate.in === "path" && candidate.name === name);
    return encodeURIComponent(String(parameter?.example ?? "example"));
  });
}

export function requestCorpus(facts: ApiFacts, credentials: Record<string, string>): CorpusRequest[] {
  const corpus: CorpusRequest[] = [];
  for (const operation of facts.operations) {
    const example = operation.requestBody?.contents[0]?.examples[0]?.value;
    const json: Record<string, string> = example === undefined ? {} : { "content-type": "application/json" };
    const base = { method: operation.method, path: concretePath(operation), headers: { ...credentials, ...json }, ...(example === undefined ? {} : { body: JSON.stringify(example) }) };
    const add = (name: string, request: Partial<CorpusRequest> = {}) => corpus.push({ name: `${operation.operationId} ${name}`, ...base, ...request });
    const prefer = (value: string) => ({ headers: { ...base.headers, prefer: value } });

    add("valid");
    add("without credentials", { headers: { ...json } });
    add("with empty credentials", { headers: { ...json, ...Object.fromEntries(Object.keys(credentials).map((name) => [name, ""])) } });
    for (const response of operation.responses) {
      add(`Prefer code=${response.status}`, prefer(`code=${response.status}`));
      for (const content of response.contents) {
        for (const { key } of content.examples) {
          add(`Prefer example=${key}`, prefer(`example=${key}`));
          add(`Prefer code=${response.status}, example=${key}`, prefer(`code=${response.status}, example=${key}`));
        }
      }
    }
    add("Prefer an undocumented code", prefer("code=418"));
    add("Prefer an unknown example", prefer("example=no-such-example"));
    add("Prefer a code that is not a number", prefer("code=abc"));
    add("__code in the query", { path: `${base.path}?__code=404` });
    add("Accept: application/xml", { headers: { ...base.headers, accept: "application/xml" } });
    add("Accept: */*", { headers: { ...base.headers, accept: "*/*" } });
    add("Accept with qualities", { headers: { ...base.headers, accept: "text/html;q=0.9, application/json" } });
    add("HEAD", { method: "HEAD", body: undefined });
    add("OPTIONS without a preflight", { method: "OPTIONS", body: undefined });
    add("an unknown query parameter", { path: `${base.path}?foo=bar` });
    for (const parameter of operation.parameters) {
      if (parameter.in === "query") {
        add(`query ${parameter.name}=maybe`, { path: `${base.path}?${parameter.name}=maybe` });
        add(`query ${parameter.name} empty`, { path: `${base.path}?${parameter.name}=` });
      }
      if (parameter.in === "path") {
        add(`path ${parameter.name} too long`, { path: concretePath(operation, { name: parameter.name, value: "x".repeat(300) }) });
        add(`path ${parameter.name} with escapes`, { path: concretePath(operation, { name: parameter.name, value: "a%20b%2Fc" }) });
      }
    }
    if (operation.requestBody) {
      add("without a body", { headers: { ...credentials }, body: undefined });
      add("without a body, JSON announced", { body: undefined });
      for (const text of ["{}", "[]", "null", '"text"', "42"]) add(`body ${text}`, { body: text });
      add("body as text/plain", { headers: { ...credentials, "content-type": "text/plain" } });
      add("body without a content type", { headers: { ...credentials } });
      add("body as application/json; charset=utf-8", { headers: { ...credentials, "content-type": "application/json; charset=utf-8" } });
      add("body as application/vnd.api+json", { headers: { ...credentials, "content-type": "application/vnd.api+json" } });
      if (example && typeof example === "object" && !Array.isArray(example)) {
        add("body with an unknown property", { body: JSON.stringify({ ...example, notAField: 1 }) });
        for (const key of Object.keys(example)) {
          const { [key]: _removed, ...rest } = example;
          add(`body without ${key}`, { body: JSON.stringify(rest) });
          add(`body with ${key} of another type`, { body: JSON.stringify({ ...example, [key]: typeof example[key] === "object" ? 7 : { x: 1 } }) });
          add(`body with ${key} not one of its values`, { body: JSON.stringify({ ...example, [key]: "not-a-documented-value" }) });
        }
        add("invalid body without credentials", { headers: { ...json }, body: "{}" });
        add("invalid body, Prefer code=400", { ...prefer("code=400"), body: "{}" });
        add("invalid body, Prefer an unknown example", { ...prefer("example=no-such-example"), body: "{}" });
      }
    } else if (operation.method !== "GET" && operation.method !== "DELETE") {
      add("with a body it does not take", { headers: { ...credentials, "content-type": "application/json" }, body: '{"a":1}' });
    }
    if (operation.method === "GET") add("GET with a body", { headers: { ...credentials, "content-type": "application/json" }, body: '{"a":1}' });
  }
  const first = facts.operations[0]!;
  const firstPath = concretePath(first);
  corpus.push({ name: "an unknown path", method: "GET", path: "/nowhere", headers: { ...credentials } });
  corpus.push({ name: "another method on a known path", method: "TRACE", path: firstPath, headers: { ...credentials } });
  corpus.push({ name: "a preflight", method: "OPTIONS", path: firstPath, headers: { origin: "http://localhost:3000", "access-control-request-method": "POST", "access-control-request-headers": "x-a,content-type" } });
  corpus.push({ name: "a request from another origin", method: first.method, path: firstPath, headers: { ...credentials, origin: "http://elsewhere.example" } });
  return corpus;
}

// What only Prism does here: generate data from a schema (`--dynamic`, `Prefer: dynamic=true`, and a
// documented answer that has a schema but no example). Prism's HTTP layer (`createInstance` of
// @stoplight/prism-http) is loaded on first use: importing it takes about two seconds, which a mock that
// answers from the spec's examples never pays.
import type { ApiName } from "../apis.js";
import { problem, ProblemError, problemTypeBase, type ProblemTemplate } from "../problems.js";
import type { MockAnswer, MockRequest } from "./answer.js";

export interface PrismGenerator {
  /** Prism's mock answer to a request it may assume valid, with data generated from the schemas. */
  generate(request: MockRequest, options: { code?: number; example?: string; seed?: string; dynamic: boolean }): Promise<MockAnswer>;
}

export function createPrismGenerator(api: ApiName, specPath: string): PrismGenerator {
  let instance: Promise<(request: MockRequest, config: Record<string, unknown>) => Promise<MockAnswer>> | undefined;
  const load = async () => {
    const [{ createInstance, getHttpOperationsFromSpec }, { createLogger }] = await Promise.all([import("@stoplight/prism-http"), import("@stoplight/prism-core")]);
    const operations = await getHttpOperationsFromSpec(specPath);
    const logger = createLogger(api, { level: "silent" });
    // The request was routed and judged already (credentials, parameters, body): Prism only mocks.
    const prism = createInstance(
      { checkSecurity: false, validateRequest: false, validateResponse: false, errors: false, isProxy: false, upstreamProxy: undefined, mock: { dynamic: true } },
      { logger },
    );
    return async (request: MockRequest, config: Record<string, unknown>): Promise<MockAnswer> => {
      const query: Record<string, string | string[]> = {};
      for (const key of new Set(request.query.keys())) {
        const values = request.query.getAll(key);
        query[key] = values.length === 1 ? values[0]! : values;
      }
      const input = {
        method: request.method.toLowerCase() as "get",
        url: { path: request.path, query },
        headers: request.headers as Record<string, string>,
        body: request.body,
      };
      const outcome = await prism.request(input, operations, { checkSecurity: false, validateRequest: false, validateResponse: false, errors: false, isProxy: false, upstreamProxy: undefined, mock: config as { dynamic: boolean } })();
      if (outcome._tag === "Left") throw fromPrismError(outcome.left);
      const { statusCode, headers = {}, body } = outcome.right.output;
      const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type")?.[1];
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() !== "content-type" && value !== null && value !== undefined) out[name.toLowerCase()] = String(value);
      if (contentType) out["content-type"] = String(contentType);
      return { status: statusCode, headers: out, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) };
    };
  };
  return {
    async generate(request, options) {
      const answer = await (instance ??= load());
      return answer(request, { dynamic: options.dynamic, ...(options.code !== undefined ? { code: options.code } : {}), ...(options.example !== undefined ? { exampleKey: options.example } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
    },
  };
}

/** Prism's own problems (a `ProblemJsonError`: its type URL as `name`, its title as `message`) as ours. */
function fromPrismError(error: Error & { status?: number; detail?: string; additional?: Record<string, unknown> }): Error {
  if (typeof error.status !== "number" || !error.name.startsWith(problemTypeBase)) return error;
  const template: ProblemTemplate = { type: error.name.slice(problemTypeBase.length), title: error.message, status: error.status };
  const { headers, ...fields } = error.additional ?? {};
  return problem(template, error.detail ?? "", { fields, ...(headers ? { headers: headers as Record<string, string> } : {}) });
}

export { ProblemError };

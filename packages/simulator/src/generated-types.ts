// The shape of the modules that scripts/generate-seed.ts writes to src/generated/.

export interface GeneratedRoute {
  /** The operationId, as in the spec. */
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The path template as in the spec, e.g. `/v1/clusters/{cluster-id}`. */
  path: string;
  /** Every status code the spec documents for this operation. */
  statuses: number[];
}

export interface GeneratedApi {
  routes: GeneratedRoute[];
  /** Every named example of every success response, keyed `<operationId>.<example name>`. */
  examples: Record<string, unknown>;
  /** The first documented example body of each error status. */
  errorExamples: Record<string, unknown>;
  /** The server variables of the spec (e.g. Exoscale's `zone` with its default and enum). */
  serverVariables: Record<string, unknown>;
  /** `default:` keywords of schema properties, per schema name. */
  schemaDefaults: Record<string, Record<string, unknown>>;
}

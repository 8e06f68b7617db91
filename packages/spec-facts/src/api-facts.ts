// The shape of the module the generator writes for each API (src/generated/<api>/): what the bundled spec
// says, as data the mock, the simulator, the MSW mount, the docs, the tests and the bench read instead of
// walking the document themselves, and the spec's schemas compiled into validators.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ServerFacts {
  url: string;
  description?: string;
  variables: Record<string, { default: string; enum?: string[]; description?: string }>;
}

/** A security scheme of the document's `components.securitySchemes`. */
export interface SecuritySchemeFacts {
  type: string;
  /** apiKey: where the key travels and under which name. */
  in?: string;
  parameterName?: string;
  /** http: basic, bearer, … */
  scheme?: string;
  bearerFormat?: string;
  description?: string;
}

export interface ParameterFacts {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  /** The schema's type, for deserializing (`array` values are split). */
  type?: string;
  style?: string;
  explode?: boolean;
  example?: JsonValue;
}

export interface ExampleFacts {
  key: string;
  value: JsonValue;
}

export interface ContentFacts {
  mediaType: string;
  hasSchema: boolean;
  /** The named examples in the document's order (an `example` counts as one named "default"). */
  examples: ExampleFacts[];
}

export interface ResponseFacts {
  /** As the spec writes it: "200", "4XX", "default". */
  status: string;
  description?: string;
  contents: ContentFacts[];
}

export interface OperationFacts {
  operationId: string;
  /** Upper case. */
  method: string;
  path: string;
  summary?: string;
  tags: string[];
  deprecated: boolean;
  /**
   * Alternatives (any one suffices), each the names of schemes in `ApiFacts.securitySchemes` that must all
   * be satisfied; [] = none.
   */
  security: string[][];
  parameters: ParameterFacts[];
  requestBody?: { required: boolean; contents: ContentFacts[] };
  /** In the document's order. */
  responses: ResponseFacts[];
}

export interface ApiFacts {
  api: string;
  title: string;
  version: string;
  summary?: string;
  description?: string;
  servers: ServerFacts[];
  /** The first server's URL with each variable at its default, e.g. `https://api-ch-gva-2.exoscale.com/v2`. */
  defaultServerUrl: string;
  /**
   * The path of the first server's URL (`/v2` for Exoscale, "" otherwise): the real API serves each path
   * below it, Prism and the mock serve the paths without it.
   */
  serverPathPrefix: string;
  securitySchemes: Record<string, SecuritySchemeFacts>;
  /** The document's top-level security requirements, as `OperationFacts.security` (operations may override them). */
  security: string[][];
  /**
   * The field of the API's error body that carries the human-readable reason (`message`, `description`):
   * where a mock writes its explanation so that the typed clients' ApiError shows it.
   */
  errorMessageField?: string;
  operations: OperationFacts[];
  /**
   * The values of every enum of the component schemas, keyed by schema (`DbaasMaintenanceDow`) and by
   * schema and property (`DbaasServiceMaintenance.dow`, following `$ref`s and compositions). For an open
   * list (`anyOf: [{ enum }, { type: string }]`) these are its known values: the validators, not this
   * table, decide what a value may be.
   */
  enums: Record<string, JsonValue[]>;
  /** `default` keywords of component schema properties, per schema: what a server fills in. */
  schemaDefaults: Record<string, Record<string, JsonValue>>;
  /**
   * The numeric and size bounds of component schemas and their properties, keyed like `enums`
   * (`CreateClusterRequest.shardCount`): for behaviour that follows a bound (a cluster's last shard).
   */
  bounds: Record<string, SchemaBounds>;
}

export interface SchemaBounds {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** An Ajv validator compiled by the generator (standalone): true when valid, errors in `.errors`. */
export interface CompiledValidator {
  (data: unknown, context?: { instancePath?: string; parentData?: unknown; parentDataProperty?: string | number; rootData?: unknown }): boolean;
  errors?: AjvError[] | null;
}

/** The fields of an Ajv error that violations are made of. */
export interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export interface OperationValidators {
  /** Parameters by location, each an object of the declared parameters (values coerced from strings). */
  path?: CompiledValidator;
  query?: CompiledValidator;
  header?: CompiledValidator;
  /** The request body, by media type. */
  body?: Record<string, CompiledValidator>;
  /** Response bodies by status as the spec writes it, then media type. */
  responses: Record<string, Record<string, CompiledValidator>>;
}

/** What the generator writes per API: the facts and the validators of every operation, by operationId. */
export interface SpecModule {
  facts: ApiFacts;
  validators: Record<string, OperationValidators>;
}

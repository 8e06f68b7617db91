// The runtime behind the clients' generated methods (one per operation, `src/generated/methods.ts` in each
// client): it turns `getCluster({ clusterId }, { signal })` into openapi-fetch's
// `GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": clusterId } }, signal })`, and the result
// into the success body or a thrown ApiError. The types turn the generated `operations` of a spec into the
// methods' argument and result types.
import type { FetchResponse, HeadersOptions, RequestBodyOption } from "openapi-fetch";
import { InvalidOptionError } from "./invalid-option-error.js";
import { dataOrThrow, type FetchResult } from "./unwrap.js";

type Media = `${string}/${string}`;

/** `cluster-id` → `clusterId`, `service_name` → `serviceName`: how a path parameter is named in a method's arguments. */
export type CamelCase<Name extends string> = Name extends `${infer Head}${"-" | "_"}${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : Name;

type PathParameters<Operation> = Operation extends { parameters: { path: infer Path } } ? Path : never;

/** The path parameters of an operation, by their camelCased names. */
export type PathArgs<Operation> = [PathParameters<Operation>] extends [never]
  ? unknown
  : { [Name in keyof PathParameters<Operation> & string as CamelCase<Name>]: PathParameters<Operation>[Name] };

/** `query`, as the spec's parameters name it; optional when every query parameter is. */
export type QueryArgs<Operation> = Operation extends { parameters: { query: infer Query } }
  ? { query: Query }
  : Operation extends { parameters: { query?: infer Query } }
    ? [NonNullable<Query>] extends [never]
      ? unknown
      : { query?: NonNullable<Query> }
    : unknown;

/**
 * The one argument of an operation's method: its path parameters camelCased at the top level, `query` and
 * `body` as openapi-fetch names them (`getNode({ clusterId, shardId, nodeId })`,
 * `createCluster({ body })`, `deleteCluster({ clusterId, query: { keepAutomaticBackups: true } })`).
 */
export type OperationArgs<Operation> = PathArgs<Operation> & QueryArgs<Operation> & RequestBodyOption<Operation>;

type Outcome<Operation> = Operation extends Record<string | number, any> ? FetchResponse<Operation, {}, Media> : never;

/** What an operation's method resolves to: its documented success body (`undefined` for one without a body). */
export type OperationData<Operation> =
  Exclude<Extract<Outcome<Operation>, { error?: never }>["data"], undefined> extends infer Data
    ? [Data] extends [never]
      ? undefined
      : Data
    : never;

/** The body of an operation's documented error answers (the `body` of its ApiError). */
export type OperationErrorBody<Operation> = Extract<Outcome<Operation>, { data?: never }>["error"];

/** The second argument of every method: what a single call may change. */
export interface MethodOptions {
  /** Cancels the call (and its retries); the method rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call (the client sets the credentials). */
  headers?: HeadersOptions | undefined;
}

/**
 * A method's result: a Promise of the success body, which also gives the raw `Response` for those who need
 * its headers: `const { data, response } = await kakao.getCluster({ clusterId }).withResponse()`. Both
 * reject with the same ApiError when the API answers with an error status.
 */
export interface MethodPromise<Data> extends Promise<Data> {
  withResponse(): Promise<{ data: Data; response: Response }>;
}

interface Sender {
  [method: string]: unknown;
}

const noop = () => {};

/** `cluster-id` → `clusterId` (the same rule as the `CamelCase` type). */
export function camelCase(name: string): string {
  return name.replace(/[-_]+([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Calls one operation through an openapi-fetch client (`client.GET`, `client.POST`, …). A path parameter that
 * is missing or empty rejects before any request, with an InvalidOptionError naming the argument.
 */
export function callOperation(
  client: object,
  method: string,
  template: string,
  operationId: string,
  args?: object,
  init?: MethodOptions,
): MethodPromise<unknown> {
  let result: Promise<FetchResult>;
  try {
    const values = (args ?? {}) as { query?: unknown; body?: unknown; [name: string]: unknown };
    const path: Record<string, unknown> = {};
    for (const [, name] of template.matchAll(/\{([^}]+)\}/g)) {
      const argument = camelCase(name!);
      const value = values[argument];
      if (value === undefined || value === null || String(value).trim() === "") {
        throw new InvalidOptionError(argument, `${operationId} (${method} ${template}) needs a non-empty \`${argument}\``);
      }
      path[name!] = value;
    }
    const send = (client as Sender)[method] as (path: string, init: object) => Promise<FetchResult>;
    result = send.call(client, template, {
      ...init,
      params: { path, query: values.query },
      ...(values.body !== undefined ? { body: values.body } : {}),
    });
  } catch (error) {
    result = Promise.reject(error);
  }
  const data = result.then((outcome) => dataOrThrow(outcome, operationId, method)) as MethodPromise<unknown>;
  data.withResponse = () => {
    // The caller reads this promise instead: the data promise's rejection is theirs through it.
    data.catch(noop);
    return result.then((outcome) => ({ data: dataOrThrow(outcome, operationId, method), response: outcome.response }));
  };
  return data;
}

/**
 * The methods of a client: each standalone operation function bound to `client`. The generated interface
 * of each client types (and documents) the result.
 */
export function bindOperations<Methods>(client: object, operations: Record<string, (client: never, args: never, init?: MethodOptions) => unknown>): Methods {
  const methods: Record<string, unknown> = {};
  for (const name in operations) {
    const operation = operations[name]! as (client: object, args?: unknown, init?: MethodOptions) => MethodPromise<unknown>;
    methods[name] = (args?: unknown, init?: MethodOptions) => operation(client, args, init);
  }
  return methods as Methods;
}

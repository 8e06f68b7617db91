// What a vendor folder gives the simulator: its spec, its state, one typed handler per operation of the
// spec, its error body and its dump. The handler types come from the spec's generated types (the
// openapi-typescript `operations` of the API's client package), so a handler reads the request body the
// spec describes and must answer a body the spec describes: a renamed field breaks the build.
import type { SpecModule } from "@managed-redis/spec-facts";
import type { Random } from "./random.ts";
import type { SimulatorDelays, SimulatorLimits } from "./types.ts";

/** What the simulator gives a vendor folder. */
export interface ApiContext {
  now(): number;
  random: Random;
  delays: SimulatorDelays;
  limits: SimulatorLimits;
  /** When the store was last seeded (the start, or the last reset). */
  seededAt: number;
}

type JsonContent<T> = T extends { content: { "application/json": infer Body } } ? Body : undefined;
type Parameters<Op, Location extends string> = Op extends { parameters: { [L in Location]?: infer P } } ? ([P] extends [never] ? Record<string, never> : NonNullable<P>) : Record<string, never>;

/** The request body an operation takes (undefined when it takes none). */
export type RequestBody<Op> = Op extends { requestBody?: infer Body } ? JsonContent<NonNullable<Body>> : undefined;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type SuccessStatus<Op> = Extract<keyof Responses<Op>, 200 | 201 | 202 | 204>;

/** What a handler answers: one of the operation's documented successes, its body as documented. */
export type Answer<Op> = {
  [Status in SuccessStatus<Op>]: { status: Status; body: JsonContent<Responses<Op>[Status]>; headers?: Record<string, string> };
}[SuccessStatus<Op>];

/** A request after validation: parameters coerced to their types, the body valid against its schema. */
export interface HandlerCall<Op> {
  operationId: string;
  params: Parameters<Op, "path">;
  query: Parameters<Op, "query">;
  /** Every header of the request, names in lower case (the Exoscale zone comes from `host`). */
  headers: Record<string, string | undefined>;
  body: RequestBody<Op>;
}

/**
 * Handlers are synchronous: no other request runs between a call and its answer, so none interleaves.
 * The handler of a read (GET) changes nothing, draws nothing from `random`, and answers from the store, the
 * call and `now()` alone: the simulator answers the same read at the same instant, with no other call in
 * between, from what it answered before (read-cache.ts). Every other handler may change the store.
 */
export type Handler<State, Op> = (state: State, call: HandlerCall<Op>, context: ApiContext) => Answer<Op>;

export interface ApiModule<State, Operations> {
  spec: SpecModule;
  createState(context: ApiContext): State;
  /** One handler per operation of the spec, by operationId. */
  handlers: { [OperationId in keyof Operations]: Handler<State, Operations[OperationId]> };
  /** The vendor's error body for a problem. */
  errorBody(problem: { status: number; detail: string; code: string }): unknown;
  /** The store as the API would show it now, JSON-serialisable. */
  dump(state: State, context: ApiContext): unknown;
}

/** A vendor folder as the core sees it: its state and operations are the folder's own business. */
export interface AnyApiModule {
  spec: SpecModule;
  createState(context: ApiContext): unknown;
  handlers: Record<string, (state: unknown, call: HandlerCall<unknown>, context: ApiContext) => { status: number; body: unknown; headers?: Record<string, string> }>;
  errorBody(problem: { status: number; detail: string; code: string }): unknown;
  dump(state: unknown, context: ApiContext): unknown;
}

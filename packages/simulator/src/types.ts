import type { ApiName, SpecModule } from "@managed-redis/spec-facts";
import type { Clock } from "./clock.ts";
import type { FaultSettings, SimulatorDelays, SimulatorLimits } from "./options.ts";

export { apiNames as API_NAMES, type ApiName } from "@managed-redis/spec-facts";
export * from "./options.ts";

type HeaderValue = string | readonly string[] | undefined;

/** A request, framework-free: what a node:http server or an MSW handler turns its request into. */
export interface SimRequest {
  method: string;
  /**
   * The path, e.g. `/v1/clusters/abc`. Exoscale paths may keep or drop the `/v2` of the server URL.
   * A query string on the path (`/v1/clusters?parameterGroupId=x`) is read as well.
   */
  path: string;
  query?: Record<string, HeaderValue> | URLSearchParams;
  /** Header names in any case. */
  headers?: Record<string, HeaderValue>;
  /** The parsed JSON body, or undefined when there is none. */
  body?: unknown;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  /** The JSON body, or undefined for an empty body. */
  body: unknown;
}

export interface SimulatorOptions {
  api: ApiName;
  /** Seeds the PRNG of every generated value. Default 1. */
  seed?: number;
  delays?: Partial<SimulatorDelays>;
  /** Real time by default; pass `createManualClock()` for a clock that moves only with `advance(ms)`. */
  clock?: Clock;
  limits?: Partial<SimulatorLimits>;
  faults?: Partial<FaultSettings>;
  /** How injected latency waits; `setTimeout` by default (tests may replace it). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Check every answer against the spec (documented status, body valid against its schema); one that
   * breaks it becomes a 500 problem naming the field, so a simulator bug cannot pass as an API answer.
   * The stateful mock and the MSW handlers turn it on. Default false.
   */
  validateAnswers?: boolean;
  /**
   * The spec module whose validators check requests and (with `validateAnswers`) answers: by default the
   * API's published spec; the stateful mock passes its strict variant with `--strict`
   * (`@managed-redis/spec-facts/strict/<api>`). Its facts must be the API's own.
   */
  spec?: SpecModule;
}

export interface SimulatorState {
  api: ApiName;
  seed: number;
  /** The simulator's current time (its clock plus every `advance`). */
  now: string;
  faults: FaultSettings;
  /** The store, as the vendor's API would show it now. */
  resources: unknown;
}

export interface SimulatorControl {
  /** Back to the seed data, with a fresh PRNG (the same seed unless one is given) and no faults. */
  reset(options?: { seed?: number }): void;
  /** Moves the simulator's time forward by `ms` milliseconds; returns the new time. */
  advance(ms: number): string;
  /** The simulator's current time, in milliseconds since the epoch. */
  now(): number;
  /** The whole store, JSON-serialisable. */
  dump(): SimulatorState;
  /** Merges into the current fault settings and returns them. */
  setFaults(faults: Partial<FaultSettings>): FaultSettings;
  /** Back to no faults. */
  clearFaults(): FaultSettings;
}

/** One operation the simulator serves, from the spec. */
export interface SimulatorRoute {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The path template as in the spec, e.g. `/v1/clusters/{cluster-id}`. */
  path: string;
  /** Every status code the spec documents for this operation. */
  statuses: number[];
}

export interface Simulator {
  readonly api: ApiName;
  /** Answers a vendor call (or a control route under `/__simulator/`). Never rejects. */
  handle(request: SimRequest): Promise<SimResponse>;
  readonly control: SimulatorControl;
  /** The operations this simulator serves, from the spec. */
  readonly routes: readonly SimulatorRoute[];
}

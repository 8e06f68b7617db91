import type { Clock } from "./clock.ts";
import type { GeneratedApi } from "./generated-types.ts";
import type { Lifecycle } from "./lifecycle.ts";
import type { Random } from "./random.ts";

export type ApiName = "kakaocloud-redis" | "exoscale-dbaas-valkey" | "redis-enterprise";

export const API_NAMES: readonly ApiName[] = ["kakaocloud-redis", "exoscale-dbaas-valkey", "redis-enterprise"];

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

/**
 * How long each change in progress lasts, in milliseconds of the simulator's clock. Short by default,
 * so that a demo shows every state; 0 makes a change instant.
 */
export interface SimulatorDelays {
  /** Kakao `Creating` → `Running`; Exoscale `rebuilding` → `running` after a create. Default 5000. */
  provision: number;
  /** Kakao `Modifying` → `Running` after an update or a parameter-group retry; Exoscale `rebalancing` → `running` after a plan change. Default 3000. */
  modify: number;
  /** Kakao `Scaling(horizontal)` → `Running` after a shard or replica is added or removed, and new nodes `Creating` → `Running`. Default 4000. */
  scale: number;
  /** Exoscale `rebuilding` → `running` while pending updates are installed (maintenance start). Default 3000. */
  maintenance: number;
  /** Exoscale: a data migration's duration when nobody stops it. Default 30000. */
  migration: number;
  /** Exoscale: an Operation's `pending` → `success` for changes that have no state of their own (users, passwords, delete). Default 1000. */
  operation: number;
  /** Redis Enterprise `STARTING` → `RUNNING`. Default 2000. */
  serviceStart: number;
  /** Redis Enterprise `RESTARTING` → `RUNNING`. Default 3000. */
  serviceRestart: number;
}

export const DEFAULT_DELAYS: SimulatorDelays = {
  provision: 5000,
  modify: 3000,
  scale: 4000,
  maintenance: 3000,
  migration: 30000,
  operation: 1000,
  serviceStart: 2000,
  serviceRestart: 3000,
};

/** Caps on stored resources; past a cap, a create answers a documented error (see the README). */
export interface SimulatorLimits {
  /** Kakao clusters and instance sets. Default 1000. */
  clusters: number;
  /** Kakao nodes in one shard. Default 20. */
  nodesPerShard: number;
  /** Exoscale services. Default 1000. */
  services: number;
  /** Exoscale users of one service. Default 100. */
  usersPerService: number;
  /** Exoscale operations kept for `dump()`; the oldest are dropped. Default 1000. */
  operations: number;
}

export const DEFAULT_LIMITS: SimulatorLimits = {
  clusters: 1000,
  nodesPerShard: 20,
  services: 1000,
  usersPerService: 100,
  operations: 1000,
};

export interface FaultSettings {
  /** Added before every vendor call: a fixed delay, or `[min, max]` drawn from the seeded PRNG. 0 by default. */
  latencyMs: number | [number, number];
  /** The share of vendor calls, from 0 to 1, answered with an injected error. 0 by default. */
  errorRate: number;
  /**
   * The statuses to inject, drawn in turn from those the operation documents (default `[500, 503, 429]`).
   * An operation that documents none of them gets its documented 5xx; one without any is never faulted,
   * so every injected answer stays valid against the spec.
   */
  statuses: number[];
  /** The `Retry-After` header of injected errors, in seconds. Default 1. */
  retryAfterSeconds: number;
  /** Limit faults to these operationIds; every operation when empty. */
  operations: string[];
}

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  statuses: [500, 503, 429],
  retryAfterSeconds: 1,
  operations: [],
};

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

export interface Simulator {
  readonly api: ApiName;
  /** Answers a vendor call (or a control route under `/__simulator/`). Never rejects. */
  handle(request: SimRequest): Promise<SimResponse>;
  readonly control: SimulatorControl;
  /** The operations this simulator serves, from the spec. */
  readonly routes: GeneratedApi["routes"];
}

/** What a handler receives. */
export interface HandlerCall {
  operationId: string;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  body: unknown;
}

/** What the simulator gives an API module. */
export interface ApiContext {
  now(): number;
  random: Random;
  delays: SimulatorDelays;
  limits: SimulatorLimits;
  /** When the store was last seeded (the start, or the last reset). */
  seededAt: number;
}

export interface ApiModule<State> {
  name: ApiName;
  generated: GeneratedApi;
  /** Path prefixes to strip before routing (Exoscale's `/v2`). */
  pathPrefixes: string[];
  createState(context: ApiContext): State;
  handlers: Record<string, (state: State, call: HandlerCall, context: ApiContext) => SimResponse>;
  /** The vendor's error body for a status. */
  errorBody(status: number, message: string): unknown;
  dump(state: State, context: ApiContext): unknown;
}

export type { Lifecycle };

// The simulator's settings and their defaults, in a module of their own (`@managed-redis/simulator/options`)
// that loads nothing else: the mock's command line shows and parses them without loading the simulator.

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
  /**
   * The memory budget: the most the store may hold, measured as its JSON text, in bytes. A write past it
   * answers the operation's documented 400/422 until resources are deleted or the simulator reset.
   * Default 32 MiB.
   */
  storeBytes: number;
}

export const DEFAULT_LIMITS: SimulatorLimits = {
  clusters: 1000,
  nodesPerShard: 20,
  services: 1000,
  usersPerService: 100,
  operations: 1000,
  storeBytes: 32 * 1024 * 1024,
};

export interface FaultSettings {
  /** Added before every vendor call: a fixed delay, or `[min, max]` drawn from the seeded PRNG. 0 by default. */
  latencyMs: number | [number, number];
  /**
   * The share of vendor calls, from 0 to 1, answered with an injected error. 0 by default; with `times`
   * set and `errorRate` 0, every matching call is faulted until `times` runs out.
   */
  errorRate: number;
  /**
   * How many more errors to inject, then none (`null`, the default: no limit). Counts down as faults are
   * injected; `GET /__simulator/faults` shows what is left. `{ statuses: [503], times: 2 }` answers the
   * next two calls with 503, as a client's retries would meet them.
   */
  times: number | null;
  /**
   * The statuses to inject, drawn in turn from those the operation documents (default `[500, 503, 429]`).
   * An operation that documents none of them gets its documented 5xx; one without any is never faulted,
   * so every injected answer stays valid against the spec.
   */
  statuses: number[];
  /** The `Retry-After` header of injected errors, in seconds; `null` sends none. Default 1. */
  retryAfterSeconds: number | null;
  /** Limit faults to these operationIds; every operation when empty. */
  operations: string[];
}

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  times: null,
  statuses: [500, 503, 429],
  retryAfterSeconds: 1,
  operations: [],
};


// A resource's state as a function of time: a settled state and, while a change is in progress, a
// transient state that holds until a given moment. Reading computes the state; nothing runs in between.

export interface Lifecycle<S extends string> {
  /** The state once every change in progress has finished. */
  settled: S;
  /** The change in progress, if any: `state` holds while `now < until`. */
  transient?: { state: S; until: number } | undefined;
}

export function stateAt<S extends string>(lifecycle: Lifecycle<S>, now: number): S {
  const transient = lifecycle.transient;
  return transient && now < transient.until ? transient.state : lifecycle.settled;
}

/** True while a change is in progress. */
export function isBusy(lifecycle: Lifecycle<string>, now: number): boolean {
  return lifecycle.transient !== undefined && now < lifecycle.transient.until;
}

/** Starts a change: `state` for `ms` milliseconds from `now`, then `settled` (an `ms` of 0 is instant). */
export function transition<S extends string>(lifecycle: Lifecycle<S>, state: S, now: number, ms: number, settled: S): void {
  lifecycle.settled = settled;
  lifecycle.transient = ms > 0 ? { state, until: now + ms } : undefined;
}

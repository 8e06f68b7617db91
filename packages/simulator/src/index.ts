// The public surface of @managed-redis/simulator.
export { createSimulator, specModuleOf } from "./simulator.ts";
export { CONTROL_PREFIX, isControlPath } from "./control-routes.ts";
export {
  ControlInputError,
  MAX_ADVANCE_MS,
  MAX_CLOCK_OFFSET_MS,
  MAX_FAULT_STATUSES,
  MAX_LATENCY_MS,
  MAX_RETRY_AFTER_SECONDS,
  MAX_SEED,
} from "./control-bounds.ts";
export { createManualClock, systemClock, MANUAL_CLOCK_START, type Clock, type ManualClock } from "./clock.ts";
export { createFetchHandler, toFetchResponse, toSimRequest } from "./fetch.ts";
export { answerText } from "./sealed-answer.ts";
export {
  API_NAMES,
  DEFAULT_DELAYS,
  DEFAULT_FAULTS,
  DEFAULT_LIMITS,
  type ApiName,
  type FaultSettings,
  type SimRequest,
  type SimResponse,
  type Simulator,
  type SimulatorControl,
  type SimulatorDelays,
  type SimulatorLimits,
  type SimulatorOptions,
  type SimulatorRoute,
  type SimulatorRoute as GeneratedRoute,
  type SimulatorState,
} from "./types.ts";

// The public surface of @managed-redis/msw.
export { defaultBaseUrls } from "./base-urls.js";
export { createSimulatorHandlers, mswPath, type SimulatorHandlers, type SimulatorHandlersOptions } from "./handlers.js";
export {
  createManualClock,
  DEFAULT_DELAYS,
  type ApiName,
  type FaultSettings,
  type Simulator,
  type SimulatorDelays,
} from "@managed-redis/simulator";

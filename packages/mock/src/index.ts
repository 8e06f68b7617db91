// The public surface of @managed-redis/mock.
export { apiNames, bundledSpecPath, defaultHost, isApiName, mockDefaults, strictSpecPath, type ApiName } from "./apis.js";
export {
  MockStartError,
  mockLogLevels,
  startMock,
  type MockLogLevel,
  type MockSimulatorOptions,
  type MockStartErrorCode,
  type RunningMock,
  type StartMockOptions,
} from "./server.js";
export { invalidRequestProblem, vendorMessageField, type InvalidRequestProblem, type Violation } from "./invalid-request.js";
export { waitForMock, waitUntilAnswering, type WaitOptions } from "./readiness.js";

// One API's mock: one HTTP server (http/edge.ts) in front of one request pipeline (pipeline/), serving
// the API's spec from its generated facts and validators; in stateful mode, the simulator in the same
// process answers valid requests. No internal hop, one port per API.
import { existsSync } from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { Simulator, SimulatorOptions } from "@managed-redis/simulator";
import type { SpecModule } from "@managed-redis/spec-facts";
import { specModules } from "@managed-redis/spec-facts/all";
import { apiNames, bundledSpecPath, defaultHost, isApiName, mockDefaults, strictSpecPath, type ApiName } from "./apis.js";
import { createEdgeServer } from "./http/edge.js";
import { createOriginPolicy, type OriginPolicy } from "./http/origin-policy.js";
import { createCancellableSleep } from "./sleep.js";
import { vendorMessageField } from "./invalid-request.js";
import { createLogger, mockLogLevels, type MockLogLevel } from "./logger.js";
import { createPipeline } from "./pipeline/pipeline.js";
import { createPrismGenerator } from "./pipeline/prism.js";

export { mockLogLevels, type MockLogLevel } from "./logger.js";

export interface StartMockOptions {
  api: ApiName;
  /** Default: the API's port in `mockDefaults`. 0 picks a free port; `RunningMock.port` tells which. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Generate responses from the schemas instead of serving the documented examples. Default false. */
  dynamic?: boolean;
  /** Default "error": rejected requests and spec violations only; "info" and below log more; "silent" nothing. */
  logLevel?: MockLogLevel;
  /** Receives each log line (already formatted, no trailing newline). Default: standard error. */
  log?: (line: string) => void;
  /** The OpenAPI document Prism generates data from (`dynamic`). Default: the API's bundled spec. */
  specPath?: string;
  /**
   * Validate requests against the strict variant of the spec, which refuses fields the spec does not list
   * (a typo check for your own requests). Default false: the mock accepts what the vendor's API accepts,
   * unknown fields included. In stateful mode the simulator's answers are checked against it too.
   */
  strict?: boolean;
  /**
   * Stateful mode: the simulator (`@managed-redis/simulator`) answers valid requests, so creates, lists
   * and deletes are remembered and resources move through their states, while every request and every
   * simulated answer is still checked against the spec. Default false.
   */
  stateful?: boolean;
  /** Stateful mode: the simulator's seed, delays, limits and faults (see the simulator's README). */
  simulator?: MockSimulatorOptions;
  /**
   * Origins of pages allowed to call the mock besides those on this machine (http(s)://localhost,
   * 127.0.0.1, [::1], any port), e.g. `["http://devbox.local:5173"]`; `"*"` allows every page, without
   * credentials. Default none: a page from any other site gets 403 and no CORS headers.
   */
  corsOrigins?: readonly string[];
  /**
   * Names a request may address the mock by (its Host header) besides loopback names, IP addresses and
   * `host`, e.g. `["devbox.local"]`. Default none: any other name gets 403 (DNS rebinding).
   */
  allowedHosts?: readonly string[];
}

/**
 * The simulator's options, less the API (the mock's), the clock (the real one, plus `advance`), the answer
 * checks (always on) and the spec they use (the mock's: its strict variant with `strict`).
 */
export type MockSimulatorOptions = Omit<SimulatorOptions, "api" | "clock" | "validateAnswers" | "spec">;

export interface RunningMock {
  api: ApiName;
  /** A URL this machine can reach the mock at, e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  host: string;
  port: number;
  /** Stateful mode only: the simulator itself, for tests that drive it in-process (`control.advance`). */
  simulator?: Simulator;
  /** Stops listening and waits for open requests to finish. Safe to call more than once. */
  close(): Promise<void>;
}

export type MockStartErrorCode = "EADDRINUSE" | "EACCES" | "EADDRNOTAVAIL" | "LISTEN_FAILED" | "SPEC_NOT_FOUND" | "BAD_OPTION";

/** Why a mock could not start. `message` is one line, fit to show a person as is. */
export class MockStartError extends Error {
  override readonly name = "MockStartError";
  constructor(
    message: string,
    readonly code: MockStartErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export async function startMock(options: StartMockOptions): Promise<RunningMock> {
  const { api, dynamic = false, logLevel = "error", stateful = false, strict = false } = options;
  if (!isApiName(api)) {
    throw new MockStartError(`unknown API "${String(api)}"; valid: ${apiNames.join(", ")}`, "BAD_OPTION");
  }
  const host = options.host ?? defaultHost;
  const port = options.port ?? mockDefaults[api];
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new MockStartError(`${api}: port must be an integer from 0 to 65535, got ${String(port)}`, "BAD_OPTION");
  }
  if (!mockLogLevels.includes(logLevel)) {
    throw new MockStartError(`${api}: unknown log level "${String(logLevel)}"; valid: ${mockLogLevels.join(", ")}`, "BAD_OPTION");
  }
  if (stateful && dynamic) {
    throw new MockStartError(`${api}: dynamic and stateful exclude each other (the simulator makes the data)`, "BAD_OPTION");
  }
  if (strict && options.specPath !== undefined) {
    throw new MockStartError(`${api}: strict and specPath exclude each other (strict serves the strict variant of the bundled spec)`, "BAD_OPTION");
  }
  const specPath = options.specPath ?? (strict ? strictSpecPath(api) : bundledSpecPath(api));
  if (!existsSync(specPath)) {
    throw new MockStartError(`${api}: no spec at ${specPath}`, "SPEC_NOT_FOUND");
  }

  let policy: OriginPolicy;
  try {
    policy = createOriginPolicy({ host, corsOrigins: options.corsOrigins ?? [], allowedHosts: options.allowedHosts ?? [] });
  } catch (error) {
    throw new MockStartError(`${api}: corsOrigins: ${error instanceof Error ? error.message : String(error)}`, "BAD_OPTION");
  }

  const log = createLogger(api, logLevel, options.log);
  // The strict variant's validators (closed objects) are loaded only when asked for.
  const spec: SpecModule = strict ? (await import("@managed-redis/spec-facts/strict")).strictSpecModules[api] : specModules[api];
  // Injected latency ends at close: a fault setting never holds up a shutdown.
  const latency = createCancellableSleep();
  let simulator: Simulator | undefined;
  let control: { simulator: Simulator; isControlPath(path: string): boolean } | undefined;
  if (stateful) {
    const { createSimulator, isControlPath } = await import("@managed-redis/simulator");
    try {
      // Every simulated answer is checked against the spec (its strict variant with `strict`): one that
      // breaks it becomes a 500 problem.
      simulator = createSimulator({ ...options.simulator, api, validateAnswers: true, spec, sleep: latency.sleep });
      control = { simulator, isControlPath };
    } catch (error) {
      throw new MockStartError(`${api}: bad simulator options: ${error instanceof Error ? error.message : String(error)}`, "BAD_OPTION", { cause: error });
    }
  }
  const prism = createPrismGenerator(api, specPath);
  const pipeline = createPipeline({ api, spec, log, prism, dynamic, ...(simulator ? { simulator } : {}) });
  const mediaTypes = { accepted: new Set(spec.facts.operations.flatMap((operation) => operation.requestBody?.contents.map((content) => content.mediaType.toLowerCase()) ?? [])) };
  const server = createEdgeServer({ pipeline, log, policy, mediaTypes, messageField: vendorMessageField[api], ...(control ? { control } : {}) });

  let actualPort: number;
  try {
    actualPort = await new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  } catch (reason) {
    throw listenError(api, host, port, reason);
  }
  let closing: Promise<void> | undefined;
  return {
    api,
    host,
    port: actualPort,
    url: `http://${reachableHost(host)}:${actualPort}`,
    ...(simulator ? { simulator } : {}),
    close: () => (closing ??= (latency.cancelAll(), closeServer(server))),
  };
}

/** Time open requests get to finish at close; a client still sending after it is cut off. */
const closeGraceMs = 2000;

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), closeGraceMs);
    // A kept-alive connection turns idle once its request is answered: closed then, not at the cut-off.
    const idle = setInterval(() => server.closeIdleConnections(), 25);
    cutOff.unref();
    idle.unref();
    server.close(() => {
      clearTimeout(cutOff);
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** A wildcard address is not a place to send requests to: report loopback instead. */
function reachableHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

// listen() rejects with a Node error whose message names the code.
function listenError(api: ApiName, host: string, port: number, reason: unknown): MockStartError {
  const text = reason instanceof Error ? reason.message : String(reason);
  const code = /\b(EADDRINUSE|EACCES|EADDRNOTAVAIL|ENOTFOUND)\b/.exec(text)?.[1];
  const where = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  switch (code) {
    case "EADDRINUSE":
      return new MockStartError(`${where} is already in use (${api})`, "EADDRINUSE", { cause: reason });
    case "EACCES":
      return new MockStartError(`not allowed to listen on ${where} (${api})`, "EACCES", { cause: reason });
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return new MockStartError(`cannot listen on ${where} (${api}): ${host} is not an address of this machine`, "EADDRNOTAVAIL", { cause: reason });
    default:
      return new MockStartError(`cannot listen on ${where} (${api}): ${text}`, "LISTEN_FAILED", { cause: reason });
  }
}

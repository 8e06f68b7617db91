// One API's mock: Prism's HTTP server, in-process, serving the API's bundled spec.
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Simulator, SimulatorOptions } from "@managed-redis/simulator";
import type { IHttpConfig } from "@stoplight/prism-http";
import { apiNames, bundledSpecPath, defaultHost, isApiName, mockDefaults, strictSpecPath, type ApiName } from "./apis.js";
import { documentedStatuses } from "./documented-statuses.js";
import { createFrontDoor } from "./front-door.js";
import { simulatorListener } from "./simulator-http.js";

export type MockLogLevel = "silent" | "fatal" | "error" | "warn" | "info" | "debug" | "trace";
export const mockLogLevels: readonly MockLogLevel[] = ["silent", "fatal", "error", "warn", "info", "debug", "trace"];

export interface StartMockOptions {
  api: ApiName;
  /** Default: the API's port in `mockDefaults`. 0 picks a free port; `RunningMock.port` tells which. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Generate responses from the schemas instead of serving the documented examples. Default false. */
  dynamic?: boolean;
  /**
   * Default "error": rejected requests and spec violations only. "info" logs every request, which
   * halves Prism's throughput; "silent" logs nothing.
   */
  logLevel?: MockLogLevel;
  /** Receives each log line (already formatted, no trailing newline). Default: standard error. */
  log?: (line: string) => void;
  /** An OpenAPI document to serve instead of the API's bundled spec. */
  specPath?: string;
  /**
   * Validate requests against the strict variant of the spec, which refuses fields the spec does not list
   * (a typo check for your own requests). Default false: the mock accepts what the vendor's API accepts,
   * unknown fields included. In stateful mode the simulator's answers are checked against it too.
   */
  strict?: boolean;
  /**
   * Stateful mode: Prism in proxy mode in front of the simulator (`@managed-redis/simulator`), so
   * creates, lists and deletes are remembered and resources move through their states, while every
   * request and every simulated answer is still validated against the spec. Default false.
   */
  stateful?: boolean;
  /** Stateful mode: the simulator's seed, delays, limits and faults (see the simulator's README). */
  simulator?: MockSimulatorOptions;
}

/** The simulator's options, less the API (the mock's) and the clock (always the real one, plus `advance`). */
export type MockSimulatorOptions = Omit<SimulatorOptions, "api" | "clock">;

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

  // Imported on first use: loading Prism takes seconds, and importing this package for
  // `mockDefaults` or `--help` should not.
  const [{ createServer }, { getHttpOperationsFromSpec }, { createLogger }] = await Promise.all([
    import("@stoplight/prism-http-server"),
    import("@stoplight/prism-http"),
    import("@stoplight/prism-core"),
  ]);
  const operations = await getHttpOperationsFromSpec(specPath);
  const logger = createLogger(api, { level: logLevel }, logDestination(api, options.log));

  // Stateful: the simulator on its own loopback port, Prism's upstream.
  let simulator: Simulator | undefined;
  let simulatorServer: http.Server | undefined;
  if (stateful) {
    const { createSimulator } = await import("@managed-redis/simulator");
    try {
      simulator = createSimulator({ ...options.simulator, api });
    } catch (error) {
      throw new MockStartError(`${api}: bad simulator options: ${error instanceof Error ? error.message : String(error)}`, "BAD_OPTION", { cause: error });
    }
    simulatorServer = http.createServer(simulatorListener(simulator));
    simulatorServer.keepAliveTimeout = 65_000;
    await listenInternal(simulatorServer);
  }
  const upstream = simulatorServer ? new URL(`http://${internalHost}:${(simulatorServer.address() as AddressInfo).port}`) : undefined;

  const prism = createServer(operations, {
    cors: true,
    components: { logger },
    config: prismConfig({ dynamic, upstream }),
  });
  const prismAddress = await prism.listen(0, internalHost);
  const prismPort = Number(/:(\d+)$/.exec(prismAddress)?.[1]);

  const frontDoor = createFrontDoor({
    api,
    prism: { host: internalHost, port: prismPort },
    statuses: documentedStatuses(operations.map((operation) => ({ method: operation.method, path: operation.path, statuses: operation.responses.map((response) => response.code) }))),
    ...(simulator ? { control: simulatorListener(simulator) } : {}),
  });
  const closeInternals = async () => {
    frontDoor.dispose();
    await Promise.allSettled([prism.close(), simulatorServer ? closeServer(simulatorServer) : undefined]);
  };

  let actualPort: number;
  try {
    actualPort = await new Promise<number>((resolve, reject) => {
      frontDoor.server.once("error", reject);
      frontDoor.server.listen(port, host, () => {
        frontDoor.server.off("error", reject);
        resolve((frontDoor.server.address() as AddressInfo).port);
      });
    });
  } catch (reason) {
    await closeInternals();
    throw listenError(api, host, port, reason);
  }
  let closing: Promise<void> | undefined;
  return {
    api,
    host,
    port: actualPort,
    url: `http://${reachableHost(host)}:${actualPort}`,
    ...(simulator ? { simulator } : {}),
    close: () => (closing ??= closeServer(frontDoor.server).then(closeInternals)),
  };
}

/** Prism and the simulator listen here, on ports the system picks; only the front door is public. */
const internalHost = "127.0.0.1";

function listenInternal(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, internalHost, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * Prism's settings.
 * - Static: mock mode, with no response validation: the answers are the spec's own examples, which
 *   the lint gate has already validated against their schemas (and Prism's generator follows the schemas
 *   with `--dynamic`). Checking them again on every request halved throughput and doubled p99
 *   (bench/RESULTS.md) for nothing a caller could see.
 * - Stateful: proxy mode in front of the simulator. `errors: true`: an invalid request never reaches
 *   the simulator (Prism answers 422, which the front door turns into the documented status), and a
 *   simulated answer that breaks the spec becomes a 500 VIOLATIONS problem, so a simulator bug
 *   cannot pass as an API answer.
 */
function prismConfig({ dynamic, upstream }: { dynamic: boolean; upstream: URL | undefined }): IHttpConfig {
  const validation = { checkSecurity: true, validateRequest: true, upstreamProxy: undefined };
  if (upstream) return { ...validation, validateResponse: true, mock: { dynamic: false }, errors: true, isProxy: true, upstream };
  return { ...validation, validateResponse: false, mock: { dynamic }, errors: false, isProxy: false };
}

const levelNames: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 32: "info", 40: "warn", 50: "error", 60: "fatal" };

/** Turns Prism's JSON log lines (pino) into `<api> <level> <message>` lines. */
function logDestination(api: ApiName, log: ((line: string) => void) | undefined) {
  const write = log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return {
    write(chunk: string) {
      for (const json of chunk.split("\n")) {
        if (json.trim() === "") continue;
        try {
          const entry = JSON.parse(json) as { level?: number; msg?: string; name?: string };
          // Prism logs each request violation twice: bare by the mocker, then with its location
          // ("Violation: request.body.x ...") by the server. Keep the one that says where.
          if (entry.name === "VALIDATOR" && entry.level === 50 && !entry.msg?.startsWith("Violation:")) continue;
          write(`${api}  ${levelNames[entry.level ?? 30] ?? "info"}  ${entry.msg ?? json}`);
        } catch {
          write(`${api}  ${json}`);
        }
      }
    },
  };
}

/** A wildcard address is not a place to send requests to: report loopback instead. */
function reachableHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

// The front door's listen() rejects with a Node error whose message names the code.
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

// One API's mock: Prism's HTTP server, in-process, serving the API's bundled spec.
import { existsSync } from "node:fs";
import type { IHttpConfig } from "@stoplight/prism-http";
import { apiNames, bundledSpecPath, defaultHost, isApiName, mockDefaults, type ApiName } from "./apis.js";

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
}

export interface RunningMock {
  api: ApiName;
  /** A URL this machine can reach the mock at, e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  host: string;
  port: number;
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
  const { api, dynamic = false, logLevel = "error" } = options;
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
  const specPath = options.specPath ?? bundledSpecPath(api);
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
  const server = createServer(operations, {
    cors: true,
    components: { logger },
    config: prismConfig({ dynamic }),
  });

  let address: string;
  try {
    address = await server.listen(port, host);
  } catch (reason) {
    throw listenError(api, host, port, reason);
  }
  const actualPort = Number(/:(\d+)$/.exec(address)?.[1] ?? port);
  let closing: Promise<void> | undefined;
  return {
    api,
    host,
    port: actualPort,
    url: `http://${reachableHost(host)}:${actualPort}`,
    close: () => (closing ??= server.close()),
  };
}

/**
 * Prism's settings. Mock mode for now; the stateful simulator (a later issue) will put Prism in
 * proxy mode here (`isProxy: true, upstream: <simulator URL>`), keeping validation both ways.
 * `errors: false`: a response that breaks the spec is still served, with the violation in the
 * `sl-violations` header and the log, rather than replaced by a 500.
 */
function prismConfig({ dynamic }: { dynamic: boolean }): IHttpConfig {
  return {
    mock: { dynamic },
    checkSecurity: true,
    validateRequest: true,
    validateResponse: true,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  };
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

// prism-http-server's listen() rejects with the error's message (a string), not the error.
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

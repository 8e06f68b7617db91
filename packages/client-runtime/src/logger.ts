// What the client tells a logger: one line per attempt, never a credential, a body only when asked.
import { InvalidOptionError } from "./invalid-option-error.js";
import { REDACTED, type Redactor } from "./redaction.js";

/** Anything with console's four methods: `console`, pino, winston, a test double. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

export interface LoggingOptions {
  /**
   * Where the client logs each attempt: a console-compatible logger (`console`, pino, winston). Default:
   * none, unless the environment variable `MANAGED_REDIS_LOG` is set (then `console`).
   */
  logger?: Logger;
  /**
   * The least severe level logged: `debug` (every attempt), `info` (retries, failed answers), `warn`
   * (server errors and requests that got no answer), `error`, or `off`. Default: `MANAGED_REDIS_LOG` when
   * it is set, else `warn`.
   */
  logLevel?: LogLevel;
  /**
   * Also log request and response bodies (JSON, redacted as errors are, at most 2 000 characters). Default
   * `false`: bodies may hold passwords a vendor generated.
   */
  logBodies?: boolean;
}

/** The environment variable that turns on logging to `console` (`MANAGED_REDIS_LOG=debug`). */
export const LOG_ENV_VARIABLE = "MANAGED_REDIS_LOG";

const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];
const MAX_LOGGED_BODY = 2_000;

/** What the client logs about one attempt; also the structured second argument of each line. */
export interface AttemptRecord {
  method: string;
  /** The URL with every credential and secret-looking query value replaced by `[REDACTED]`. */
  url: string;
  /** The answer's status; absent when none came. */
  status?: number;
  /** The failure's name and message when no answer came (redacted). */
  failure?: string;
  durationMs: number;
  /** 1 for the first attempt. */
  attempt: number;
  requestId?: string;
  /** Set when the request will be sent again. */
  retryInMs?: number;
  /** Why it is retried, or why it is not although it failed. */
  reason?: string;
  requestBody?: string;
  responseBody?: string;
}

export interface AttemptLogger {
  readonly bodies: boolean;
  /** Whether a record at this level would be written (so that the caller can skip building it). */
  enabled(level: Exclude<LogLevel, "off">): boolean;
  log(level: Exclude<LogLevel, "off">, record: AttemptRecord): void;
}

/** The level from `MANAGED_REDIS_LOG`, read where a `process` may not exist (browsers, Deno without permission). */
export function levelFromEnvironment(): LogLevel | undefined {
  let value: unknown;
  try {
    value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[LOG_ENV_VARIABLE];
  } catch {
    return undefined;
  }
  if (typeof value !== "string" || value === "") return undefined;
  const level = value.trim().toLowerCase();
  if (level === "1" || level === "true") return "debug";
  return (LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : undefined;
}

/** The attempt logger of a client, or `undefined` when nothing would be logged (so success costs nothing). */
export function resolveLogging(options: LoggingOptions): AttemptLogger | undefined {
  const { logger, logLevel, logBodies } = options;
  if (logLevel !== undefined && !LEVELS.includes(logLevel)) {
    throw new InvalidOptionError("logLevel", `it must be one of ${LEVELS.join(", ")}`);
  }
  if (logger !== undefined && (logger === null || LEVELS.slice(0, 4).some((level) => typeof (logger as unknown as Record<string, unknown>)[level] !== "function"))) {
    throw new InvalidOptionError("logger", "it must have debug, info, warn and error methods, as console does");
  }
  const environment = levelFromEnvironment();
  const sink = logger ?? (environment !== undefined ? console : undefined);
  const level = logLevel ?? environment ?? "warn";
  if (!sink || level === "off") return undefined;
  const threshold = LEVELS.indexOf(level);
  return {
    bodies: logBodies === true,
    enabled: (at) => LEVELS.indexOf(at) >= threshold,
    log(at, record) {
      if (LEVELS.indexOf(at) < threshold) return;
      sink[at](describeAttempt(record), record);
    },
  };
}

/** `managed-redis: GET https://…/v1/clusters → 503 in 12 ms (attempt 1, request id r1); retry in 480 ms: status 503` */
export function describeAttempt(record: AttemptRecord): string {
  const outcome = record.status !== undefined ? String(record.status) : `no answer (${record.failure ?? "failed"})`;
  const about = [`attempt ${record.attempt}`, record.requestId !== undefined ? `request id ${record.requestId}` : undefined].filter(Boolean).join(", ");
  let line = `managed-redis: ${record.method} ${record.url} → ${outcome} in ${Math.round(record.durationMs)} ms (${about})`;
  if (record.retryInMs !== undefined) line += `; retry in ${Math.round(record.retryInMs)} ms: ${record.reason ?? "retryable"}`;
  else if (record.reason !== undefined) line += `; ${record.reason}`;
  if (record.requestBody !== undefined) line += `\n  request body: ${record.requestBody}`;
  if (record.responseBody !== undefined) line += `\n  response body: ${record.responseBody}`;
  return line;
}

// Query parameters whose values are secrets whatever the API (none of the three APIs has one today).
const SECRET_PARAMETER = /pass(word)?|secret|token|signature|api[-_]?key|credential|auth/i;

/** A URL fit for a log line: credentials redacted, secret-looking query values replaced. */
export function redactUrl(url: string, redact: Redactor): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redact(url) as string;
  }
  parsed.username = "";
  parsed.password = "";
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (SECRET_PARAMETER.test(name)) parsed.searchParams.set(name, REDACTED);
  }
  return redact(parsed.toString()) as string;
}

// The password of a connection URI in a body (`rediss://default:secret@host:port`, as Exoscale answers).
const URI_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s@/"]+@/gi;

/** A body fit for a log line: JSON with its secrets redacted, cut at 2 000 characters. */
export function redactBody(text: string, redact: Redactor): string {
  let shown: string;
  try {
    shown = JSON.stringify(redact(JSON.parse(text)));
  } catch {
    shown = redact(text) as string;
  }
  shown = shown.replace(URI_PASSWORD, `$1${REDACTED}@`);
  return shown.length > MAX_LOGGED_BODY ? `${shown.slice(0, MAX_LOGGED_BODY)}… (${shown.length} characters)` : shown;
}

const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id"];

/** The request id a server put on its answer, under the names the vendors and proxies use. */
export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

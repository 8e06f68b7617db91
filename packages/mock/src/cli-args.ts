// The command line of `managed-redis-mock`: its options, its help, and parsing them into a plan.
import { parseArgs } from "node:util";
import { DEFAULT_DELAYS, type SimulatorDelays } from "@managed-redis/simulator/options";
import { apiNames, defaultHost, isApiName, mockDefaults, type ApiName } from "./apis.js";
import { normaliseOrigin } from "./http/origin-policy.js";
import { mockLogLevels, type MockLogLevel } from "./logger.js";
import type { MockSimulatorOptions } from "./server.js";

export const programName = "managed-redis-mock";

export const cliOptions = {
  api: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  dynamic: { type: "boolean" },
  stateful: { type: "boolean" },
  strict: { type: "boolean" },
  seed: { type: "string" },
  "delay-scale": { type: "string" },
  delay: { type: "string", multiple: true },
  "log-level": { type: "string" },
  "cors-origin": { type: "string", multiple: true },
  "allowed-host": { type: "string", multiple: true },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

export type CliCommand =
  | { kind: "help" }
  | { kind: "version" }
  | {
      kind: "serve";
      apis: { api: ApiName; port: number }[];
      host: string;
      dynamic: boolean;
      logLevel: MockLogLevel;
      stateful: boolean;
      /** Refuse request fields the spec does not list (the spec's strict variant). */
      strict: boolean;
      /** Stateful mode only, and only what the command line set. */
      simulator?: MockSimulatorOptions;
      /** Page origins allowed besides loopback ones (`--cors-origin`). */
      corsOrigins: string[];
      /** Host names allowed besides loopback names, IP addresses and --host (`--allowed-host`). */
      allowedHosts: string[];
    };

/** The simulator's delays (ms) and their defaults, from the simulator's options module (which loads nothing else). */
export const simulatorDelayDefaults: Readonly<SimulatorDelays> = DEFAULT_DELAYS;
const delayKinds = Object.keys(simulatorDelayDefaults) as (keyof SimulatorDelays)[];

/** A mistake on the command line: `message` is one line; the CLI prints it and exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function parseCommandLine(argv: readonly string[]): CliCommand {
  let values: {
    [K in keyof typeof cliOptions]?: (typeof cliOptions)[K] extends { multiple: true } ? string[] : (typeof cliOptions)[K]["type"] extends "boolean" ? boolean : string;
  };
  try {
    ({ values } = parseArgs({ args: [...argv], options: cliOptions, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };

  const host = values.host ?? defaultHost;
  if (host.trim() === "") throw new UsageError("--host needs a host name or address, e.g. --host 0.0.0.0");

  const logLevel = values["log-level"] ?? "error";
  if (!(mockLogLevels as readonly string[]).includes(logLevel)) {
    throw new UsageError(`--log-level must be one of ${mockLogLevels.join(", ")}; got "${logLevel}"`);
  }

  const api = values.api;
  if (api !== undefined && !isApiName(api)) {
    throw new UsageError(`--api must be one of ${apiNames.join(", ")}; got "${api}"`);
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65_535) {
      throw new UsageError(`--port must be an integer from 0 to 65535; got "${values.port}"`);
    }
    if (api === undefined) {
      throw new UsageError(`--port needs --api: without --api all three APIs start, each on its own port (${describeDefaultPorts()})`);
    }
    port = Number(values.port);
  }

  const stateful = values.stateful ?? false;
  const dynamic = values.dynamic ?? false;
  if (stateful && dynamic) throw new UsageError("--dynamic and --stateful exclude each other: in stateful mode the simulator makes the data");
  for (const option of ["seed", "delay-scale", "delay"] as const) {
    if (!stateful && values[option] !== undefined) throw new UsageError(`--${option} needs --stateful: it configures the simulator`);
  }

  const corsOrigins = (values["cors-origin"] ?? []).map((origin) => {
    try {
      return normaliseOrigin(origin);
    } catch (error) {
      throw new UsageError(`--cors-origin: ${(error as Error).message}`);
    }
  });
  const allowedHosts = values["allowed-host"] ?? [];
  for (const name of allowedHosts) {
    if (!/^[A-Za-z0-9.-]{1,253}$/.test(name)) throw new UsageError(`--allowed-host needs a host name such as devbox.local; got "${name}"`);
  }

  const apis = api === undefined ? apiNames.map((name) => ({ api: name, port: mockDefaults[name] })) : [{ api, port: port ?? mockDefaults[api] }];
  const command: CliCommand = { kind: "serve", apis, host, dynamic, logLevel: logLevel as MockLogLevel, stateful, strict: values.strict ?? false, corsOrigins, allowedHosts };
  if (stateful) {
    const simulator = simulatorOptions(values.seed, values["delay-scale"], values.delay);
    if (simulator) command.simulator = simulator;
  }
  return command;
}

function simulatorOptions(seed: string | undefined, scale: string | undefined, delays: string[] | undefined): MockSimulatorOptions | undefined {
  const options: MockSimulatorOptions = {};
  if (seed !== undefined) {
    if (!/^-?\d{1,10}$/.test(seed)) throw new UsageError(`--seed must be an integer; got "${seed}"`);
    options.seed = Number(seed);
  }
  const chosen: Partial<SimulatorDelays> = {};
  if (scale !== undefined) {
    const factor = Number(scale);
    if (scale.trim() === "" || !Number.isFinite(factor) || factor < 0) throw new UsageError(`--delay-scale must be a number >= 0 (0.1 = ten times faster); got "${scale}"`);
    for (const kind of delayKinds) chosen[kind] = Math.round(simulatorDelayDefaults[kind] * factor);
  }
  for (const entry of delays ?? []) {
    const match = /^([A-Za-z]+)=(\d{1,9})$/.exec(entry);
    const kind = match?.[1] as keyof SimulatorDelays | undefined;
    if (!match || !kind || !delayKinds.includes(kind)) {
      throw new UsageError(`--delay must be KIND=MS with KIND one of ${delayKinds.join(", ")}; got "${entry}"`);
    }
    chosen[kind] = Number(match[2]);
  }
  if (Object.keys(chosen).length > 0) options.delays = chosen;
  return Object.keys(options).length > 0 ? options : undefined;
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? "")?.[1];
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""}; see --help`.replace("  ", " ");
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing|ambiguous/.test(message ?? "")
        ? `${option ?? "an option"} needs a value; see --help`
        : `${option ?? "an option"} takes no value; see --help`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${/'([^']*)'/.exec(message ?? "")?.[1] ?? ""}; options start with --, see --help`;
    default:
      return (message ?? String(error)).split("\n")[0] ?? "invalid command line";
  }
}

function describeDefaultPorts(): string {
  return apiNames.map((name) => `${name} ${mockDefaults[name]}`).join(", ");
}

export function helpText(): string {
  const k = mockDefaults["kakaocloud-redis"];
  const e = mockDefaults["exoscale-dbaas-valkey"];
  const r = mockDefaults["redis-enterprise"];
  return `${programName} — mock servers for the KakaoCloud Redis, Exoscale DBaaS Valkey and
Redis Enterprise APIs, serving the examples of their OpenAPI documents as Prism would.

Usage:
  npx @managed-redis/mock [--api NAME] [--port N] [--host H] [--dynamic] [--strict] [--log-level LEVEL]
  npx @managed-redis/mock --stateful [--seed N] [--delay-scale F] [--delay KIND=MS]... [--api NAME] ...

Options:
  --api NAME         Serve one API: ${apiNames.join(" | ")}.
                     Default: all three, each on its own port (${describeDefaultPorts()}).
  --port N           Port for the API chosen with --api (only together with --api); 0 picks a free port.
                     Default: that API's port above.
  --host H           Interface to listen on. Default: ${defaultHost} (this machine only);
                     0.0.0.0 accepts connections from other machines.
  --dynamic          Generate response data from the schemas instead of serving the documented examples.
                     Default: off. One request can ask for it with the header "Prefer: dynamic=true".
  --strict           Refuse request fields the spec does not list (a typo check for your requests).
                     Default: off; the mock accepts what the vendor's API accepts, unknown fields
                     included. With --stateful, the simulator's answers are held to it as well.
  --stateful         Remember what clients do: each request and each answer is validated against the
                     spec, in front of a simulator that keeps clusters/services in memory and moves them
                     through their states (Creating -> Running ...). Control routes under /__simulator/.
  --seed N           Stateful: seed of generated ids, passwords and fault draws. Default: 1.
  --delay-scale F    Stateful: multiply every state-change delay by F (0.1 = ten times faster, 0 = instant).
  --delay KIND=MS    Stateful: one delay in milliseconds; repeatable. KIND and its default:
                     ${delayKinds.map((kind) => `${kind} ${simulatorDelayDefaults[kind]}`).join(", ")}.
  --cors-origin O    Also let pages from origin O (scheme://host[:port]) call the mock; repeatable;
                     "*" lets any page call it, without credentials. Default: only pages on this
                     machine (http(s)://localhost, 127.0.0.1, [::1], any port); others get 403.
  --allowed-host H   Also answer requests addressed to host name H (the Host header); repeatable.
                     Default: loopback names, IP addresses and --host; other names get 403 (DNS rebinding).
  --log-level LEVEL  ${mockLogLevels.join(" | ")}. Default: error (rejected requests and spec
                     violations, on standard error). info also logs every request and its status.
  -v, --version      Print the version and exit.
  -h, --help         Print this help and exit.

Once an API answers, one line gives its URL, e.g. "kakaocloud-redis  http://127.0.0.1:${k}".
Ctrl-C (SIGINT) or SIGTERM stops the servers and exits with 0. A bad option or a port already
in use is a one-line error and exit code 2.

How the mock answers:
  - Credentials must be present (any value passes); without them: 401 with the API's 401 example.
  - Requests are validated against the spec. An invalid one gets the API's documented 422 or 400
    status with an application/problem+json body naming each field and rule ("detail", and the
    vendor's own "message" or "description"); the same is in the "sl-violations" header, as JSON.
  - "Prefer: code=404" picks a documented status; "Prefer: example=NAME" a named example;
    an undocumented code or name gives 404 application/problem+json.
  - Pages on this machine (and --cors-origin ones) may call it: their preflights are answered
    for any headers. Pages from other sites, and Host names that are not the mock's, get 403.
  - Limits: a body of at most 1 MiB (64 KiB on control routes) else 413, JSON nested at most
    64 deep, a well-formed Content-Type (400) of a media type the API takes (415), valid
    percent-escapes (400); headers within 10 s and the whole request within 30 s.

Stateful control routes (on each API's port):
  curl -X POST 'http://127.0.0.1:${k}/__simulator/advance?ms=5000'   # lifecycles move on at once
  curl -X POST http://127.0.0.1:${k}/__simulator/reset                # back to the seed data
  curl http://127.0.0.1:${k}/__simulator/state                         # the whole store
  curl -X PUT http://127.0.0.1:${k}/__simulator/faults -H 'content-type: application/json' \\
       -d '{"errorRate": 0.2, "statuses": [503], "retryAfterSeconds": 1}'

Examples:
  npx @managed-redis/mock
  npx @managed-redis/mock --api exoscale-dbaas-valkey --port 5011 --dynamic
  npx @managed-redis/mock --strict
  npx @managed-redis/mock --stateful --delay-scale 0.2
  npx @managed-redis/mock --api kakaocloud-redis --stateful --delay provision=2000 --seed 7

  curl -H 'X-Auth-Token: any' http://127.0.0.1:${k}/v1/clusters
  curl -H 'X-Auth-Token: any' -H 'Prefer: example=instanceSet' http://127.0.0.1:${k}/v1/clusters/c-1
  curl -H 'X-Auth-Token: any' -H 'Prefer: code=404' http://127.0.0.1:${k}/v1/clusters/c-1
  curl -H 'Authorization: EXO2-HMAC-SHA256 credential=EXOkey,expires=1,signature=any' \\
       http://127.0.0.1:${e}/dbaas-valkey/my-valkey
  curl -u 'demo@redislabs.com:password' http://127.0.0.1:${r}/v1/local/services
  curl -i -u 'demo@redislabs.com:password' -H 'Content-Type: application/json' \\
       -d '{"operation_type":"reboot","services":["alert_mgr"]}' http://127.0.0.1:${r}/v1/services
`;
}

import { describe, expect, it } from "vitest";
import { DEFAULT_DELAYS } from "@managed-redis/simulator";
import { cliOptions, helpText, parseCommandLine, simulatorDelayDefaults, UsageError } from "../src/cli-args.ts";

describe("parseCommandLine", () => {
  it("starts all three APIs on their default ports on 127.0.0.1 without options", () => {
    expect(parseCommandLine([])).toEqual({
      kind: "serve",
      apis: [
        { api: "kakaocloud-redis", port: 4010 },
        { api: "exoscale-dbaas-valkey", port: 4011 },
        { api: "redis-enterprise", port: 4012 },
      ],
      host: "127.0.0.1",
      dynamic: false,
      logLevel: "error",
      stateful: false,
      strict: false,
      corsOrigins: [],
      allowedHosts: [],
    });
  });

  it("starts one API on the port, host and data mode it is given", () => {
    expect(parseCommandLine(["--api", "redis-enterprise", "--port", "0", "--host", "0.0.0.0", "--dynamic", "--log-level", "info"])).toEqual({
      kind: "serve",
      apis: [{ api: "redis-enterprise", port: 0 }],
      host: "0.0.0.0",
      dynamic: true,
      logLevel: "info",
      stateful: false,
      strict: false,
      corsOrigins: [],
      allowedHosts: [],
    });
    expect(parseCommandLine(["--api=exoscale-dbaas-valkey"])).toMatchObject({ apis: [{ api: "exoscale-dbaas-valkey", port: 4011 }] });
  });

  it("widens CORS with --cors-origin and the Host check with --allowed-host, both repeatable", () => {
    expect(parseCommandLine(["--cors-origin", "http://devbox.local:5173", "--cors-origin", "https://app.example.test/", "--allowed-host", "devbox.local"])).toMatchObject({
      corsOrigins: ["http://devbox.local:5173", "https://app.example.test"],
      allowedHosts: ["devbox.local"],
    });
  });

  it.each([
    [["--cors-origin", "devbox.local"], '--cors-origin: "devbox.local" is not an origin'],
    [["--cors-origin", "http://devbox.local/app"], '--cors-origin: "http://devbox.local/app" is not an origin'],
    [["--allowed-host", "a b"], "--allowed-host needs a host name"],
    [["--bogus"], "unknown option --bogus; see --help"],
    [["--port", "abc", "--api", "redis-enterprise"], '--port must be an integer from 0 to 65535; got "abc"'],
    [["--port", "65536", "--api", "redis-enterprise"], '--port must be an integer from 0 to 65535; got "65536"'],
    [["--port", "5000"], "--port needs --api"],
    [["--api", "redis"], "--api must be one of kakaocloud-redis, exoscale-dbaas-valkey, redis-enterprise"],
    [["--api"], "--api needs a value"],
    [["--port", "--api", "redis-enterprise"], "--port needs a value"],
    [["--dynamic=yes"], "--dynamic takes no value"],
    [["serve"], "unexpected argument serve"],
    [["--log-level", "loud"], "--log-level must be one of"],
    [["--host", ""], "--host needs a host name"],
    [["--stateful", "--dynamic"], "--dynamic and --stateful exclude each other"],
    [["--seed", "3"], "--seed needs --stateful"],
    [["--delay-scale", "0.1"], "--delay-scale needs --stateful"],
    [["--stateful", "--seed", "x"], '--seed must be an integer; got "x"'],
    [["--stateful", "--delay-scale=-1"], "--delay-scale must be a number >= 0"],
    [["--stateful", "--delay", "boot=5"], '--delay must be KIND=MS with KIND one of provision, modify'],
  ])("rejects %j with a one-line usage error", (argv, message) => {
    let error: unknown;
    try {
      parseCommandLine(argv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("turns on the strict variant with --strict, alone or with --stateful", () => {
    expect(parseCommandLine(["--strict"])).toMatchObject({ kind: "serve", strict: true, stateful: false });
    expect(parseCommandLine(["--stateful", "--strict", "--api", "kakaocloud-redis"])).toMatchObject({ strict: true, stateful: true });
    expect(helpText()).toContain("--strict");
  });

  it("starts the stateful mock with the simulator's seed and delays it is given", () => {
    expect(parseCommandLine(["--stateful"])).toMatchObject({ kind: "serve", stateful: true, dynamic: false });
    expect(parseCommandLine(["--stateful"])).not.toHaveProperty("simulator");
    expect(parseCommandLine(["--stateful", "--seed", "7", "--delay-scale", "0.1", "--delay", "provision=250", "--delay", "scale=0"])).toMatchObject({
      stateful: true,
      simulator: {
        seed: 7,
        delays: { provision: 250, modify: 300, scale: 0, maintenance: 300, migration: 3000, operation: 100, serviceStart: 200, serviceRestart: 300 },
      },
    });
  });

  it("scales the simulator's own default delays, and shows them in --help", () => {
    expect(parseCommandLine(["--stateful", "--delay-scale", "2"])).toMatchObject({ simulator: { delays: { provision: DEFAULT_DELAYS.provision * 2, migration: DEFAULT_DELAYS.migration * 2 } } });
    for (const [kind, ms] of Object.entries(simulatorDelayDefaults)) expect(helpText()).toContain(`${kind} ${ms}`);
  });

  it("answers --help and --version before judging other options", () => {
    expect(parseCommandLine(["--help"])).toEqual({ kind: "help" });
    expect(parseCommandLine(["-h", "--port", "1"])).toEqual({ kind: "help" });
    expect(parseCommandLine(["-v"])).toEqual({ kind: "version" });
  });
});

describe("helpText", () => {
  it("documents every option", () => {
    for (const name of Object.keys(cliOptions)) expect(helpText()).toContain(`--${name}`);
  });

  it("shows how to authenticate to each API and how to pick a response", () => {
    const help = helpText();
    for (const text of ["X-Auth-Token:", "Authorization: EXO2-HMAC-SHA256", "curl -u", "Prefer: code=404", "Prefer: example=", "Prefer: dynamic=true", "sl-violations", "/__simulator/advance", "/__simulator/faults"]) {
      expect(help).toContain(text);
    }
  });
});

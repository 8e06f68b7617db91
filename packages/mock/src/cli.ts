#!/usr/bin/env node
// `npx @managed-redis/mock`: starts one or all three API mocks and prints each URL once it answers.
import { readFileSync } from "node:fs";
import { helpText, parseCommandLine, programName, UsageError, type CliCommand } from "./cli-args.js";
import { waitForMock } from "./readiness.js";
import type { RunningMock } from "./server.js";

const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

async function main(argv: readonly string[]): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, exitCodes.usage);
    throw error;
  }
  if (command.kind === "help") {
    process.stdout.write(helpText());
    return exitCodes.ok;
  }
  if (command.kind === "version") {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    process.stdout.write(`${manifest.version}\n`);
    return exitCodes.ok;
  }
  return serve(command);
}

async function serve(command: Extract<CliCommand, { kind: "serve" }>): Promise<number> {
  const running: RunningMock[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = () => (stopping ??= Promise.allSettled(running.map((mock) => mock.close())).then(() => undefined));

  // Listening for signals from the start, so Ctrl-C while the mocks start also ends with 0.
  const shutdown = () => {
    // A second Ctrl-C while requests are still open: do not wait for them.
    if (stopping) process.exit(exitCodes.ok);
    void stopAll().then(() => process.exit(exitCodes.ok));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  // Started by a parent with an IPC channel (npm start does): leave when the parent goes away,
  // however it ended, so no mock outlives it.
  if (process.channel) process.on("disconnect", shutdown);

  // The last guard: an error no request handler caught (a bug in a callback of a library) is logged and
  // the mocks keep serving; no request ends the process.
  process.on("uncaughtException", (error) => process.stderr.write(`${programName}: unexpected error (the mocks keep running): ${error.stack ?? error.message}\n`));
  process.on("unhandledRejection", (reason) => process.stderr.write(`${programName}: unexpected error (the mocks keep running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`));

  const { startMock, MockStartError } = await import("./server.js");
  const results = await Promise.allSettled(
    command.apis.map(async ({ api, port }) => {
      const mock = await startMock({
        api,
        port,
        host: command.host,
        dynamic: command.dynamic,
        logLevel: command.logLevel,
        stateful: command.stateful,
        strict: command.strict,
        corsOrigins: command.corsOrigins,
        allowedHosts: command.allowedHosts,
        ...(command.simulator ? { simulator: command.simulator } : {}),
      });
      running.push(mock);
      return mock;
    }),
  );
  const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  if (failures.length > 0) {
    await stopAll();
    const [first] = failures;
    const usage = first instanceof MockStartError && first.code !== "SPEC_NOT_FOUND" && first.code !== "LISTEN_FAILED";
    return fail(first instanceof Error ? first.message : String(first), usage ? exitCodes.usage : exitCodes.failure);
  }

  const width = Math.max(...running.map((mock) => mock.api.length));
  const mocks = command.apis.map(({ api }) => running.find((mock) => mock.api === api)!);
  try {
    await Promise.all(
      mocks.map(async (mock) => {
        await waitForMock(mock.url);
        const wildcard = mock.host === "0.0.0.0" || mock.host === "::" ? `  (listening on ${mock.host})` : "";
        process.stdout.write(`${mock.api.padEnd(width)}  ${mock.url}${wildcard}\n`);
      }),
    );
  } catch (error) {
    await stopAll();
    return fail(error instanceof Error ? error.message : String(error), exitCodes.failure);
  }
  // Keep running: the servers hold the process open until a signal ends it.
  return new Promise<number>(() => {});
}

function fail(message: string, code: number): number {
  process.stderr.write(`${programName}: ${message}\n`);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${programName}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(exitCodes.failure);
  },
);

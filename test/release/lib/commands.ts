// Runs the rehearsal's commands: each in a process group of its own, so that a time-out or a teardown ends
// it with everything it started (npm's scripts, turbo's tasks), and with the rehearsal's secrets blanked out
// of any output that ends up in an error message.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Fail (reject) on a non-zero exit; default true. */
  check?: boolean;
}

const groups = new Set<number>();
const secrets = new Set<string>();

/** Text never shown in an error message (the registry token and password). */
export function registerSecret(secret: string): void {
  if (secret) secrets.add(secret);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Ends every process group still running (teardown, or the worker exiting). */
export function killAllGroups(): void {
  for (const pid of groups) killGroup(pid, "SIGKILL");
  groups.clear();
}
process.once("exit", killAllGroups);

/** Whether a process id is still alive. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const tail = (text: string, lines = 40) => text.trimEnd().split("\n").slice(-lines).join("\n");

export function runCommand(command: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    groups.add(child.pid!);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid!, "SIGKILL");
    }, options.timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      groups.delete(child.pid!);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      // npm and turbo may leave a helper behind in the group; nothing of a finished command may outlive it.
      killGroup(child.pid!, "SIGKILL");
      groups.delete(child.pid!);
      const result = { code: code ?? 1, stdout, stderr };
      const shown = `${command} ${args.join(" ")}`;
      if (timedOut) reject(new Error(redact(`${shown} timed out after ${options.timeoutMs} ms\n${tail(stdout)}\n${tail(stderr)}`)));
      else if (options.check !== false && (code !== 0 || signal)) {
        reject(new Error(redact(`${shown} failed (${signal ?? code}) after ${Date.now() - started} ms\n--- stdout\n${tail(stdout)}\n--- stderr\n${tail(stderr)}`)));
      } else resolve(result);
    });
  });
}

export interface Server {
  child: ChildProcess;
  /** The first line of standard output that matched. */
  line: string;
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts a long-running process (the mock) in its own group, with an IPC channel so that it leaves when
 * this process goes away, and waits for a line of its output that matches `ready`.
 */
export function startServer(command: string, args: readonly string[], options: Omit<CommandOptions, "check"> & { ready: RegExp }): Promise<Server> {
  const spawnOptions: SpawnOptions = { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe", "ipc"], detached: true };
  const child = spawn(command, args, spawnOptions);
  groups.add(child.pid!);
  let output = "";
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => killGroup(child.pid!, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup(child.pid!, "SIGKILL");
    groups.delete(child.pid!);
    return child.exitCode;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(redact(`${command} ${args.join(" ")} did not print ${options.ready} within ${options.timeoutMs} ms\n${tail(output)}`)));
    }, options.timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((candidate) => options.ready.test(candidate));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve({ child, line, output: () => output, stop });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(redact(`${command} ${args.join(" ")} exited (${signal ?? code}) before it was ready\n${tail(output)}`)));
    });
  });
}

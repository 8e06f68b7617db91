// Child processes the bench starts (servers under test, CLIs it times) and how it waits for them.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A port that was free a moment ago (the OS picks it; the caller binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The CPU time a process has used so far, in nanoseconds (Linux: the scheduler's `/proc/<pid>/schedstat`);
 * undefined where the system does not tell.
 */
export function cpuNanoseconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const used = Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]);
    return Number.isFinite(used) ? used : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `port` can be bound on 127.0.0.1 now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export interface Child {
  process: ChildProcess;
  /** Everything written to standard error so far (for error messages). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after 3 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

export function startChild(command: string, args: readonly string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    process: child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Resolves with the first line of the child's standard output that matches `pattern`. */
export function waitForLine(child: Child, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => done(new Error(`no line matching ${pattern} within ${timeoutMs} ms; stderr: ${child.stderr().slice(-500)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = pattern.exec(buffered);
      if (match) done(undefined, match);
    };
    const onExit = (code: number | null) => done(new Error(`exited (${code}) before printing ${pattern}; stderr: ${child.stderr().slice(-500)}`));
    function done(error?: Error, match?: RegExpExecArray) {
      clearTimeout(timer);
      child.process.stdout?.off("data", onData);
      child.process.off("exit", onExit);
      if (error) reject(error);
      else resolve(match!);
    }
    child.process.stdout?.on("data", onData);
    child.process.once("exit", onExit);
  });
}

export interface Probe {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** One HTTP request on a fresh connection; resolves with the status, rejects when nothing answers. */
export function request(baseUrl: string, probe: Probe, timeoutMs = 2_000): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(probe.path, baseUrl),
      { method: probe.method, headers: probe.headers, agent: false, timeout: timeoutMs },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(probe.body);
  });
}

/**
 * Polls `probe` every `intervalMs` until it gets an HTTP answer; resolves with the time of that answer
 * (performance.now()). A child that exits first rejects at once.
 */
export async function waitForAnswer(baseUrl: string, probe: Probe, options: { timeoutMs?: number; intervalMs?: number; child?: Child } = {}): Promise<number> {
  const { timeoutMs = 20_000, intervalMs = 10 } = options;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const child = options.child?.process;
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the process exited (${child.exitCode ?? child.signalCode}) before answering; stderr: ${options.child!.stderr().slice(-500)}`);
    }
    try {
      await request(baseUrl, probe, 1_000);
      return performance.now();
    } catch {
      if (performance.now() > deadline) throw new Error(`${baseUrl} did not answer within ${timeoutMs} ms`);
      await sleep(intervalMs);
    }
  }
}

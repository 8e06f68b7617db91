// A server under attack, run as a child process so that a request that ends it is seen as an exit: the
// mock's CLI (one API, static or stateful, on a free port) or the docs server (a given site root).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@managed-redis/tooling/apis";

export interface Target {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** Exits seen so far (code or signal): the gate expects none. */
  exits: string[];
  /** The last lines of its standard error, to explain an exit. */
  stderrTail(): string;
  /** Resident memory now, in MiB (Linux /proc; undefined elsewhere). */
  rssMiB(): number | undefined;
  stop(): Promise<void>;
}

const mockCli = path.join(repoRoot, "packages", "mock", "dist", "cli.js");
const docsServe = path.join(repoRoot, "packages", "docs", "src", "serve.ts");

export function startMockTarget(api: string, stateful: boolean): Promise<Target> {
  const args = [mockCli, "--api", api, "--port", "0", "--log-level", "fatal", ...(stateful ? ["--stateful"] : [])];
  return startTarget(`${api} ${stateful ? "stateful" : "static"}`, args, /(http:\/\/\S+)/);
}

export function startDocsTarget(root: string): Promise<Target> {
  return startTarget("docs", ["--import", "tsx", docsServe, "--port", "0", "--root", root], /Docs site: (http:\/\/\S+?)\/?$/m);
}

async function startTarget(name: string, args: string[], urlPattern: RegExp): Promise<Target> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  const exits: string[] = [];
  let stopping = false;
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  child.on("exit", (code, signal) => {
    if (!stopping) exits.push(`${name} exited (code ${code}, signal ${signal})`);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s: ${stderr}`)), 60_000);
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      out += chunk;
      const match = urlPattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace(/\/$/, ""));
      }
    });
    child.on("exit", () => reject(new Error(`${name} exited while starting: ${stderr}`)));
  });
  return {
    name,
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    exits,
    stderrTail: () => stderr,
    rssMiB() {
      try {
        const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
        return kb === undefined ? undefined : Math.round(Number(kb) / 102.4) / 10;
      } catch {
        return undefined;
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        stopping = true;
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

// The machine a run was measured on: every figure in RESULTS.md is only meaningful next to these.
import os from "node:os";

export interface Environment {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the section finished: other work on the machine shows up here. */
  loadAverage: number;
}

export function describeEnvironment(): Environment {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

// The gate's figures for one target: requests sent, answers by status and problem type, connections
// ended without an answer, crashes, 5xx, resident memory before and after. Printed, and kept in
// test/hostile/.reports/figures-<target>.json for CI logs.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Outcome } from "./send.ts";

export class Figures {
  requests = 0;
  raw = 0;
  readonly byStatus = new Map<string, number>();
  readonly byKind = new Map<string, number>();
  readonly unanswered = new Map<string, number>();
  readonly serverErrors: string[] = [];
  faultsAskedFor = 0;
  rssBefore: number | undefined;
  rssAfter: number | undefined;
  crashes = 0;

  constructor(readonly target: string) {}

  count(kind: string, outcome: Outcome, label: string): void {
    this.requests++;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    if (outcome.status === undefined) {
      this.unanswered.set(`${kind}: ${outcome.error}`, (this.unanswered.get(`${kind}: ${outcome.error}`) ?? 0) + 1);
      return;
    }
    const type = problemType(outcome.body);
    const key = `${outcome.status}${type ? ` ${type}` : ""}`;
    this.byStatus.set(key, (this.byStatus.get(key) ?? 0) + 1);
    if (outcome.status >= 500) this.serverErrors.push(`${label} → ${outcome.status} ${outcome.body?.slice(0, 300)}`);
  }

  fourXx(): number {
    let total = 0;
    for (const [key, count] of this.byStatus) if (key.startsWith("4")) total += count;
    return total;
  }

  print(): string {
    const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ×${count}`);
    const lines = [
      `hostile-input gate — ${this.target}`,
      `  requests sent: ${this.requests} (HTTP) + ${this.raw} (raw sockets, bursts, slow clients)`,
      `  4xx: ${this.fourXx()}; by status and kind: ${sorted(this.byStatus).join(", ")}`,
      `  by kind of input: ${sorted(this.byKind).join(", ")}`,
      `  ended without an answer: ${[...this.unanswered.values()].reduce((a, b) => a + b, 0)}${this.unanswered.size ? ` (${sorted(this.unanswered).join(", ")})` : ""}`,
      `  5xx not asked for: ${this.serverErrors.length}; 5xx asked for (fault injection): ${this.faultsAskedFor}`,
      `  crashes: ${this.crashes}`,
      `  RSS before/after: ${this.rssBefore ?? "n/a"} MiB / ${this.rssAfter ?? "n/a"} MiB`,
    ];
    const text = lines.join("\n");
    saveFigures(this.target, { requests: this.requests, raw: this.raw, fourXx: this.fourXx(), byStatus: Object.fromEntries(this.byStatus), crashes: this.crashes, serverErrors: this.serverErrors.length, faultsAskedFor: this.faultsAskedFor, rssBeforeMiB: this.rssBefore, rssAfterMiB: this.rssAfter });
    return text;
  }
}

function problemType(body: string | undefined): string | undefined {
  if (!body || !body.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(body) as { type?: unknown; field?: unknown };
    // A problem document's type (Prism's style, `…#NAME`); a resource's own `type` field is not one.
    if (typeof parsed.type === "string" && parsed.type.includes("#")) return parsed.type.split("#")[1];
    if (typeof parsed.field === "string") return `control:${parsed.field.replace(/\[\d+\]/g, "[]")}`;
  } catch {
    // not JSON
  }
  return undefined;
}

function saveFigures(target: string, figures: Record<string, unknown>): void {
  const reportFile = path.join(import.meta.dirname, "..", ".reports", `figures-${target.replace(/[^a-z0-9-]+/gi, "-")}.json`);
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, `${JSON.stringify({ target, ...figures }, null, 2)}\n`);
}

// Redis Enterprise's display format of a service's uptime: `3 days, 0:58:59`, `1 day, 2:03:04` or `0:00:05`.

export function parseUptime(text: string | undefined): number {
  const match = /^(?:(\d+) days?, )?(\d+):(\d{2}):(\d{2})$/.exec((text ?? "").trim());
  if (!match) return 0;
  return Number(match[1] ?? 0) * 86400 + Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
}

export function formatUptime(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  const s = String(seconds % 60).padStart(2, "0");
  const clock = `${h}:${m}:${s}`;
  return days === 0 ? clock : `${days} day${days === 1 ? "" : "s"}, ${clock}`;
}

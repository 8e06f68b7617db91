// The plans the simulator accepts: <tier>-<memory in GiB>. Nodes per tier and the sizes follow
// Exoscale's published plan grid, which the spec does not carry (its `plan` is any string); an unknown plan
// answers 400, as the real API does.
const GIB = 1024 * 1024 * 1024;
const TIER_NODES: Record<string, number> = { hobbyist: 1, startup: 1, business: 2, premium: 3 };
const PLAN_SIZES = [1, 2, 4, 8, 16, 28, 56, 100, 120, 225];

export interface PlanSizes {
  nodes: number;
  cpus: number;
  memory: number;
  disk: number;
}

export function planSizes(plan: string): PlanSizes | undefined {
  const match = /^(hobbyist|startup|business|premium)-(\d+)$/.exec(plan);
  if (!match) return undefined;
  const size = Number(match[2]);
  if (!PLAN_SIZES.includes(size) || (match[1] === "hobbyist" && size !== 2)) return undefined;
  return { nodes: TIER_NODES[match[1]!]!, cpus: Math.max(1, Math.ceil(size / 2)), memory: size * GIB, disk: size * 2 * GIB };
}

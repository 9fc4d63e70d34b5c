export interface Summary {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Nearest-rank percentile of an ascending array. */
function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(nearestRank(sorted, 50)),
    p95: round(nearestRank(sorted, 95)),
    p99: round(nearestRank(sorted, 99)),
    max: round(nearestRank(sorted, 100)),
  };
}

/**
 * How many times the baseline a latency is. Both sides are floored at 1 ms: below that the figure is timer
 * noise, and a 0.3 ms baseline would turn a 0.6 ms result into a meaningless "2×".
 */
export function ratio(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null) return null;
  return Math.round((Math.max(1, value) / Math.max(1, baseline)) * 100) / 100;
}

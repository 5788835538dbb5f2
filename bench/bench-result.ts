/**
 * One line of `npm run bench` output. `value` and `baseline` are measured in the same run on
 * the same machine; `ratio` = value / baseline is the figure to compare across machines.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  /** What the baseline is, and anything else needed to read the figures. */
  notes?: Record<string, unknown>;
}

export function benchResult(name: string, unit: string, value: number, baseline: number, notes?: Record<string, unknown>): BenchResult {
  return { name, value: Math.round(value), unit, baseline: Math.round(baseline), ratio: Number((value / baseline).toFixed(3)), notes };
}

export const median = (values: number[]) => percentile(values, 50);

/** The nearest-rank percentile (0 < p ≤ 100) of some samples. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

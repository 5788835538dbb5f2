// `npm run bench`: every benchmark, one JSON object per line (see bench-result.ts).
// BENCH_ONLY=<substring> runs only the benchmarks whose name contains it (e.g. BENCH_ONLY=throughput).
import type { BenchResult } from './bench-result.ts';
import { conditionEvaluation } from './condition-evaluation.ts';
import { deliveryFairness } from './delivery-fairness.ts';
import { deliverySearch } from './delivery-search.ts';
import { deliveryThroughput } from './delivery-throughput.ts';

const benchmarks: Array<() => Promise<BenchResult[]>> = [deliveryThroughput, deliveryFairness, deliverySearch, conditionEvaluation];
const only = process.env.BENCH_ONLY?.toLowerCase();

for (const benchmark of benchmarks) {
  if (only && !benchmark.name.toLowerCase().includes(only)) continue;
  for (const result of await benchmark()) console.log(JSON.stringify(result));
}

// `npm run bench`: every benchmark, one JSON object per line (see bench-result.ts).
import type { BenchResult } from './bench-result.ts';
import { conditionEvaluation } from './condition-evaluation.ts';
import { deliverySearch } from './delivery-search.ts';
import { deliveryThroughput } from './delivery-throughput.ts';

const benchmarks: Array<() => Promise<BenchResult[]>> = [deliveryThroughput, deliverySearch, conditionEvaluation];

for (const benchmark of benchmarks) {
  for (const result of await benchmark()) console.log(JSON.stringify(result));
}

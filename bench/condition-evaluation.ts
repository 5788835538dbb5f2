// Trigger conditions: evaluations per second of a compiled condition on a realistic entitlement,
// next to plain jexl on an equivalent expression in the same run; and the editor's feedback
// latency (an evaluateCondition call through the serve-mode HTTP API) on a 1 MB sample.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import jexl from 'jexl';
import { compileCondition } from '../src-main/conditions/condition-compiler.ts';
import { evaluateCondition } from '../src-main/conditions/condition-evaluation.ts';
import { startServedWorkspace } from '../src-main/services/served-workspace.ts';
import { sentinelProfile } from '../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import { httpRoute } from '../src-shared/contracts/transport-names.ts';
import { findCatalogEvent } from '../src-shared/vendors/catalogs.ts';
import { benchResult, median, type BenchResult } from './bench-result.ts';

const SAMPLE_MS = 300;
const ROUNDS = 7;
const LATENCY_CALLS = Number(process.env.BENCH_LATENCY_CALLS ?? 30);
const PRODUCT_NAME = 'item.itemProduct.product.nameVersion.name';

interface ProductKey {
  id: string;
  item: { itemProduct: { product: { nameVersion: { name: string } } } };
}

/** A generated Sentinel entitlement with its product keys repeated until its JSON is `bytes` long; the last key sells TestProduct. */
function entitlementOfSize(bytes: number): { state: Record<string, unknown>; keys: number; size: number } {
  const added = findCatalogEvent('sentinel-ems', 'Entitlement Added')!;
  const state = sentinelProfile.generateEntity(added, { activity: added.activities[0]!, seed: 1 }).currentState!;
  const entitlement = state.entitlement as { productKeys: { productKey: ProductKey[] } };
  const template = entitlement.productKeys.productKey[0]!;
  const keys = entitlement.productKeys.productKey;
  const keySize = JSON.stringify(template).length + 1;
  for (let size = JSON.stringify(state).length; size + keySize <= bytes; size += keySize) {
    keys.push({ ...structuredClone(template), id: `${template.id.slice(0, -6)}${String(keys.length).padStart(6, '0')}` });
  }
  keys.at(-1)!.item.itemProduct.product.nameVersion.name = 'TestProduct';
  return { state, keys: keys.length, size: JSON.stringify(state).length };
}

/** Runs `body` repeatedly for about SAMPLE_MS and returns calls per second. */
function callsPerSecond(body: () => unknown): number {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < SAMPLE_MS) {
    for (let index = 0; index < 100; index += 1) body();
    calls += 100;
    elapsed = performance.now() - started;
  }
  return (calls / elapsed) * 1000;
}

/** Interleaves the two measurements so that both see the same machine state; medians of ROUNDS. */
function compare(ours: () => boolean, plain: () => unknown): { ours: number; plain: number } {
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    a.push(callsPerSecond(ours));
    b.push(callsPerSecond(plain));
  }
  return { ours: median(a), plain: median(b) };
}

function compiledMatcher(text: string, context: Record<string, unknown>): () => boolean {
  const compiled = compileCondition(text);
  if (compiled.kind !== 'valid') throw new Error(`bench condition does not compile: ${text}`);
  return () => compiled.program.matches(context);
}

function evaluationsPerSecond(): BenchResult[] {
  const { state, keys, size } = entitlementOfSize(10 * 1024);
  const head = "(entitlement.customer.name == 'Sam Smith' && entitlement.state == 'ENABLE') || ";
  const wildcard = `(${head}(entitlement.contact.externalId != '' && entitlement.productKeys.productKey[*].${PRODUCT_NAME} == 'TestProduct'))`;
  const writtenOut = Array.from({ length: keys }, (_, index) => `entitlement.productKeys.productKey[${index}].${PRODUCT_NAME} == 'TestProduct'`).join(' || ');
  const expanded = `(${head}(entitlement.contact.externalId != '' && (${writtenOut})))`;
  const indexed = `(${head}(entitlement.contact.externalId != '' && entitlement.productKeys.productKey[${keys - 1}].${PRODUCT_NAME} == 'TestProduct'))`;

  const ours = compiledMatcher(wildcard, state);
  const plainExpanded = jexl.compile(expanded);
  if (!ours() || plainExpanded.evalSync(state) !== true) throw new Error('the [*] bench expressions must both be true');
  const wildcardRates = compare(ours, () => plainExpanded.evalSync(state));

  const oursIndexed = compiledMatcher(indexed, state);
  const plainIndexed = jexl.compile(indexed);
  if (!oursIndexed() || plainIndexed.evalSync(state) !== true) throw new Error('the indexed bench expressions must both be true');
  const indexedRates = compare(oursIndexed, () => plainIndexed.evalSync(state));

  const common = { stateBytes: size, productKeys: keys, samples: ROUNDS, sampleMs: SAMPLE_MS };
  return [
    benchResult('condition evaluations per second, [*] over a 10 KB entitlement', 'evaluations/s', wildcardRates.ours, wildcardRates.plain, {
      value: `Hooklab dialect, compiled once: ${wildcard.replace(PRODUCT_NAME, '…')}`,
      baseline: `plain jexl 2.3, compiled once, the [*] written out as one explicit index per product key (${keys} || clauses)`,
      ...common,
    }),
    benchResult('condition evaluations per second, explicit index, 10 KB entitlement', 'evaluations/s', indexedRates.ours, indexedRates.plain, {
      value: 'Hooklab dialect, compiled once',
      baseline: 'plain jexl 2.3 on the identical text, compiled once (both read the last product key by index)',
      ...common,
    }),
  ];
}

async function editorLatency(): Promise<BenchResult[]> {
  const { state, keys, size } = entitlementOfSize(1024 * 1024);
  const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-bench-'));
  const served = await startServedWorkspace({ dataDir, mode: 'serve', port: 0, receiverPort: 0 });
  try {
    const url = `${served.apiUrl}${httpRoute('evaluateCondition')}`;
    const call = async (condition: string): Promise<number> => {
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}` },
        body: JSON.stringify({ condition, payload: state }),
      });
      const evaluation = (await response.json()) as { result: boolean | null };
      if (response.status !== 200 || evaluation.result === null) throw new Error(`evaluateCondition answered ${response.status}`);
      return performance.now() - started;
    };
    // Every call a new text, as while typing: parsing and compiling are part of each answer.
    const condition = (index: number) =>
      `((entitlement.customer.name == 'Sam Smith ${index}' && entitlement.state == 'ENABLE') || entitlement.productKeys.productKey[*].${PRODUCT_NAME} == 'TestProduct')`;
    for (let index = 0; index < 5; index += 1) {
      await call(condition(-index - 1));
      await call('');
    }
    const withCondition: number[] = [];
    const empty: number[] = [];
    for (let index = 0; index < LATENCY_CALLS; index += 1) {
      withCondition.push(await call(condition(index)));
      empty.push(await call(''));
    }
    const inProcess: number[] = [];
    for (let index = 0; index < LATENCY_CALLS; index += 1) {
      const started = performance.now();
      evaluateCondition(condition(1000 + index), state);
      inProcess.push(performance.now() - started);
    }
    return [
      benchResult('editor feedback latency, 1 MB sample, serve-mode HTTP', 'ms (median)', median(withCondition), median(empty), {
        value:
          'POST evaluateCondition: a new condition text each call (walkthrough-style, with [*] over every product key), 1 MB payload; result, trace, builder back',
        baseline:
          'the same POST with the same 1 MB payload and an empty condition: HTTP, JSON parsing and input validation only, no evaluation (lower is better; ratio = cost of the condition itself)',
        inProcessEvaluationMs: Number(median(inProcess).toFixed(2)),
        payloadBytes: size,
        productKeys: keys,
        calls: LATENCY_CALLS,
      }),
    ];
  } finally {
    await served.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function conditionEvaluation(): Promise<BenchResult[]> {
  return [...evaluationsPerSecond(), ...(await editorLatency())];
}

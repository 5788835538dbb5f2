// Delivery throughput of the engine, end to end on loopback, against a baseline measured in the
// same run: the same requests POSTed straight with undici to the same receiver.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { startAppService } from '../src-main/services/app-service.ts';
import { benchResult, median, type BenchResult } from './bench-result.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const CONCURRENCY = 32;
const ROUNDS = 3;

async function rawPosts(url: string, body: string, count: number): Promise<number> {
  const agent = new Agent({ connections: 16 });
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next += 1;
      const response = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, dispatcher: agent });
      await response.body.dump();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = performance.now() - started;
  await agent.close();
  return elapsed;
}

async function engineDeliveries(fire: () => Promise<unknown>, whenIdle: () => Promise<void>, count: number): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) await fire();
  await whenIdle();
  return performance.now() - started;
}

export async function deliveryThroughput(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-bench-'));
  const service = await startAppService({ dataDir, mode: 'cli', concurrency: CONCURRENCY });
  try {
    const sample = await service.api.fireEvent({ eventName: 'Entitlement Added', seed: 1 });
    await service.dispatcher.whenIdle();
    const attempt = (await service.api.getDelivery({ id: sample.deliveries[0]!.id })).attempts[0]!;
    const url = `${service.info.receiverUrl}/r/bench-baseline`;

    const baselineMs: number[] = [];
    const engineMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      baselineMs.push(await rawPosts(url, attempt.request.body, EVENTS));
      engineMs.push(
        await engineDeliveries(() => service.api.fireEvent({ eventName: 'Entitlement Added' }), () => service.dispatcher.whenIdle(), EVENTS),
      );
    }
    const unsettled =
      (await service.api.listDeliveries({ status: 'failed' })).length + (await service.api.listDeliveries({ status: 'retrying' })).length;
    const perSecond = (ms: number) => (EVENTS / ms) * 1000;
    return [
      benchResult('fire-to-capture deliveries per second', 'deliveries/s', perSecond(median(engineMs)), perSecond(median(baselineMs)), {
        baseline: 'undici POSTs of the same body to the same receiver, no engine',
        value: 'fireEvent → SQLite outbox → dispatcher → undici → receiver capture, all persisted',
        events: EVENTS,
        rounds: ROUNDS,
        concurrency: CONCURRENCY,
        notDelivered: unsettled,
      }),
    ];
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

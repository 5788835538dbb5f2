// `npm run bench`: delivery throughput of the engine, end to end on loopback, against a baseline
// measured in the same run — the same requests POSTed straight with undici to the same receiver.
// Prints JSON; figures that matter are the ratios, not the absolute rates of this machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { startAppService } from '../src-main/services/app-service.ts';

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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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
  const failed = (await service.api.listDeliveries({ status: 'failed' })).length + (await service.api.listDeliveries({ status: 'retrying' })).length;
  const baseline = median(baselineMs);
  const engine = median(engineMs);
  console.log(
    JSON.stringify(
      {
        benchmark: 'fire-and-deliver',
        events: EVENTS,
        rounds: ROUNDS,
        concurrency: CONCURRENCY,
        baseline: { what: 'undici POST of the same body to the same receiver', medianMs: Math.round(baseline), perSecond: Math.round((EVENTS / baseline) * 1000) },
        engine: { what: 'fireEvent → SQLite outbox → dispatcher → receiver capture', medianMs: Math.round(engine), perSecond: Math.round((EVENTS / engine) * 1000) },
        engineTimeOverBaseline: Number((engine / baseline).toFixed(2)),
        undeliveredDeliveries: failed,
      },
      null,
      2,
    ),
  );
} finally {
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
}

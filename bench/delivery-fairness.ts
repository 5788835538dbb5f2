// Fairness between endpoints: deliveries per second to a healthy endpoint while a slow one holds
// every try sent to it open (it accepts and never answers), next to the same healthy endpoint in a
// second engine without the slow one, in the same process, rounds taken in turn so that the load
// of the machine weighs on both alike. 40 tries wait on the slow endpoint's origin: more than the engine's 32 slots,
// so without a bound per origin they would take them all and the healthy endpoint would get none
// until the slow tries' deadlines. One origin shows what the bound does; 32 slow origins would fill
// the engine whatever the bound, and only the per-try deadline frees them.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAppService, type AppService } from '../src-main/services/app-service.ts';
import { hangingEndpoint } from '../test/fixtures/hostile-endpoint.ts';
import { benchResult, type BenchResult } from './bench-result.ts';

const HEALTHY_EVENTS = Number(process.env.BENCH_FAIRNESS_EVENTS ?? 200);
const SLOW_TRIES = 40;
const ROUNDS = 3;
const HEALTHY_EVENT = 'Entitlement Added';
const SLOW_EVENT = 'Entitlement Updated';
const SLOW_TIMEOUT_MS = 120_000;

/** A loopback endpoint answering 204 at once. */
async function healthyEndpoint(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Lab {
  service: AppService;
  healthyWebhookId: string;
  dataDir: string;
}

async function startLab(healthyUrl: string): Promise<Lab> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-bench-'));
  const service = await startAppService({ dataDir, mode: 'serve', receiverPort: 0, demoWorkspace: false });
  const { id } = await service.api.createWebhook({ name: 'healthy', events: [HEALTHY_EVENT], endpointUrl: healthyUrl });
  return { service, healthyWebhookId: id, dataDir };
}

async function closeLab({ service, dataDir }: Lab): Promise<void> {
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Fires HEALTHY_EVENTS events, all at once, and times them until every delivery succeeded (ms). */
async function healthyRun({ service, healthyWebhookId: webhookId }: Lab): Promise<number> {
  let succeeded = 0;
  let allDone = () => {};
  const done = new Promise<void>((resolve) => (allDone = resolve));
  const unsubscribe = service.api.onDeliveryChanged((delivery) => {
    if (delivery.webhookId !== webhookId || delivery.status !== 'succeeded') return;
    succeeded += 1;
    if (succeeded === HEALTHY_EVENTS) allDone();
  });
  const started = performance.now();
  await Promise.all(Array.from({ length: HEALTHY_EVENTS }, () => service.api.fireEvent({ eventName: HEALTHY_EVENT })));
  await done;
  const elapsedMs = performance.now() - started;
  unsubscribe();
  return elapsedMs;
}

export async function deliveryFairness(): Promise<BenchResult[]> {
  const healthy = await healthyEndpoint();
  const slow = await hangingEndpoint();
  const alone = await startLab(healthy.url);
  const beside = await startLab(healthy.url);
  try {
    const { api } = beside.service;
    await api.createWebhook({ name: 'slow', events: [SLOW_EVENT], endpointUrl: `${slow.url}/hooks`, timeoutMs: SLOW_TIMEOUT_MS });
    await healthyRun(alone);
    await healthyRun(beside);
    for (let n = 0; n < SLOW_TRIES; n += 1) await api.fireEvent({ eventName: SLOW_EVENT });

    const aloneMs: number[] = [];
    const besideMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      aloneMs.push(await healthyRun(alone));
      besideMs.push(await healthyRun(beside));
    }
    const slowHeld = slow.connections();
    // Over all rounds rather than a median: a stall in one round (slots taken until a deadline) must show.
    const perSecond = (runs: number[]) => ((HEALTHY_EVENTS * runs.length) / runs.reduce((sum, ms) => sum + ms, 0)) * 1000;

    return [
      benchResult('deliveries per second beside a hanging endpoint', 'deliveries/s', perSecond(besideMs), perSecond(aloneMs), {
        baseline: 'the same healthy webhook in a second engine with nothing else to deliver',
        value: `the healthy webhook while ${SLOW_TRIES} tries to one hanging origin (accepts, never answers; deadline ${SLOW_TIMEOUT_MS / 1000} s) are due`,
        slowTriesHeldOpen: slowHeld,
        healthyEvents: HEALTHY_EVENTS,
        rounds: ROUNDS,
        goal: 'ratio ≥ 0.8',
      }),
    ];
  } finally {
    // The hanging tries end at once when their endpoint goes, so the engine closes without waiting for their deadline.
    await slow.close();
    await Promise.all([closeLab(alone), closeLab(beside)]);
    await healthy.close();
  }
}

// Fairness between endpoints: deliveries per second to a healthy endpoint while slow ones hold every
// try sent to them open (they accept and never answer), next to the same healthy endpoint in a
// second engine without the slow ones, in the same process, rounds taken in turn so that the load
// of the machine weighs on both alike. Two cases, engine defaults (64 tries in flight, 8 per origin):
// - one hanging origin with 80 due tries, more than the engine's slots: without the bound per
//   origin they would take them all, and the healthy endpoint would get none until their deadlines;
// - 32 hanging endpoints (origins) holding a try each, as 32 stalled webhooks would.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAppService, type AppService } from '../src-main/services/app-service.ts';
import { hangingEndpoint } from '../test/fixtures/hostile-endpoint.ts';
import { benchResult, type BenchResult } from './bench-result.ts';

const HEALTHY_EVENTS = Number(process.env.BENCH_FAIRNESS_EVENTS ?? 200);
/** The slow side of a case: how many hanging endpoints, and how many tries are due to each. */
interface SlowSide {
  name: string;
  endpoints: number;
  triesEach: number;
}

const CASES: SlowSide[] = [
  { name: 'deliveries per second beside a hanging endpoint', endpoints: 1, triesEach: 80 },
  { name: 'deliveries per second beside 32 hanging endpoints', endpoints: 32, triesEach: 1 },
];
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

async function fairnessCase(healthy: { url: string }, side: SlowSide): Promise<BenchResult> {
  const slow = await Promise.all(Array.from({ length: side.endpoints }, () => hangingEndpoint()));
  const alone = await startLab(healthy.url);
  const beside = await startLab(healthy.url);
  try {
    const { api } = beside.service;
    await healthyRun(alone);
    await healthyRun(beside);
    for (const [n, endpoint] of slow.entries()) {
      await api.createWebhook({ name: `slow ${n}`, events: [SLOW_EVENT], endpointUrl: `${endpoint.url}/hooks`, timeoutMs: SLOW_TIMEOUT_MS });
    }
    // Each slow event goes to every slow webhook.
    for (let n = 0; n < side.triesEach; n += 1) await api.fireEvent({ eventName: SLOW_EVENT });

    const aloneMs: number[] = [];
    const besideMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      aloneMs.push(await healthyRun(alone));
      besideMs.push(await healthyRun(beside));
    }
    const slowHeld = slow.reduce((sum, endpoint) => sum + endpoint.connections(), 0);
    // Over all rounds rather than a median: a stall in one round (slots taken until a deadline) must show.
    const perSecond = (runs: number[]) => ((HEALTHY_EVENTS * runs.length) / runs.reduce((sum, ms) => sum + ms, 0)) * 1000;
    const slowSide =
      side.endpoints === 1 ? `${side.triesEach} tries to one hanging origin` : `${side.endpoints} hanging endpoints (origins) with ${side.triesEach} try each`;
    return benchResult(side.name, 'deliveries/s', perSecond(besideMs), perSecond(aloneMs), {
      baseline: 'the same healthy webhook in a second engine with nothing else to deliver',
      value: `the healthy webhook while ${slowSide} are due (they accept and never answer; deadline ${SLOW_TIMEOUT_MS / 1000} s)`,
      slowTriesHeldOpen: slowHeld,
      healthyEvents: HEALTHY_EVENTS,
      rounds: ROUNDS,
      goal: 'ratio ≥ 0.8',
    });
  } finally {
    // The hanging tries end at once when their endpoints go, so the engine closes without waiting for their deadline.
    await Promise.all(slow.map((endpoint) => endpoint.close()));
    await Promise.all([closeLab(alone), closeLab(beside)]);
  }
}

export async function deliveryFairness(): Promise<BenchResult[]> {
  const healthy = await healthyEndpoint();
  try {
    const results: BenchResult[] = [];
    for (const side of CASES) results.push(await fairnessCase(healthy, side));
    return results;
  } finally {
    await healthy.close();
  }
}

// Delivery throughput, CPU time and fire-to-capture latency of the engine, end to end on loopback,
// next to a bare run measured in the same process and run: a fastify app that answers 200 and
// stores nothing, and undici POSTing the same body, both at the same number of requests in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { Agent, request } from 'undici';
import { startAppService, type AppService } from '../src-main/services/app-service.ts';
import type { FireEventInput } from '../src-shared/domain/event.ts';
import { benchResult, median, percentile, type BenchResult } from './bench-result.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const WARM_UP_EVENTS = 300;
const IN_FLIGHT = 64;
/**
 * Whole rounds of both runs, discarded. A bare run straight after start-up is about half as fast
 * as it settles to (the JIT is still compiling undici's, fastify's and llhttp's paths; measured:
 * 7,000/s over its first 2,000 requests, 15,000–20,000/s after 10,000): a ratio against that
 * ramp would flatter the engine.
 */
const WARM_UP_ROUNDS = 3;
const ROUNDS = 5;
const BIN = 'bench';
const EVENT_NAME = 'Entitlement Added';

interface Run {
  elapsedMs: number;
  /** CPU time of the whole process (every thread) over elapsedMs. */
  cpuMs: number;
  latenciesMs: number[];
}

/** Runs `work`, returning its wall-clock and process CPU time. */
async function timed(work: () => Promise<unknown>): Promise<Pick<Run, 'elapsedMs' | 'cpuMs'>> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const { user, system } = process.cpuUsage(cpu);
  return { elapsedMs: performance.now() - started, cpuMs: (user + system) / 1000 };
}

/** A fastify app that answers 200 and keeps nothing, and undici keeping IN_FLIGHT POSTs open. */
async function bareRun(body: string, count: number): Promise<Run> {
  const app = Fastify();
  app.post('/hooks', async () => ({ received: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/hooks`;
  const agent = new Agent({ connections: IN_FLIGHT });
  const latenciesMs: number[] = [];
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      sent += 1;
      const started = performance.now();
      const response = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, dispatcher: agent });
      await response.body.dump();
      latenciesMs.push(performance.now() - started);
    }
  };
  const time = await timed(() => Promise.all(Array.from({ length: IN_FLIGHT }, worker)));
  await agent.close();
  await app.close();
  return { ...time, latenciesMs };
}

/**
 * Fires `count` events through the in-process API, keeping IN_FLIGHT of them between their
 * fireEvent call and their capture (a closed loop, like the bare run's workers; many fire calls
 * are in flight at once), until every attempt is recorded.
 * Latency: fireEvent call → captureReceived (emitted once the capture row is committed).
 */
async function engineRun(service: AppService, events: FireEventInput[]): Promise<Run> {
  const count = events.length;
  const firedAt = new Map<string, number>();
  const capturedAt = new Map<string, number>();
  let captureArrived = () => {};
  const unsubscribe = service.api.onCaptureReceived((capture) => {
    if (capture.bin !== BIN) return;
    capturedAt.set(capture.id, performance.now());
    captureArrived();
  });
  const time = await timed(async () => {
    const firing: Promise<void>[] = [];
    for (let fired = 0; fired < count; fired += 1) {
      while (fired - capturedAt.size >= IN_FLIGHT) await new Promise<void>((resolve) => (captureArrived = resolve));
      const calledAt = performance.now();
      firing.push(service.api.fireEvent(events[fired]!).then(({ event }) => void firedAt.set(event.id, calledAt)));
    }
    await Promise.all(firing);
    await service.dispatcher.whenIdle();
  });
  unsubscribe();

  // Which event each capture carried is read back after the clock stopped.
  const latenciesMs: number[] = [];
  for (const [captureId, at] of capturedAt) {
    const capture = await service.api.getCapture({ id: captureId });
    const { eventId } = JSON.parse(capture.body.encoding === 'utf8' ? capture.body.text : '{}') as { eventId: string };
    latenciesMs.push(at - firedAt.get(eventId)!);
  }
  return { ...time, latenciesMs };
}

export async function deliveryThroughput(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hooklab-bench-'));
  // Serve mode: the long-running engine, WAL checkpoints on a worker thread (CLI commands skip that worker).
  // As many tries in flight, to the one endpoint, as the bare run keeps requests open: the figure is the
  // pipeline's; the per-origin bound (fairness) has its own benchmark, with the defaults.
  const service = await startAppService({
    dataDir,
    mode: 'serve',
    receiverPort: 0,
    demoWorkspace: false,
    concurrency: IN_FLIGHT,
    concurrencyPerOrigin: IN_FLIGHT,
  });
  try {
    const webhook = await service.api.createWebhook({
      name: 'bench',
      events: [EVENT_NAME],
      endpointUrl: `${service.info.receiverUrl}/r/${BIN}`,
    });
    // Each event brings its entity, as a scenario or a replay does: the figure is the delivery
    // pipeline's, not the sample generator's (which costs as much as the rest of firing).
    const entities = await Promise.all(Array.from({ length: EVENTS }, (_, seed) => service.api.generateSampleState({ eventName: EVENT_NAME, seed })));
    const events = entities.map(({ entityId, currentState }): FireEventInput => ({ eventName: EVENT_NAME, entityId, currentState: currentState! }));
    await engineRun(service, events.slice(0, WARM_UP_EVENTS));
    const { deliveries } = await service.api.listDeliveries({ match: { webhookId: webhook.id }, limit: 1 });
    const body = (await service.api.getDelivery({ id: deliveries[0]!.id })).attempts[0]!.request.body;
    await bareRun(body, WARM_UP_EVENTS);

    const bare: Run[] = [];
    const engine: Run[] = [];
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
      const bareRound = await bareRun(body, EVENTS);
      const engineRound = await engineRun(service, events);
      if (round < WARM_UP_ROUNDS) continue;
      bare.push(bareRound);
      engine.push(engineRound);
    }
    const succeeded = await service.api.listDeliveries({ match: { webhookId: webhook.id, statuses: ['succeeded'] }, limit: 1 });
    const perSecond = (runs: Run[]) => (EVENTS / median(runs.map((run) => run.elapsedMs))) * 1000;
    const cpuMicrosEach = (runs: Run[]) => (median(runs.map((run) => run.cpuMs)) / EVENTS) * 1000;
    const engineCpuMicros = cpuMicrosEach(engine);
    const cores = availableParallelism();
    const engineLatencies = engine.flatMap((run) => run.latenciesMs);
    const bareLatencies = bare.flatMap((run) => run.latenciesMs);
    const latencyNotes = {
      baseline: 'bare undici → fastify round trip (request sent → response read), same in-flight count',
      value: 'fireEvent call → capture row stored by the receiver (captureReceived)',
      samples: engineLatencies.length,
      inFlight: IN_FLIGHT,
      ratio: 'engine / bare: lower is better',
    };
    return [
      benchResult('fire-to-capture deliveries per second', 'deliveries/s', perSecond(engine), perSecond(bare), {
        baseline: 'bare fastify (answers 200, stores nothing) + undici POSTing the same body, no engine',
        value: 'fireEvent (API) → SQLite outbox → dispatcher → undici → receiver capture → attempt recorded, all persisted',
        firing: `closed loop through the in-process API: ${IN_FLIGHT} events between fireEvent and capture at all times, each with its entity (generated beforehand)`,
        events: EVENTS,
        rounds: `${ROUNDS} of each, alternating, after ${WARM_UP_ROUNDS} discarded rounds of each (JIT warm-up)`,
        inFlight: `${IN_FLIGHT} (engine: overall and per endpoint origin)`,
        notDelivered: WARM_UP_EVENTS + EVENTS * (WARM_UP_ROUNDS + ROUNDS) - succeeded.total,
        captures: `${WARM_UP_EVENTS + EVENTS * (WARM_UP_ROUNDS + ROUNDS)} stored under the default retention of 10,000: once it is reached (in the second measured round), captures also prune the oldest (down to 1% under the limit at a time), as in a long-running workspace`,
      }),
      benchResult('fire-to-capture CPU time per delivery', 'µs', engineCpuMicros, cpuMicrosEach(bare), {
        baseline: 'CPU time per request of the bare run',
        value: 'CPU time per delivery of the engine run',
        measured:
          'process.cpuUsage over each run: user + system time of every thread of the process (main, WAL checkpointer, GC, the in-process receiver), median of the rounds',
        ratio: 'engine / bare: lower is better',
        cores,
        throughputRatioBound: {
          value: Number(((cores * 1e6) / engineCpuMicros / perSecond(bare)).toFixed(3)),
          how: "cores × 1 s / the engine's CPU time per delivery, as a ratio to the bare run's deliveries/s: the best fire-to-capture ratio this machine allows the engine's present work, even spread over every core at no cost",
        },
      }),
      ...[50, 99].map((p) =>
        benchResult(`fire-to-capture latency p${p}`, 'µs', percentile(engineLatencies, p) * 1000, percentile(bareLatencies, p) * 1000, latencyNotes),
      ),
    ];
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Delivery search over a workspace with 1,000,000 stored attempts: p50/p95 per kind of search
// (the filters the inspector offers, paging and the total count) through the real repository on
// a real SQLite file built with the real migrations, next to the floor of opening one delivery
// (a primary-key lookup with its attempts) in the same run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../src-main/engine/seeded-random.ts';
import { createKeyFileSecretBox } from '../src-main/platform/key-file-secret-box.ts';
import { DATABASE_FILE, openDatabase, type Db } from '../src-main/storage/database.ts';
import { DeliveryRepository } from '../src-main/storage/delivery-repository.ts';
import { deliveryFilterSchema, type DeliveryFilter, type DeliveryStatus } from '../src-shared/domain/delivery.ts';
import { benchResult, percentile, type BenchResult } from './bench-result.ts';

const DELIVERIES = Number(process.env.BENCH_SEARCH_DELIVERIES ?? 250_000);
const ATTEMPTS_PER_DELIVERY = 4;
const DELIVERIES_PER_EVENT = 2;
const WEBHOOKS = 8;
const SAMPLES = Number(process.env.BENCH_SEARCH_SAMPLES ?? 60);
const PAGE = 100;
const GOAL_MS = 50;
const DAY = 86_400_000;
const SPAN = 30 * DAY;
const START = Date.UTC(2025, 6, 1);

/** Most deliveries succeed; the rest spread over the other states, as in a busy workspace with a flaky endpoint. */
const STATUS_SHARES: [DeliveryStatus, number][] = [
  ['succeeded', 0.85],
  ['failed', 0.07],
  ['marked_successful', 0.03],
  ['retrying', 0.03],
  ['pending', 0.015],
  ['in_progress', 0.005],
];

function pickStatus(draw: number): DeliveryStatus {
  let sum = 0;
  for (const [status, share] of STATUS_SHARES) {
    sum += share;
    if (draw < sum) return status;
  }
  return 'succeeded';
}

interface Workspace {
  db: Db;
  webhookIds: string[];
  eventIds: string[];
  deliveryIds: string[];
  buildMs: number;
  fileBytes: number;
}

/** Real rows through the real schema, in transactions of 10,000 events; ids and times as the engine writes them. */
function buildWorkspace(file: string): Workspace {
  const started = performance.now();
  const db = openDatabase(file);
  // Only while building: a crash here loses nothing of value, and durability costs most of the time.
  db.pragma('synchronous = OFF');
  db.pragma('wal_autocheckpoint = 0');
  // Random UUID keys land all over their indexes: keep the indexes in memory while they grow.
  db.pragma('cache_size = -524288');
  const random = seededRandom(5);
  const webhookIds = Array.from({ length: WEBHOOKS }, () => randomUUID());
  const insertWebhook = db.prepare(
    `INSERT INTO webhooks (id, vendor, name, events, endpoint_url, activities, include_data, enabled, description, created_at, updated_at)
     VALUES (?, 'sentinel-ems', ?, '["Entitlement Added"]', ?, '[]', 1, 1, '', ?, ?)`,
  );
  webhookIds.forEach((id, index) => insertWebhook.run(id, `webhook ${index}`, `http://127.0.0.1:9/hooks/${index}`, START, START));

  const insertEvent = db.prepare(
    `INSERT INTO events (id, vendor, entity, event_name, activity, entity_id, request_id, op_time, origin, created_at)
     VALUES (?, 'sentinel-ems', 'Entitlement', 'Entitlement Added', 'Create', ?, ?, ?, 'synthetic', ?)`,
  );
  const insertDelivery = db.prepare(
    `INSERT INTO deliveries (id, event_id, webhook_id, webhook_name, endpoint_url, status, attempt_count, next_attempt_at,
       last_status_code, last_error, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (id, delivery_id, number, scheduled_at, started_at, duration_ms, request_method, request_url,
       request_headers, request_body, response_status, response_headers, response_body, error)
     VALUES (?, ?, ?, ?, ?, 12, 'POST', ?, '{"content-type":"application/json"}', ?, ?, '{}', '', ?)`,
  );

  const events = Math.ceil(DELIVERIES / DELIVERIES_PER_EVENT);
  const eventIds: string[] = [];
  const deliveryIds: string[] = [];
  const batch = 10_000;
  for (let first = 0; first < events; first += batch) {
    db.transaction(() => {
      for (let n = first; n < Math.min(events, first + batch); n += 1) {
        const eventId = randomUUID();
        const createdAt = START + Math.floor((n / events) * SPAN);
        eventIds.push(eventId);
        insertEvent.run(eventId, `ent-${n}`, randomUUID(), createdAt, createdAt);
        for (let k = 0; k < DELIVERIES_PER_EVENT && deliveryIds.length < DELIVERIES; k += 1) {
          const id = randomUUID();
          deliveryIds.push(id);
          const webhook = Math.floor(random() * WEBHOOKS);
          const status = pickStatus(random());
          const ok = status === 'succeeded' || status === 'marked_successful';
          const url = `http://127.0.0.1:9/hooks/${webhook}`;
          insertDelivery.run(
            id,
            eventId,
            webhookIds[webhook],
            `webhook ${webhook}`,
            url,
            status,
            ATTEMPTS_PER_DELIVERY,
            status === 'retrying' || status === 'pending' ? createdAt + DAY : null,
            ok ? 200 : 503,
            ok ? null : 'Endpoint answered HTTP 503',
            createdAt,
            createdAt,
          );
          for (let number = 1; number <= ATTEMPTS_PER_DELIVERY; number += 1) {
            const at = createdAt + (number - 1) * 300_000;
            const last = number === ATTEMPTS_PER_DELIVERY;
            insertAttempt.run(
              randomUUID(),
              id,
              number,
              at,
              at,
              url,
              `{"eventId":"${eventId}"}`,
              last && ok ? 200 : 503,
              last && ok ? null : 'Endpoint answered HTTP 503',
            );
          }
        }
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 1000');
  db.pragma('cache_size = -2000');
  return { db, webhookIds, eventIds, deliveryIds, buildMs: performance.now() - started, fileBytes: statSync(file).size };
}

/** Draws what a search is about: an existing webhook or event, a number in [0, 1). */
interface Draws {
  webhookId(): string;
  eventId(): string;
  fraction(): number;
}

/** One kind of search: a filter drawn afresh for each sample. */
interface SearchKind {
  name: string;
  filter(draws: Draws): DeliveryFilter;
}

const windowOf = (draws: Draws, length: number) => {
  const from = START + Math.floor(draws.fraction() * (SPAN - length));
  return { createdFrom: from, createdTo: from + length };
};

const KINDS: SearchKind[] = [
  { name: 'newest page, no filter', filter: () => ({ limit: PAGE }) },
  { name: 'one webhook', filter: (draws) => ({ match: { webhookId: draws.webhookId() }, limit: PAGE }) },
  { name: 'one event id', filter: (draws) => ({ match: { eventId: draws.eventId() }, limit: PAGE }) },
  {
    name: 'one event id, one webhook, succeeded',
    filter: (draws) => ({ match: { eventId: draws.eventId(), webhookId: draws.webhookId(), statuses: ['succeeded'] }, limit: PAGE }),
  },
  { name: 'status failed', filter: () => ({ match: { statuses: ['failed'] }, limit: PAGE }) },
  { name: 'statuses succeeded + marked successful', filter: () => ({ match: { statuses: ['succeeded', 'marked_successful'] }, limit: PAGE }) },
  {
    name: 'one webhook, failed + retrying',
    filter: (draws) => ({ match: { webhookId: draws.webhookId(), statuses: ['failed', 'retrying'] }, limit: PAGE }),
  },
  { name: 'one day', filter: (draws) => ({ match: windowOf(draws, DAY), limit: PAGE }) },
  {
    name: 'one webhook, succeeded, one week',
    filter: (draws) => ({ match: { webhookId: draws.webhookId(), statuses: ['succeeded'], ...windowOf(draws, 7 * DAY) }, limit: PAGE }),
  },
  {
    name: 'deep page (offset up to 100,000), no filter',
    filter: (draws) => ({ offset: Math.floor(draws.fraction() * 100_000), limit: PAGE }),
  },
  {
    name: 'deep page (offset up to 10,000), one webhook, three statuses',
    filter: (draws) => ({
      match: { webhookId: draws.webhookId(), statuses: ['succeeded', 'failed', 'retrying'] },
      offset: Math.floor(draws.fraction() * 10_000),
      limit: PAGE,
    }),
  },
];

function timeMs(body: () => unknown): number {
  const started = performance.now();
  body();
  return performance.now() - started;
}

const us = (ms: number) => ms * 1000;

export async function deliverySearch(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hooklab-bench-search-'));
  let workspace: Workspace | null = null;
  try {
    workspace = buildWorkspace(join(dir, DATABASE_FILE));
    const { webhookIds, eventIds, deliveryIds } = workspace;
    const repository = new DeliveryRepository(workspace.db, createKeyFileSecretBox(dir));
    const random = seededRandom(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const draws: Draws = { webhookId: () => pick(webhookIds), eventId: () => pick(eventIds), fraction: random };
    const attempts = (workspace.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;

    const openOne = () => {
      const id = pick(deliveryIds);
      return timeMs(() => {
        const delivery = repository.getDelivery(id)!;
        repository.getEvent(delivery.eventId);
        repository.listAttempts(id);
      });
    };
    // Warm the page cache and the statement cache the way a session that has been open a while would be.
    for (const kind of KINDS) repository.listDeliveries(deliveryFilterSchema.parse(kind.filter(draws)));
    for (let n = 0; n < 20; n += 1) openOne();

    // Interleaved, so every kind and the floor see the same machine state.
    const samples = new Map<string, number[]>(KINDS.map((kind) => [kind.name, []]));
    const floor: number[] = [];
    for (let round = 0; round < SAMPLES; round += 1) {
      for (const kind of KINDS) {
        const query = deliveryFilterSchema.parse(kind.filter(draws));
        samples.get(kind.name)!.push(timeMs(() => repository.listDeliveries(query)));
      }
      floor.push(openOne());
    }

    const floorP95 = percentile(floor, 95);
    const scale = `${attempts.toLocaleString('en-US')} attempts`;
    const all = [...samples.values()].flat();
    const common = {
      deliveries: deliveryIds.length,
      attempts,
      webhooks: WEBHOOKS,
      pageSize: PAGE,
      samplesPerKind: SAMPLES,
      goalP95Ms: GOAL_MS,
      fileMB: Math.round(workspace.fileBytes / 1e6),
      buildSeconds: Number((workspace.buildMs / 1000).toFixed(1)),
      baseline: 'p95 of opening one delivery: primary-key lookup of the delivery, its event and its 4 attempts (the floor of any read)',
    };
    const perKind = Object.fromEntries(
      KINDS.map((kind) => {
        const times = samples.get(kind.name)!;
        return [kind.name, { p50Ms: Number(percentile(times, 50).toFixed(2)), p95Ms: Number(percentile(times, 95).toFixed(2)) }];
      }),
    );
    const worst = Math.max(...Object.values(perKind).map((kind) => kind.p95Ms));
    return [
      benchResult(`delivery search p95, ${scale}, all kinds`, 'µs (p95)', us(percentile(all, 95)), us(floorP95), {
        value: 'one page (100 rows, newest first) plus the total count, through DeliveryRepository.listDeliveries, every kind below in turn',
        p50Ms: Number(percentile(all, 50).toFixed(2)),
        worstKindP95Ms: worst,
        meetsGoal: worst < GOAL_MS,
        perKind,
        ...common,
      }),
      ...KINDS.map((kind) =>
        benchResult(`delivery search p95, ${scale}, ${kind.name}`, 'µs (p95)', us(perKind[kind.name]!.p95Ms), us(floorP95), {
          p50Ms: perKind[kind.name]!.p50Ms,
          meetsGoal: perKind[kind.name]!.p95Ms < GOAL_MS,
          goalP95Ms: GOAL_MS,
        }),
      ),
    ];
  } finally {
    workspace?.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

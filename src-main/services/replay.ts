import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import type { DeliverySummary } from '../../src-shared/domain/delivery.ts';
import type { FiredEvent } from '../../src-shared/domain/event.ts';
import type { ReplayCapturesQuery, ReplayCapturesResult, ReplayProgress, ReplayQuery, ReplayResult, ReplaySkip } from '../../src-shared/domain/replay.ts';
import type { EventReplay } from '../../src-shared/domain/event-replay.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Clock } from '../engine/clock.ts';
import { captureTarget } from '../../src-shared/domain/capture-target.ts';
import type { CaptureRepository } from '../storage/capture-repository.ts';
import type { DeliveryRepository, DeliveryTarget } from '../storage/delivery-repository.ts';
import type { GroupCommit } from '../storage/group-commit.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';

export interface ReplayDeps {
  commits: GroupCommit;
  captures: CaptureRepository;
  deliveries: DeliveryRepository;
  webhooks: WebhookRepository;
  clock: Clock;
  onDeliveryChanged(delivery: DeliverySummary): void;
  onProgress(progress: ReplayProgress): void;
  /** A replay's delivery is due now. */
  onDue(): void;
  /** Bulk replays under way, by operation id; aborting one stops it. */
  bulkReplays: Map<string, AbortController>;
}

/**
 * The column needs a vendor, but an exact replay of a capture to a URL uses no vendor profile
 * (nothing is signed, never retried); it is filed under the default vendor.
 */
const UNSIGNED_REPLAY_VENDOR: VendorId = 'sentinel-ems';

/** The event fields a replay takes from its source. */
type SourceFields = Pick<FiredEvent, 'vendor' | 'entity' | 'eventName' | 'activity' | 'entityId' | 'previousState' | 'currentState'>;

interface ResolvedSource {
  fields: SourceFields;
  request: EventReplay['request'];
}

/** Thrown for a source that exists but cannot be replayed; bulk replay skips it. */
class UnreplayableSource extends AppError {
  constructor(message: string) {
    super('invalid_input', message, { issues: [{ path: 'source', message }] });
  }
}

function resolveSource(deps: ReplayDeps, { kind, id }: ReplayQuery['source']): ResolvedSource {
  if (kind === 'attempt') {
    const found = deps.deliveries.getAttempt(id);
    if (!found) throw validationError([{ path: 'source.id', message: `no attempt has id "${id}"` }]);
    const { attempt, event } = found;
    const { url: _url, ...request } = attempt.request;
    return { fields: event, request };
  }
  const capture = deps.captures.get(id);
  if (!capture) throw validationError([{ path: 'source.id', message: `no capture has id "${id}"` }]);
  // Attempts, and so replays, hold text bodies; a binary one would not survive the round trip.
  if (capture.body.encoding !== 'utf8') throw new UnreplayableSource(`capture "${id}" has a binary body; only text bodies can be replayed`);
  return {
    fields: {
      vendor: UNSIGNED_REPLAY_VENDOR,
      entity: 'Capture',
      // Named for the capture it came from: "POST /" alone told nothing apart in Deliveries.
      eventName: `Replay of ${capture.method} ${captureTarget(capture)}`,
      activity: `bin ${capture.bin}`,
      entityId: capture.id,
      previousState: null,
      currentState: null,
    },
    request: { method: capture.method, headers: capture.headers, body: capture.body.text },
  };
}

/** The delivery's target, and the vendor whose profile signs a resign replay (the webhook's). */
function resolveTarget(deps: ReplayDeps, target: ReplayQuery['target']): { to: DeliveryTarget; vendor: VendorId | null } {
  if (target.kind === 'url') return { to: { id: '', name: `Replay to ${new URL(target.url).host}`, endpointUrl: target.url }, vendor: null };
  const webhook = deps.webhooks.get(target.webhookId);
  if (!webhook) throw validationError([{ path: 'target.webhookId', message: `no webhook has id "${target.webhookId}"` }]);
  return { to: webhook, vendor: webhook.vendor };
}

/** Writes the replay event and its one delivery to the outbox (synchronous: run inside a group commit). */
function queueReplay(deps: ReplayDeps, input: ReplayQuery): ReplayResult {
  const source = resolveSource(deps, input.source);
  const { to, vendor } = resolveTarget(deps, input.target);
  const now = deps.clock.now();
  const event: FiredEvent = {
    ...source.fields,
    vendor: vendor ?? source.fields.vendor,
    id: randomUUID(),
    requestId: randomUUID(),
    opTime: now,
    createdAt: now,
    origin: 'replay',
    replay: {
      source: input.source,
      mode: input.mode,
      request: input.body === undefined ? source.request : { ...source.request, body: input.body },
    },
  };
  const [delivery] = deps.deliveries.insertEventWithDeliveries(event, [to], now);
  return { event, delivery: delivery! };
}

/**
 * One replay: an event of origin `replay` with one delivery, sent by the dispatcher like any
 * other (attempts, retries of resign replays, the inspector).
 */
export async function replay(deps: ReplayDeps, input: ReplayQuery): Promise<ReplayResult> {
  const result = await deps.commits.run(() => queueReplay(deps, input));
  deps.onDeliveryChanged(result.delivery);
  deps.onDue();
  return result;
}

/**
 * The bin's newest `limit` captures, replayed oldest first at most `ratePerSecond` a second (real
 * time, not the vendor clock: the rate protects the target). Captures that cannot be replayed are
 * skipped with the reason; progress after each.
 */
export async function replayCaptures(deps: ReplayDeps, input: ReplayCapturesQuery): Promise<ReplayCapturesResult> {
  const operationId = input.operationId ?? randomUUID();
  // Checked once up front, so a bad target fails the call instead of every capture.
  resolveTarget(deps, input.target);
  const captures = deps.captures.list({ bin: input.bin, limit: input.limit }).reverse();
  const total = captures.length;
  const intervalMs = input.ratePerSecond ? 1000 / input.ratePerSecond : 0;
  const skipped: ReplaySkip[] = [];
  const failed: ReplaySkip[] = [];
  const deliveryIds: string[] = [];
  if (deps.bulkReplays.has(operationId)) throw new AppError('conflict', `Bulk replay "${operationId}" is under way already`);
  const run = new AbortController();
  deps.bulkReplays.set(operationId, run);
  let notSent = 0;
  try {
    for (const [index, capture] of captures.entries()) {
      // A stop cuts the wait short: at a slow rate it would otherwise take up to one interval.
      if (index > 0 && intervalMs > 0) await sleep(intervalMs, undefined, { signal: run.signal }).catch(() => {});
      if (run.signal.aborted) {
        notSent = total - index;
        break;
      }
      try {
        const { delivery } = await replay(deps, { source: { kind: 'capture', id: capture.id }, target: input.target, mode: input.mode });
        deliveryIds.push(delivery.id);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        (error instanceof UnreplayableSource ? skipped : failed).push({ captureId: capture.id, reason });
      }
      deps.onProgress({ operationId, done: index + 1, total });
    }
  } finally {
    deps.bulkReplays.delete(operationId);
  }
  if (total === 0) deps.onProgress({ operationId, done: 0, total });
  return { operationId, sent: deliveryIds.length, deliveryIds, failed, skipped, notSent };
}

/** Ends a bulk replay before its next capture; those sent stay sent. */
export function stopReplayCaptures(deps: Pick<ReplayDeps, 'bulkReplays'>, operationId: string): { operationId: string } {
  const run = deps.bulkReplays.get(operationId);
  if (!run) throw new AppError('not_found', `No bulk replay "${operationId}" is under way`);
  run.abort();
  return { operationId };
}

import { describe, expect, it } from 'vitest';
import { outcomeRules } from '../../../../src-main/engine/outcome-classification.ts';
import { BULK_CHUNK } from '../../../../src-main/services/delivery-operations.ts';
import { sentinelProfile } from '../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import { vendorProfiles } from '../../../../src-main/vendors/vendor-registry.ts';
import { VENDOR_IDS } from '../../../../src-shared/domain/vendor.ts';
import type { BulkProgress, DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';

/**
 * Two webhooks on the engine's own receiver: "down" answers 404 (final: failed after one try),
 * "up" answers 200. Every event fired reaches both; returns once every delivery is settled.
 */
async function failedAndSucceeded(events: number) {
  const service = await startTestService({ timeScale: 3600 });
  const { api } = service;
  await api.setBinScript({ bin: 'down', script: { status: 404 } });
  await api.setBinScript({ bin: 'up', script: {} });
  const down = await api.createWebhook({ name: 'down', events: ['Entitlement Added'], endpointUrl: `${service.info.receiverUrl}/r/down/h` });
  const up = await api.createWebhook({ name: 'up', events: ['Entitlement Added'], endpointUrl: `${service.info.receiverUrl}/r/up/h` });
  const eventIds: string[] = [];
  for (let n = 0; n < events; n += 1) eventIds.push((await api.fireEvent({ eventName: 'Entitlement Added' })).event.id);
  await service.dispatcher.whenIdle();
  const { deliveries } = await api.listDeliveries({ limit: 1000 });
  const of = (webhookId: string) => deliveries.filter((delivery) => delivery.webhookId === webhookId);
  expect(of(down.id).map((d) => d.status)).toEqual(Array(events).fill('failed'));
  expect(of(up.id).map((d) => d.status)).toEqual(Array(events).fill('succeeded'));
  return { service, api, down, up, eventIds, failed: of(down.id), succeeded: of(up.id) };
}

/** Everything the engine says while `run` runs. */
async function recordEvents<T>(api: Awaited<ReturnType<typeof startTestService>>['api'], run: () => Promise<T>) {
  const progress: BulkProgress[] = [];
  const changed: DeliverySummary[] = [];
  const stopProgress = api.onBulkProgress((p) => progress.push(p));
  const stopChanged = api.onDeliveryChanged((d) => changed.push(d));
  try {
    return { result: await run(), progress, changed };
  } finally {
    stopProgress();
    stopChanged();
  }
}

describe('mark as successful (seed 002, "Mark as Bulk Successful")', () => {
  it('one failed delivery: marked_successful, out of the queue, nothing sent; a second time it is skipped', async () => {
    const { service, api, failed } = await failedAndSucceeded(1);
    const [delivery] = failed;
    const { result, progress, changed } = await recordEvents(api, () => api.markDeliveriesSuccessful({ ids: [delivery.id], operationId: 'one' }));
    expect(result).toEqual({ operationId: 'one', operation: 'mark_successful', matched: 1, changed: 1, skipped: 0, skippedByStatus: {}, skippedReason: null });
    expect(progress).toEqual([{ operationId: 'one', operation: 'mark_successful', done: 1, total: 1 }]);
    expect(changed).toEqual([expect.objectContaining({ id: delivery.id, status: 'marked_successful', nextAttemptAt: null })]);
    await service.dispatcher.whenIdle();
    const detail = await api.getDelivery({ id: delivery.id });
    expect(detail.delivery.status).toBe('marked_successful');
    expect(detail.attempts).toHaveLength(1);
    expect(await api.listCaptures({ bin: 'down' })).toHaveLength(1);

    const again = await api.markDeliveriesSuccessful({ ids: [delivery.id] });
    expect(again).toMatchObject({ matched: 1, changed: 0, skipped: 1 });
    expect(again.skippedReason).toBe('only failed deliveries can be marked successful: 1 marked successful was skipped');
    expect(again.operationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('in bulk by match: every failed one, the others skipped and counted by status', async () => {
    const { api, failed, succeeded } = await failedAndSucceeded(3);
    const { result, progress, changed } = await recordEvents(api, () => api.markDeliveriesSuccessful({ match: {}, operationId: 'all' }));
    expect(result).toEqual({
      operationId: 'all',
      operation: 'mark_successful',
      matched: 6,
      changed: 3,
      skipped: 3,
      skippedByStatus: { succeeded: 3 },
      skippedReason: 'only failed deliveries can be marked successful: 3 succeeded were skipped',
    });
    expect(progress.at(-1)).toEqual({ operationId: 'all', operation: 'mark_successful', done: 6, total: 6 });
    expect(changed.map((d) => d.id).sort()).toEqual(failed.map((d) => d.id).sort());
    const after = await api.listDeliveries({ match: { statuses: ['marked_successful'] } });
    expect(after.total).toBe(3);
    expect((await api.listDeliveries({ match: { statuses: ['succeeded'] } })).deliveries).toEqual(succeeded);
  });

  it('works in chunks: progress after each one, unknown ids counted as skipped', async () => {
    const { api, failed } = await failedAndSucceeded(1);
    const unknown = Array.from({ length: 2 * BULK_CHUNK }, (_, n) => `missing-${n}`);
    const { result, progress } = await recordEvents(api, () =>
      api.markDeliveriesSuccessful({ ids: [...unknown, failed[0].id, unknown[0]], operationId: 'chunks' }),
    );
    const total = 2 * BULK_CHUNK + 1;
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [BULK_CHUNK, total],
      [2 * BULK_CHUNK, total],
      [total, total],
    ]);
    expect(result).toMatchObject({ matched: total, changed: 1, skipped: 2 * BULK_CHUNK });
    expect(result.skippedReason).toBe(`${2 * BULK_CHUNK} ids match no delivery`);
    expect((await api.getDelivery({ id: failed[0].id })).delivery.status).toBe('marked_successful');
  });
});

describe('manual retry by match', () => {
  it('retries the failed ones among the matches; each gets round 2 (a final answer ends the round at once)', async () => {
    const { service, api, failed, down } = await failedAndSucceeded(3);
    const { result, progress } = await recordEvents(api, () => api.retryDeliveries({ match: { statuses: ['failed'] }, operationId: 'r' }));
    expect(result).toMatchObject({ operation: 'retry', matched: 3, changed: 3, skipped: 0, skippedReason: null });
    expect(progress.at(-1)).toEqual({ operationId: 'r', operation: 'retry', done: 3, total: 3 });
    await service.dispatcher.whenIdle();
    for (const delivery of failed) {
      const detail = await api.getDelivery({ id: delivery.id });
      expect(detail.delivery.status).toBe('failed');
      expect(detail.attempts.map((a) => [a.number, a.round, a.roundTrigger, a.response?.status])).toEqual([
        [1, 1, 'fired', 404],
        [2, 2, 'manual_retry', 404],
      ]);
    }
    expect(await api.listCaptures({ bin: 'down' })).toHaveLength(6);

    const everything = await api.retryDeliveries({ match: { webhookId: down.id, createdFrom: 0 } });
    expect(everything).toMatchObject({ matched: 3, changed: 3 });
    const mixed = await api.retryDeliveries({ match: {} });
    expect(mixed.matched).toBe(6);
    expect(mixed.skippedReason).toMatch(/^only failed deliveries can be retried: .*3 succeeded/);
  });
});

describe('re-delivery of a succeeded delivery', () => {
  it('sends the same event again (same event id) in a new round; the receiver can de-duplicate', async () => {
    const { service, api, succeeded, eventIds } = await failedAndSucceeded(1);
    const [delivery] = succeeded;
    const { result, changed } = await recordEvents(api, () => api.redeliverDelivery({ id: delivery.id }));
    expect(result).toMatchObject({ id: delivery.id, status: 'pending' });
    expect(changed[0]).toMatchObject({ id: delivery.id, status: 'pending' });
    await service.dispatcher.whenIdle();
    const detail = await api.getDelivery({ id: delivery.id });
    expect(detail.delivery.status).toBe('succeeded');
    expect(detail.attempts.map((a) => [a.round, a.roundTrigger, a.response?.status])).toEqual([
      [1, 'fired', 200],
      [2, 'redelivery', 200],
    ]);
    const captures = await api.listCaptures({ bin: 'up' });
    const bodies = await Promise.all(
      captures.map(async ({ id }) => {
        const { body } = await api.getCapture({ id });
        return body.encoding === 'utf8' ? JSON.parse(body.text) : null;
      }),
    );
    expect(bodies.map((body) => body.eventId)).toEqual([eventIds[0], eventIds[0]]);
    expect(bodies[0]).toEqual(bodies[1]);
  });

  it('a marked successful one can be re-delivered; a failed, unknown or busy one cannot', async () => {
    const { service, api, failed } = await failedAndSucceeded(1);
    const failedOne = failed[0];
    const refused = await rejection(api.redeliverDelivery({ id: failedOne.id }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('This delivery is failed: only succeeded or marked successful deliveries can be re-delivered; retry a failed one instead');
    expect((await rejection(api.redeliverDelivery({ id: 'nope' }))).code).toBe('not_found');
    expect((await api.getDelivery({ id: failedOne.id })).attempts).toHaveLength(1);

    await api.markDeliveriesSuccessful({ ids: [failedOne.id] });
    await api.redeliverDelivery({ id: failedOne.id });
    // Re-delivered to the bin that answers 404: pending or under way, and not re-deliverable now.
    const busy = await rejection(api.redeliverDelivery({ id: failedOne.id }));
    expect(busy.message).toMatch(/^This delivery is (pending|in progress|failed):/);
    await service.dispatcher.whenIdle();
    const detail = await api.getDelivery({ id: failedOne.id });
    expect(detail.attempts.map((a) => a.roundTrigger)).toEqual(['fired', 'redelivery']);
    expect(detail.delivery.status).toBe('failed');
  });
});

describe('bad input is rejected, naming the field, and nothing changes', () => {
  it.each([
    ['both ids and match', { ids: ['x'], match: {} }, 'ids'],
    ['neither ids nor match', {}, 'ids'],
    ['an unknown status', { match: { statuses: ['lost'] } }, 'match.statuses[0]'],
    ['createdTo before createdFrom', { match: { createdFrom: 2000, createdTo: 1000 } }, 'match.createdTo'],
    ['an empty id', { ids: [' '] }, 'ids[0]'],
  ])('%s', async (_, selection, path) => {
    const { service, api } = await failedAndSucceeded(1);
    const before = await api.listDeliveries();
    for (const operation of [api.retryDeliveries, api.markDeliveriesSuccessful]) {
      const error = await rejection(operation(selection as never));
      expect(error.code).toBe('invalid_input');
      expect(error.details).toMatchObject({ issues: [expect.objectContaining({ path })] });
    }
    await service.dispatcher.whenIdle();
    expect(await api.listDeliveries()).toEqual(before);
  });
});

describe('getDeliveryRules: what the UI shows is what the engine does', () => {
  it('the classification table, the three tries of a manual round, and each vendor’s default schedule', async () => {
    const { api } = await failedAndSucceeded(0);
    const rules = await api.getDeliveryRules();
    expect(rules.outcomes).toEqual(outcomeRules());
    expect(rules.manualRetryAttempts).toBe(3);
    expect(rules.vendorDefaults.map((entry) => entry.vendor)).toEqual([...VENDOR_IDS]);
    expect(rules.vendorDefaults[0]).toEqual({
      vendor: 'sentinel-ems',
      policy: sentinelProfile.retryPolicy,
      source: sentinelProfile.retryPolicySource,
      scheduleMs: [5 * 60_000, 15 * 60_000, 40 * 60_000],
    });
    for (const entry of rules.vendorDefaults) {
      expect(entry.policy).toEqual(vendorProfiles[entry.vendor].retryPolicy);
      expect(entry.source).toBe(vendorProfiles[entry.vendor].retryPolicySource);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { DeliverySummary, DeliveryStatus } from '../../../../../src-shared/domain/delivery.ts';
import { replayCapturesInputSchema } from '../../../../../src-shared/domain/replay.ts';
import { BULK_REPLAY_FIELD_LABELS, toReplayCapturesInput, type BulkReplayForm } from '../../../../../src-renderer/src/features/replay/bulk-replay-form.ts';
import { tallyBulkReplay } from '../../../../../src-renderer/src/features/replay/bulk-replay-tally.ts';
import { placeReplayIssues } from '../../../../../src-renderer/src/features/replay/replay-form.ts';

const form: BulkReplayForm = { mode: 'exact', targetKind: 'url', url: 'http://127.0.0.1:9/r/copy', webhookId: 'wh_1', rate: '' };

describe('bulk replay form', () => {
  it('replays every capture of the bin to the URL as fast as it can when no rate is given', () => {
    const input = toReplayCapturesInput('inbox', 5, form);
    expect(input).toEqual({ bin: 'inbox', limit: 5, target: { kind: 'url', url: 'http://127.0.0.1:9/r/copy' }, mode: 'exact' });
    expect(replayCapturesInputSchema.safeParse(input).success).toBe(true);
  });

  it('caps a big bin at the engine limit and sends the rate as a number', () => {
    expect(toReplayCapturesInput('inbox', 5000, { ...form, mode: 'resign', rate: ' 2.5 ' })).toMatchObject({
      limit: 1000,
      target: { kind: 'webhook', webhookId: 'wh_1' },
      ratePerSecond: 2.5,
    });
  });

  it('puts a rate the engine refuses at the Rate field, naming it', () => {
    const parsed = replayCapturesInputSchema.safeParse(toReplayCapturesInput('inbox', 5, { ...form, rate: '500' }));
    expect(parsed.success).toBe(false);
    const issues = (parsed.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    expect(placeReplayIssues(form, issues, BULK_REPLAY_FIELD_LABELS).fields).toEqual({ ratePerSecond: 'Rate must be at most 100' });
  });
});

const delivery = (id: string, status: DeliveryStatus) => ({ id, status }) as DeliverySummary;

describe('bulk replay tally', () => {
  it('counts delivered, failed (including replays never queued), under way and skipped', () => {
    const result = {
      operationId: 'op',
      sent: 4,
      deliveryIds: ['d1', 'd2', 'd3', 'd4'],
      failed: [{ captureId: 'c5', reason: 'boom' }],
      skipped: [{ captureId: 'c6', reason: 'not text' }],
      notSent: 0,
    };
    const deliveries = { d1: delivery('d1', 'succeeded'), d2: delivery('d2', 'failed'), d3: delivery('d3', 'retrying') };
    expect(tallyBulkReplay(result, deliveries)).toEqual({ sent: 4, delivered: 1, failed: 2, underWay: 2, skipped: 1 });
  });
});

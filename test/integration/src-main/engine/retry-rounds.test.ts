import { describe, expect, it } from 'vitest';
import { MANUAL_RETRY_ATTEMPTS, retrySchedule } from '../../../../src-main/engine/retry-policy.ts';
import { seededRandom } from '../../../../src-main/engine/seeded-random.ts';
import type { Attempt } from '../../../../src-shared/domain/delivery.ts';
import type { ExponentialRetryPolicy, FixedRetryPolicy } from '../../../../src-shared/domain/retry-policy.ts';
import { waitForDelivery } from '../../../fixtures/app-service.ts';
import { expectRetriesOnSchedule, fireAtScriptedBin, responseStatuses } from '../../../fixtures/scripted-bin.ts';

/** An hour of vendor time per real second. */
const SCALE = 3600;
/** 100 real ms, in vendor ms. */
const TOLERANCE = 100 * SCALE;
const MINUTE = 60_000;

const rounds = (attempts: Attempt[]) => attempts.map((attempt) => `${attempt.round}:${attempt.roundTrigger}`);

describe('custom retry policies (real HTTP to scripted bins, time scale 3600×)', () => {
  it('a fixed list of intervals replaces the vendor default: 1 + 2 tries, on that schedule', async () => {
    const policy: FixedRetryPolicy = { kind: 'fixed', intervalsMs: [10 * MINUTE, 25 * MINUTE] };
    const { service, deliveryId } = await fireAtScriptedBin({ status: 500 }, { timeScale: SCALE }, { retryPolicy: policy });
    const failed = await waitForDelivery(service.api, deliveryId, 'failed');
    expect(responseStatuses(failed.attempts)).toEqual([500, 500, 500]);
    expectRetriesOnSchedule(failed.attempts, policy.intervalsMs, TOLERANCE);
    expect((await service.api.listWebhooks())[0].retryPolicy).toEqual(policy);
  });

  it('exponential with jitter follows the seeded random draws exactly', async () => {
    const policy: ExponentialRetryPolicy = { kind: 'exponential', baseMs: 10 * MINUTE, factor: 2, maxMs: 30 * MINUTE, jitter: 0.5, retries: 3 };
    const seed = 42;
    const { service, deliveryId } = await fireAtScriptedBin({ status: 503 }, { timeScale: SCALE, random: seededRandom(seed) }, { retryPolicy: policy });
    const failed = await waitForDelivery(service.api, deliveryId, 'failed');
    const expected = retrySchedule(policy, seededRandom(seed));
    // The draws matter: without jitter the schedule would be 10, 20, 30 minutes.
    expect(expected).not.toEqual([10 * MINUTE, 20 * MINUTE, 30 * MINUTE]);
    expectRetriesOnSchedule(failed.attempts, expected, TOLERANCE);
  });
});

describe('manual retry: a new round of up to three tries (seed 002, "Retry Event")', () => {
  const oneRetry: FixedRetryPolicy = { kind: 'fixed', intervalsMs: [10 * MINUTE] };

  it('a failed delivery gets round 2: three more tries at the policy’s interval, then failed again', async () => {
    const { service, deliveryId } = await fireAtScriptedBin({ status: 500 }, { timeScale: SCALE }, { retryPolicy: oneRetry });
    await waitForDelivery(service.api, deliveryId, 'failed');

    const result = await service.api.retryDeliveries({ ids: [deliveryId] });
    expect(result).toMatchObject({ operation: 'retry', matched: 1, changed: 1, skipped: 0, skippedReason: null });
    const again = await waitForDelivery(service.api, deliveryId, 'failed', (detail) => detail.attempts.length > 2);
    expect(MANUAL_RETRY_ATTEMPTS).toBe(3);
    expect(again.attempts.map((attempt) => attempt.number)).toEqual([1, 2, 3, 4, 5]);
    expect(rounds(again.attempts)).toEqual(['1:fired', '1:fired', '2:manual_retry', '2:manual_retry', '2:manual_retry']);
    // The round's first try at once; the policy has one interval, which the round repeats.
    const roundTwo = again.attempts.slice(2);
    expect(roundTwo[0].startedAt - roundTwo[0].scheduledAt).toBeLessThanOrEqual(TOLERANCE);
    expectRetriesOnSchedule(roundTwo, [10 * MINUTE, 10 * MINUTE], TOLERANCE);
  });

  it('a round stops early when a try succeeds', async () => {
    const { service, bin, deliveryId } = await fireAtScriptedBin({ status: 500 }, { timeScale: SCALE }, { retryPolicy: oneRetry });
    await waitForDelivery(service.api, deliveryId, 'failed');
    await service.api.setBinScript({ bin, script: { failFirst: 1 } });

    await service.api.retryDeliveries({ ids: [deliveryId] });
    const done = await waitForDelivery(service.api, deliveryId, 'succeeded');
    expect(responseStatuses(done.attempts)).toEqual([500, 500, 503, 200]);
    expect(rounds(done.attempts)).toEqual(['1:fired', '1:fired', '2:manual_retry', '2:manual_retry']);
  });

  it('a retrying delivery cannot be retried by hand: skipped, with the reason, and left as it was', async () => {
    // At 1× the Sentinel default waits 5 minutes before its first retry.
    const { service, deliveryId } = await fireAtScriptedBin({ status: 500 }, { timeScale: 1 });
    const retrying = await waitForDelivery(service.api, deliveryId, 'retrying');

    const result = await service.api.retryDeliveries({ ids: [deliveryId, 'no-such-delivery'] });
    expect(result).toMatchObject({ matched: 2, changed: 0, skipped: 2 });
    expect(result.skippedReason).toBe('only failed deliveries can be retried: 1 retrying was skipped; 1 id matches no delivery');
    expect(await service.api.getDelivery({ id: deliveryId })).toEqual(retrying);
  });
});

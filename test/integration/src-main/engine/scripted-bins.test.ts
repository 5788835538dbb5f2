import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { sentinelRetryPolicy } from '../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import type { AppServiceOptions } from '../../../../src-main/services/app-service.ts';
import type { BinScriptInput } from '../../../../src-shared/domain/bin-script.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { captureReplies, expectRetriesOnSchedule, fireAtScriptedBin, responseStatuses } from '../../../fixtures/scripted-bin.ts';

/** An hour of vendor time per real second: Sentinel's whole schedule plays out in about a second. */
const SCALE = 3600;
/** How late (real ms) a retry may start after its scheduled time, in vendor ms. */
const TOLERANCE = 100 * SCALE;
const INTERVALS = sentinelRetryPolicy.intervalsMs;

const fireAtScale = (script: BinScriptInput, options: Partial<AppServiceOptions> = {}) => fireAtScriptedBin(script, { timeScale: SCALE, ...options });

describe('deliveries to scripted receiver bins (real HTTP, real SQLite, time scale 3600×)', () => {
  it('fail the first 2: exactly 3 attempts, then succeeded; each capture records the reply it got', async () => {
    const { service, bin, deliveryId } = await fireAtScale({ failFirst: 2 });
    const done = await waitForDelivery(service.api, deliveryId, 'succeeded');
    expect(responseStatuses(done.attempts)).toEqual([503, 503, 200]);
    expect(done.delivery).toMatchObject({ attemptCount: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    expect(await captureReplies(service, bin)).toEqual([
      [503, 'reply'],
      [503, 'reply'],
      [200, 'reply'],
    ]);
  });

  it('always 500: 1 + 3 attempts, then failed; each retry starts at its scheduled vendor time, on the policy’s schedule', async () => {
    const { service, deliveryId } = await fireAtScale({ status: 500 });
    const failed = await waitForDelivery(service.api, deliveryId, 'failed');
    expect(responseStatuses(failed.attempts)).toEqual([500, 500, 500, 500]);
    expect(failed.delivery).toMatchObject({ attemptCount: 4, nextAttemptAt: null, lastError: 'Endpoint answered HTTP 500' });

    expectRetriesOnSchedule(failed.attempts, INTERVALS, TOLERANCE);
    expect(failed.attempts.map((attempt) => [attempt.round, attempt.roundTrigger])).toEqual(Array(4).fill([1, 'fired']));
  });

  it.each([410, 400, 401, 404])('HTTP %i: final, failed after 1 attempt with no retry', async (status) => {
    const { service, deliveryId } = await fireAtScale({ status });
    const failed = await waitForDelivery(service.api, deliveryId, 'failed');
    expect(responseStatuses(failed.attempts)).toEqual([status]);
    const gone = status === 410 ? ' Gone: the target is retired; no further tries' : '';
    expect(failed.delivery).toMatchObject({ attemptCount: 1, nextAttemptAt: null, lastError: `Endpoint answered HTTP ${status}${gone}` });
  });

  it('429 with Retry-After longer than the policy interval: the retry waits for Retry-After', async () => {
    const retryAfterSeconds = 20 * 60;
    expect(retryAfterSeconds * 1000).toBeGreaterThan(INTERVALS[0]);
    const { service, bin, deliveryId } = await fireAtScale({ status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } });
    const waiting = await waitForDelivery(service.api, deliveryId, 'retrying', (detail) => detail.attempts.length === 1);
    const wait = waiting.delivery.nextAttemptAt! - waiting.attempts[0].startedAt;
    expect(wait).toBeGreaterThanOrEqual(retryAfterSeconds * 1000);
    expect(wait).toBeLessThanOrEqual(retryAfterSeconds * 1000 + TOLERANCE);

    await service.api.setBinScript({ bin, script: {} });
    const done = await waitForDelivery(service.api, deliveryId, 'succeeded');
    expect(responseStatuses(done.attempts)).toEqual([429, 200]);
    expect(done.attempts[1].scheduledAt).toBe(waiting.delivery.nextAttemptAt);
  });

  it("hang: the webhook's deadline ends the try, the timeout is recorded and retried; changing the script keeps the captures", async () => {
    const { service, bin, deliveryId } = await fireAtScriptedBin({ mode: 'hang' }, { timeScale: SCALE }, { timeoutMs: 1000 });
    const timedOut = await waitForDelivery(service.api, deliveryId, 'retrying', (detail) => detail.attempts.length === 1);
    expect(timedOut.attempts[0].response).toBeNull();
    expect(timedOut.attempts[0].error).toBe('no complete answer within 1 s');
    expect(timedOut.attempts[0].durationMs).toBeGreaterThanOrEqual(950);

    await service.api.setBinScript({ bin, script: { status: 204 } });
    const done = await waitForDelivery(service.api, deliveryId, 'succeeded');
    expect(responseStatuses(done.attempts)).toEqual([null, 204]);
    expect(await captureReplies(service, bin)).toEqual([
      [0, 'hang'],
      [204, 'reply'],
    ]);
  });

  it('close: the dropped connection is recorded as a network error and retried', async () => {
    const { service, bin, deliveryId } = await fireAtScale({ mode: 'close' });
    const dropped = await waitForDelivery(service.api, deliveryId, 'retrying', (detail) => detail.attempts.length === 1);
    expect(dropped.attempts[0].response).toBeNull();
    expect(dropped.attempts[0].error).toMatch(/UND_ERR_SOCKET|ECONNRESET|closed/i);
    expect(dropped.attempts[0].error).not.toMatch(/TIMEOUT/);
    expect(await captureReplies(service, bin)).toEqual([[0, 'close']]);
  });

  it('a script set on a bin that has captured requests under the default applies, and counts its failures, from its next request', async () => {
    const service = await startTestService({ timeScale: SCALE });
    const post = async () => (await request(`${service.info.receiverUrl}/r/late/hooks`, { method: 'POST', body: '{}' })).statusCode;
    expect(await post()).toBe(200);
    await service.api.setBinScript({ bin: 'late', script: { status: 503 } });
    expect(await post()).toBe(503);
    await service.api.setBinScript({ bin: 'late', script: { status: 202, failFirst: 1 } });
    expect([await post(), await post()]).toEqual([503, 202]);
    expect(await captureReplies(service, 'late')).toEqual([
      [200, 'reply'],
      [503, 'reply'],
      [503, 'reply'],
      [202, 'reply'],
    ]);
  });

  it('a disabled webhook gets nothing: no delivery, no request to its bin', async () => {
    const service = await startTestService({ timeScale: SCALE });
    await service.api.setBinScript({ bin: 'off', script: {} });
    const disabled = await service.api.createWebhook({
      name: 'disabled',
      events: ['Entitlement Added'],
      endpointUrl: `${service.info.receiverUrl}/r/off/hooks`,
      enabled: false,
    });
    const fired = await service.api.fireEvent({ eventName: 'Entitlement Added' });
    expect(fired.deliveries).toEqual([]);
    await service.dispatcher.whenIdle();
    expect((await service.api.listDeliveries({ match: { webhookId: disabled.id } })).total).toBe(0);
    expect(await service.api.listCaptures({ bin: 'off' })).toEqual([]);
  });
});

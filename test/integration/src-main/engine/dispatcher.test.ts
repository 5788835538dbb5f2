import { describe, expect, it } from 'vitest';
import type { AppService } from '../../../../src-main/services/app-service.ts';
import { sentinelRetryPolicy } from '../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { closedPort } from '../../../fixtures/http-endpoint.ts';
import { ManualClock } from '../../../fixtures/manual-clock.ts';
import { startSubscriber } from '../../../fixtures/subscriber-endpoint.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

const RETRY_INTERVALS = sentinelRetryPolicy.intervalsMs;

/** An engine on a hand-moved clock with one webhook to `endpointUrl`; fires one event at it. */
async function fireAt(endpointUrl: string) {
  const clock = new ManualClock();
  const service = await startTestService({ clock });
  await service.api.createWebhook({ name: 'subscriber', events: ['Entitlement Added'], endpointUrl });
  const fired = await service.api.fireEvent({ eventName: 'Entitlement Added' });
  return { clock, service, deliveryId: fired.deliveries[0].id, firedAt: clock.now() };
}

/** The next retry is due once the dispatcher has recorded the try and armed its timer. */
async function waitForRetryScheduled(service: AppService, clock: ManualClock, deliveryId: string, attempts: number) {
  const detail = await waitForDelivery(service.api, deliveryId, 'retrying', (d) => d.attempts.length === attempts);
  await waitFor(() => clock.pendingTimers() === 1, 'the retry timer');
  return detail;
}

describe('failing endpoints: retries on the vendor schedule, driven by the engine clock', () => {
  it('HTTP 500: each try is recorded, retries follow the Sentinel schedule, then the delivery fails', async () => {
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(500).send('database down'));
    const { clock, service, deliveryId, firedAt } = await fireAt(`${subscriber.url}/hooks`);

    const first = await waitForRetryScheduled(service, clock, deliveryId, 1);
    expect(first.delivery).toMatchObject({
      attemptCount: 1,
      lastStatusCode: 500,
      lastError: 'Endpoint answered HTTP 500',
      nextAttemptAt: firedAt + RETRY_INTERVALS[0],
    });
    expect(first.attempts[0].response).toMatchObject({ status: 500, body: 'database down' });
    expect(first.attempts[0].error).toBe('Endpoint answered HTTP 500');

    // Not due yet: nothing is sent early.
    clock.advance(RETRY_INTERVALS[0] - 1);
    expect((await service.api.getDelivery({ id: deliveryId })).delivery.status).toBe('retrying');
    expect(subscriber.received).toHaveLength(1);

    clock.advance(1);
    let scheduledAt = firedAt + RETRY_INTERVALS[0];
    for (let retry = 1; retry < RETRY_INTERVALS.length; retry += 1) {
      const detail = await waitForRetryScheduled(service, clock, deliveryId, retry + 1);
      expect(detail.attempts[retry].scheduledAt).toBe(scheduledAt);
      expect(detail.delivery.nextAttemptAt).toBe(scheduledAt + RETRY_INTERVALS[retry]);
      scheduledAt += RETRY_INTERVALS[retry];
      clock.advance(RETRY_INTERVALS[retry]);
    }

    const failed = await waitForDelivery(service.api, deliveryId, 'failed');
    expect(failed.attempts.map((attempt) => attempt.number)).toEqual([1, 2, 3, 4]);
    expect(failed.attempts.every((attempt) => attempt.response?.status === 500)).toBe(true);
    expect(failed.delivery).toMatchObject({ attemptCount: 4, nextAttemptAt: null, lastStatusCode: 500 });
    // Every try carried the same notification (a subscriber can recognise a retry by its eventId).
    expect(new Set(subscriber.received.map((request) => request.body.toString('utf8'))).size).toBe(1);

    // Exhausted: no automatic try is left, however long the clock runs.
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(24 * 60 * 60_000);
    expect(subscriber.received).toHaveLength(4);
  });

  it('a retry that succeeds ends the delivery as succeeded, with both tries in its history', async () => {
    const subscriber = await startSubscriber((_request, index, reply) => reply.code(index === 0 ? 503 : 204).send());
    const { clock, service, deliveryId } = await fireAt(`${subscriber.url}/hooks`);

    await waitForRetryScheduled(service, clock, deliveryId, 1);
    clock.advance(RETRY_INTERVALS[0]);
    const done = await waitForDelivery(service.api, deliveryId, 'succeeded');
    expect(done.attempts.map((attempt) => attempt.response?.status)).toEqual([503, 204]);
    expect(done.delivery).toMatchObject({ attemptCount: 2, lastStatusCode: 204, lastError: null, nextAttemptAt: null });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('connection refused: the attempt records the network error and no response; a retry is scheduled', async () => {
    const port = await closedPort();
    const { clock, service, deliveryId, firedAt } = await fireAt(`http://127.0.0.1:${port}/hooks`);

    const detail = await waitForRetryScheduled(service, clock, deliveryId, 1);
    expect(detail.delivery).toMatchObject({ lastStatusCode: null, nextAttemptAt: firedAt + RETRY_INTERVALS[0] });
    expect(detail.delivery.lastError).toMatch(/ECONNREFUSED/);
    expect(detail.attempts[0]).toMatchObject({ response: null, request: { url: `http://127.0.0.1:${port}/hooks` } });
    expect(detail.attempts[0].error).toMatch(/ECONNREFUSED/);
  });
});

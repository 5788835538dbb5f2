import { describe, expect, it } from 'vitest';
import { sentinelRetryPolicy } from '../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { ManualClock } from '../../../fixtures/manual-clock.ts';
import { startSubscriber } from '../../../fixtures/subscriber-endpoint.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

const MINUTE = 60_000;
const [FIRST_RETRY] = sentinelRetryPolicy.intervalsMs;

describe('resetting the engine clock', () => {
  it('puts vendor time back to real time at the same scale; a pending retry keeps what was left of its wait', async () => {
    const clock = new ManualClock();
    const service = await startTestService({ clock, timeScale: 3600 });
    const { api } = service;
    // A minute at 3600× leaves the engine clock two and a half days ahead.
    clock.advance(MINUTE);
    const ahead = await api.getTimeScale();
    expect(ahead).toEqual({ scale: 3600, vendorNow: clock.now() + MINUTE * 3599, realNow: clock.now() });

    const subscriber = await startSubscriber((_request, index, reply) => reply.code(index === 0 ? 500 : 200).send('ok'));
    await api.createWebhook({ name: 'flaky', events: ['Entitlement Added'], endpointUrl: `${subscriber.url}/hooks` });
    const [delivery] = (await api.fireEvent({ eventName: 'Entitlement Added' })).deliveries;
    const retrying = await waitForDelivery(api, delivery!.id, 'retrying');
    await waitFor(() => clock.pendingTimers() === 1, 'the retry timer');
    expect(retrying.delivery.nextAttemptAt).toBe(ahead.vendorNow + FIRST_RETRY);

    // 25 ms (a vendor minute and a half) of the retry's wait go by, then the reset.
    clock.advance(25);
    const left = FIRST_RETRY - 25 * 3600;
    const reset = await api.resetClock();
    expect(reset).toEqual({ scale: 3600, vendorNow: clock.now(), realNow: clock.now() });
    const moved = await api.getDelivery({ id: delivery!.id });
    expect(moved.delivery.nextAttemptAt).toBe(clock.now() + left);
    // The attempt already made stays where it happened.
    expect(moved.attempts[0]!.startedAt).toBe(ahead.vendorNow);

    clock.advance(Math.floor(left / 3600));
    expect((await api.getDelivery({ id: delivery!.id })).delivery.status).toBe('retrying');
    clock.advance(1);
    const done = await waitForDelivery(api, delivery!.id, 'succeeded');
    expect(done.attempts[1]!.scheduledAt).toBe(reset.vendorNow + left);
    expect(subscriber.received).toHaveLength(2);
  });

  it('a scenario waiting for its next step still has the same real time left after a reset', async () => {
    const clock = new ManualClock();
    const service = await startTestService({ clock, timeScale: 60 });
    const { api } = service;
    clock.advance(MINUTE);
    const scenario = await api.saveScenario({ name: 'one hour', steps: [{ vendor: 'sentinel-ems', eventName: 'Entitlement Added', delayMs: 60 * MINUTE }] });
    const started = await api.startScenario({ id: scenario.id, runId: 'waiting' });
    expect(started.nextStepInMs).toBe(MINUTE);
    clock.advance(MINUTE / 2);
    await api.resetClock();
    expect((await api.listScenarioRuns())[0]).toMatchObject({ state: 'waiting', nextStepInMs: MINUTE / 2 });
    clock.advance(MINUTE / 2);
    await waitFor(async () => (await api.listScenarioRuns())[0]!.state === 'finished', 'the run to finish');
  });
});

import { Webhook } from 'standardwebhooks';
import type { Page } from '@playwright/test';
import { BUILT_IN_SCENARIOS } from '../../src-shared/scenarios/built-in-scenarios.ts';
import { callApi, expect, saveScreenshot, test, type Workspace } from './serve-fixture.ts';

const sentinelStory = BUILT_IN_SCENARIOS['sentinel-entitlement-lifecycle']!;

async function chooseTimeScale(page: Page, scale: 1 | 60 | 3600): Promise<void> {
  const button = page.getByTestId('time-scale').getByRole('button', { name: `${scale}×` });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** A moment at 3600× leaves the engine clock well ahead of real time (the "two days ahead"). */
async function runClockAhead(page: Page, workspace: Workspace, aheadMs: number): Promise<void> {
  await chooseTimeScale(page, 3600);
  await expect
    .poll(async () => {
      const { vendorNow, realNow } = await callApi(workspace, 'getTimeScale', null);
      return vendorNow - realNow;
    })
    .toBeGreaterThan(aheadMs);
}

test('the top bar shows the engine clock once it is off real time, and Reset to now brings it back, at 1440 and 1024 px', async ({ app, page, workspace }) => {
  await expect(page.getByTestId('engine-clock')).toHaveCount(0);
  await runClockAhead(page, workspace, 3_600_000);
  await chooseTimeScale(page, 1);
  const clock = page.getByTestId('engine-clock');
  await expect(clock).toBeVisible();
  await expect(clock.getByTestId('engine-clock-offset')).toHaveText(/^\+\d+ h( \d+ (min|s))?$/);
  await saveScreenshot(page, 'top-bar-clock-ahead-1440');

  // At 1024 px the other facts give way; the Time control and its Reset stay.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.getByTestId('data-dir')).toBeHidden();
  await expect(page.getByTestId('time-scale')).toBeInViewport();
  await expect(page.getByTestId('clock-reset')).toBeInViewport();
  await saveScreenshot(page, 'top-bar-clock-ahead-1024');

  await page.getByTestId('clock-reset').click();
  await expect(clock).toHaveCount(0);
  const state = await callApi(workspace, 'getTimeScale', null);
  expect(state.scale).toBe(1);
  expect(Math.abs(state.vendorNow - state.realNow)).toBeLessThan(1000);
  await app.goTo('deliveries');
  await expect(page.getByTestId('engine-clock')).toHaveCount(0);
});

test('a Standard Webhooks request fired at 60×, the engine clock hours ahead, verifies with the standardwebhooks package and in the bin', async ({
  app,
  page,
  workspace,
}) => {
  const receiverUrl = await app.receiverUrl.innerText();
  const webhook = await callApi(workspace, 'createWebhook', {
    name: 'Signed at 60x',
    events: ['Entitlement Added'],
    endpointUrl: `${receiverUrl}/r/signed-60x`,
  });
  const { secret } = await callApi(workspace, 'addSigningSecret', { webhookId: webhook.id });
  await callApi(workspace, 'setBinScript', { bin: 'signed-60x', script: { signingSecrets: [secret] } });

  await runClockAhead(page, workspace, 3_600_000);
  await chooseTimeScale(page, 60);
  await expect(page.getByTestId('engine-clock')).toBeVisible();

  const fired = await callApi(workspace, 'fireEvent', { eventName: 'Entitlement Added' });
  const ours = fired.deliveries.find((delivery) => delivery.webhookId === webhook.id)!;
  await expect.poll(async () => (await callApi(workspace, 'getDelivery', { id: ours.id })).delivery.status).toBe('succeeded');
  const { attempts } = await callApi(workspace, 'getDelivery', { id: ours.id });
  const [attempt] = attempts;
  // Sent an hour and more ahead on the engine clock, stamped with the wall clock.
  expect(attempt!.startedAt - Date.now()).toBeGreaterThan(3_600_000);
  const { headers, body } = attempt!.request;
  const signed = {
    'webhook-id': headers['webhook-id']!,
    'webhook-timestamp': headers['webhook-timestamp']!,
    'webhook-signature': headers['webhook-signature']!,
  };
  expect(new Webhook(secret).verify(body, signed)).toBeTruthy();

  await app.goTo('receiver');
  await app.receiver.showBin('signed-60x');
  await expect(app.receiver.rows).toHaveCount(1);
  await expect(app.receiver.rows.first().getByTestId('signature-badge')).toHaveText('Signature valid');
  await app.receiver.rows.first().click();
  await expect(app.receiver.detail).toContainText('engine');

  // The few real milliseconds the dispatcher took are seconds of engine time at 60×: no warning for that.
  await app.goTo('deliveries');
  await app.deliveries.rows.filter({ hasText: 'Signed at 60x' }).click();
  const timing = app.deliveries.attempts.first().getByTestId('attempt-timing');
  await expect(timing).toContainText('engine');
  await expect(timing).toContainText('real');
  await expect(timing.locator('.late')).toHaveCount(0);
  await saveScreenshot(page, 'attempt-timing-60x');
});

test('demo pace plays the Sentinel story on a fresh workspace in under 30 s at 1×, its webhooks made in one click, every step delivered', async ({
  app,
  page,
}) => {
  await app.goTo('scenarios');
  const scenarios = app.scenarios;
  await scenarios.choose(sentinelStory.name);
  const outcome = await scenarios.createWebhooks();
  await expect(outcome).toContainText(
    'Created “Story - Thales Sentinel EMS” (3 events), delivering to the built-in receiver. Entitlement Added had one already.',
  );

  await scenarios.setSpeed(1);
  await scenarios.setDemoPace(2);
  await expect(scenarios.detail).toContainText('with demo pace no wait takes more than 2 s');
  const started = Date.now();
  await scenarios.play();
  await expect(scenarios.progress).toHaveText(/^Step 2 of 4 · next in [12] s$/);
  await saveScreenshot(page, 'scenarios-demo-pace-1440');
  await expect(scenarios.runState).toHaveAttribute('data-state', 'finished', { timeout: 25_000 });
  expect(Date.now() - started).toBeLessThan(30_000);
  await expect(page.getByTestId('timeline-no-match')).toHaveCount(0);
  for (const number of sentinelStory.steps.keys()) {
    const deliveries = scenarios.row(number + 1).getByTestId('timeline-delivery');
    await expect(deliveries).toHaveCount(1);
    await expect(deliveries.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
  }
  // The engine clock was not moved: still real time at 1×.
  await expect(page.getByTestId('engine-clock')).toHaveCount(0);
  await saveScreenshot(page, 'scenarios-demo-pace-finished-1440');
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.getByTestId('player-demo-pace')).toBeInViewport();
  await saveScreenshot(page, 'scenarios-demo-pace-finished-1024');
});

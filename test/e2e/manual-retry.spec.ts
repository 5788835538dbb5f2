import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

const HOUR = 3_600_000;

test('a delivery to an endpoint answering 500 retries live until failed, and a manual retry adds a round of tries', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  // A bin exists once something was sent to it; then it is scripted to always answer 500.
  expect((await fetch(`${receiverUrl}/r/broken`, { method: 'POST', body: 'hello' })).status).toBe(200);
  await callApi(workspace, 'setBinScript', { bin: 'broken', script: { status: 500 } });
  // Two hours between tries: at 3600× that is two seconds each, slow enough to watch.
  await callApi(workspace, 'createWebhook', {
    name: 'Always 500',
    events: ['Entitlement Added'],
    endpointUrl: `${receiverUrl}/r/broken`,
    retryPolicy: { kind: 'fixed', intervalsMs: [2 * HOUR, 2 * HOUR, 2 * HOUR] },
  });
  await page.getByTestId('time-scale').getByRole('button', { name: '3600×' }).click();
  await expect(page.getByTestId('time-scale').getByRole('button', { name: '3600×' })).toHaveAttribute('aria-pressed', 'true');

  await app.goTo('fire');
  await app.fire.fire();
  await app.fire.latestDeliveries().filter({ hasText: 'Always 500' }).click();

  const deliveries = app.deliveries;
  await expect(deliveries.detailStatus()).toHaveAttribute('data-status', 'retrying');
  await expect(deliveries.pendingAttempt).toContainText(/Scheduled.*in \d/);
  // Tries appear as they happen, without a reload.
  const seen = await deliveries.attempts.count();
  await expect.poll(() => deliveries.attempts.count()).toBeGreaterThan(seen);
  await saveScreenshot(page, 'manual-retry-live');
  await expect(deliveries.detailStatus()).toHaveAttribute('data-status', 'failed');
  await expect(deliveries.attempts).toHaveCount(4);
  await expect(deliveries.pendingAttempt).toHaveCount(0);
  await expect(deliveries.attempts.getByTestId('attempt-outcome')).toHaveText(['HTTP 500', 'HTTP 500', 'HTTP 500', 'HTTP 500']);
  await expect(deliveries.rounds).toHaveCount(1);
  await expect(deliveries.rounds.first()).toHaveAccessibleName('Fired');
  // The list row followed along without a reload.
  await expect(deliveries.rows.filter({ hasText: 'Always 500' }).getByTestId('delivery-status')).toHaveAttribute('data-status', 'failed');

  await expect(deliveries.action('Re-deliver')).toBeDisabled();
  await expect(deliveries.action('Re-deliver')).toHaveAttribute('title', /Only succeeded or marked-successful/);
  await expect(deliveries.action('Retry')).toHaveAttribute('title', /Up to 3 new tries/);
  await deliveries.action('Retry').click();

  const manual = deliveries.rounds.filter({ has: page.getByRole('heading', { name: /Manual retry 1/ }) });
  await expect(manual.getByTestId('attempt').first()).toBeVisible();
  await expect(deliveries.detailStatus()).toHaveAttribute('data-status', 'retrying');
  const seenInRound = await manual.getByTestId('attempt').count();
  await expect.poll(() => manual.getByTestId('attempt').count()).toBeGreaterThan(seenInRound);
  await saveScreenshot(page, 'manual-retry-round');
  await expect(manual.getByTestId('attempt')).toHaveCount(3);
  await expect(deliveries.detailStatus()).toHaveAttribute('data-status', 'failed');
  await expect(deliveries.attempts).toHaveCount(7);
  await expect(deliveries.rounds).toHaveCount(2);
  await expect(deliveries.rounds.first()).toHaveAccessibleName('Manual retry 1');
  await saveScreenshot(page, 'manual-retry-failed');
});

import { hangingEndpoint, hugeBodyEndpoint } from '../fixtures/hostile-endpoint.ts';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

const MIB = 1024 * 1024;

test('the webhook form takes a timeout in the 30s notation and names a bad one', async ({ app, page }) => {
  await app.webhooks.startNew();
  await app.webhooks.fill({ name: 'Slow ERP', endpoint: 'http://127.0.0.1:9/hook', timeout: 'soon' });
  await app.webhooks.save();
  await expect(app.webhooks.fieldError('timeoutMs')).toHaveText('“soon” is not a duration: write a number and s, m, h or d, e.g. 30s, 2m, 1h');
  await expect(app.webhooks.field('timeoutMs')).toBeFocused();
  await app.webhooks.field('timeoutMs').fill('3m');
  await expect(app.webhooks.fieldError('timeoutMs')).toHaveText('Timeout must be at most 2 min');
  await app.webhooks.field('timeoutMs').fill('45s');
  await app.webhooks.save();
  await expect(app.webhooks.row('Slow ERP')).toBeVisible();
  await expect(app.webhooks.field('timeoutMs')).toHaveValue('45s');
  await app.webhooks.field('timeoutMs').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'webhook-timeout-field');
});

test('an answer larger than 64 KiB: delivered, and the attempt says its body was truncated and how much arrived', async ({ app, page }) => {
  const endpoint = await hugeBodyEndpoint(MIB);
  try {
    await app.webhooks.startNew();
    await app.webhooks.fill({ name: 'Chatty endpoint', endpoint: `${endpoint.url}/hook` });
    await app.webhooks.save();
    await expect(app.webhooks.row('Chatty endpoint')).toBeVisible();

    await app.goTo('fire');
    await app.fire.fire();
    const delivery = app.fire.latestDeliveries().filter({ hasText: 'Chatty endpoint' });
    await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
    await delivery.click();
    const attempt = app.deliveries.attempts.first();
    await expect(attempt.getByTestId('attempt-outcome')).toHaveText('HTTP 200');
    await expect(attempt.getByTestId('response-truncated')).toContainText('Body truncated at 64 KiB (1,048,576 bytes received).');
    await saveScreenshot(page, 'attempt-truncated-body');
  } finally {
    await endpoint.close();
  }
});

test('a due delivery to an endpoint whose 8 slots are taken says it waits for a free slot there', async ({ app, page, workspace }) => {
  const endpoint = await hangingEndpoint();
  try {
    await callApi(workspace, 'createWebhook', {
      name: 'Hanging endpoint',
      events: ['Entitlement Added'],
      endpointUrl: `${endpoint.url}/hook`,
      timeoutMs: 20_000,
    });
    for (let n = 0; n < 9; n += 1) await callApi(workspace, 'fireEvent', { eventName: 'Entitlement Added' });
    await expect.poll(() => endpoint.connections()).toBe(8);

    // Newest first: the ninth, claimed after the eight that hold the slots.
    await app.goTo('deliveries');
    await app.deliveries.rows.first().click();
    await expect(app.deliveries.detailStatus()).toHaveAttribute('data-status', 'pending');
    await expect(app.deliveries.detail.getByTestId('slot-wait')).toHaveText(
      `Waiting for a free slot at ${endpoint.url} (8 tries in flight, the most one endpoint gets at once). It goes out as soon as one of them ends.`,
    );
    await saveScreenshot(page, 'delivery-waiting-for-slot');
  } finally {
    await endpoint.close();
  }
});

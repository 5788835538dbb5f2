import { closedPort } from '../fixtures/http-endpoint.ts';
import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('a delivery to an endpoint that refuses connections shows the error and when it is retried', async ({ app, page }) => {
  const port = await closedPort();
  await app.webhooks.startNew();
  await app.webhooks.fill({ name: 'Down endpoint', endpoint: `http://127.0.0.1:${port}/hook` });
  await app.webhooks.save();
  await expect(app.webhooks.row('Down endpoint')).toBeVisible();

  await app.goTo('fire');
  await app.fire.fire();
  const delivery = app.fire.latestDeliveries().filter({ hasText: 'Down endpoint' });
  await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'retrying');

  await delivery.click();
  await expect(app.deliveries.detailStatus()).toHaveAttribute('data-status', 'retrying');
  await expect(app.deliveries.detail.getByRole('status').filter({ hasText: 'next one is due' })).toBeVisible();
  const attempt = app.deliveries.attempts.first();
  await expect(attempt.getByTestId('attempt-outcome')).toHaveText('No response');
  await expect(attempt.getByTestId('attempt-error')).toContainText(/ECONNREFUSED|refused/i);
  await saveScreenshot(page, 'delivery-retrying');
});

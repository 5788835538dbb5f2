import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('a bin scripted to fail twice makes the delivery retry live and succeed on the third attempt', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  // The bin exists once something was sent to it.
  expect((await fetch(`${receiverUrl}/r/flaky`, { method: 'POST', body: 'hello' })).status).toBe(200);
  const create = await fetch(`${workspace.serve.apiUrl}/api/call/createWebhook`, {
    method: 'POST',
    headers: { authorization: `Bearer ${workspace.serve.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Flaky endpoint', events: ['Entitlement Added'], endpointUrl: `${receiverUrl}/r/flaky` }),
  });
  expect(create.status).toBe(200);

  await app.goTo('receiver');
  const dialog = await app.receiver.openBinScript('flaky');
  await dialog.getByLabel('Fail the first N requests (503)').fill('abc');
  await dialog.getByRole('button', { name: 'Save script' }).click();
  await expect(dialog.getByText(/Fail the first N requests \(503\) must be/)).toBeVisible();
  await dialog.getByLabel('Fail the first N requests (503)').fill('2');
  await saveScreenshot(page, 'bin-script');
  await dialog.getByRole('button', { name: 'Save script' }).click();
  await expect(dialog).toBeHidden();

  // An hour of Sentinel retries in about a second.
  await page.getByTestId('time-scale').getByRole('button', { name: '3600×' }).click();
  await expect(page.getByTestId('time-scale').getByRole('button', { name: '3600×' })).toHaveAttribute('aria-pressed', 'true');

  await app.goTo('fire');
  await app.fire.fire();
  const delivery = app.fire.latestDeliveries().filter({ hasText: 'Flaky endpoint' });
  await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
  await delivery.click();
  await expect(app.deliveries.attempts).toHaveCount(3);
  await expect(app.deliveries.attempts.getByTestId('attempt-outcome')).toHaveText(['HTTP 200', 'HTTP 503', 'HTTP 503']);
  await saveScreenshot(page, 'delivery-retried');
});

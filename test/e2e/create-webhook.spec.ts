import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('a webhook created in the form receives only the events and activities it subscribes to', async ({ app, page }) => {
  await app.webhooks.startNew();
  await app.webhooks.fill({
    name: 'QA - updates',
    event: 'Entitlement Updated',
    endpoint: 'receiver',
    description: 'Created by the e2e suite',
  });
  await expect(app.webhooks.field('endpointUrl')).toHaveValue(/\/r\/qa-updates$/);
  await app.webhooks.save();
  await expect(app.webhooks.row('QA - updates')).toBeVisible();
  await expect(app.webhooks.form.getByRole('status').filter({ hasText: 'Saved at' })).toBeVisible();
  await expect(app.webhooks.rows).toHaveCount(2);

  await app.goTo('fire');
  await app.fire.choose('Entitlement Updated', 'Enable Entitlement');
  await expect(app.fire.receivers).toContainText('QA - updates');
  await expect(app.fire.receivers).not.toContainText('Demo - Entitlement Added');
  await app.fire.fire();
  const delivery = app.fire.latestDeliveries();
  await expect(delivery).toHaveCount(1);
  await expect(delivery).toContainText('QA - updates');
  await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');

  await app.goTo('receiver');
  await app.receiver.showBin('qa-updates');
  await expect(app.receiver.rows).toHaveCount(1);
  await app.receiver.rows.first().click();
  const body = JSON.parse(await app.receiver.rawBody()) as Record<string, unknown>;
  expect(body).toMatchObject({ eventName: 'Entitlement Updated', activityName: 'Enable Entitlement', webhookName: 'QA - updates' });
  await saveScreenshot(page, 'receiver-bin');
});

import { expect, saveScreenshot, test } from './serve-fixture.ts';

const DEMO_WEBHOOK = 'Demo - Entitlement Added';

test('a new workspace delivers its first event to the built-in receiver, live, with nothing to set up', async ({ app, page }) => {
  await expect(app.webhooks.rows).toHaveCount(1);
  await expect(app.webhooks.row(DEMO_WEBHOOK)).toBeVisible();
  await expect(app.webhooks.field('name')).toHaveValue(DEMO_WEBHOOK);
  await saveScreenshot(page, 'webhooks');

  await app.goTo('fire');
  await expect(app.fire.receivers).toContainText(DEMO_WEBHOOK);
  await app.fire.fire();
  const delivery = app.fire.latestDeliveries();
  await expect(delivery).toHaveCount(1);
  await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
  await saveScreenshot(page, 'fire');

  await delivery.click();
  await expect(page.getByTestId('page-deliveries')).toBeVisible();
  await expect(app.deliveries.detailStatus()).toHaveAttribute('data-status', 'succeeded');
  await expect(app.deliveries.attempts).toHaveCount(1);
  const attempt = app.deliveries.attempts.first();
  await expect(attempt.getByTestId('attempt-outcome')).toHaveText('HTTP 200');
  await app.deliveries.showRequestOf(attempt);
  // The request body renders in Monaco, bundled and loaded without any network.
  await expect(attempt.locator('.monaco-editor')).toBeVisible();
  await expect(attempt.locator('.monaco-editor')).toContainText('"eventName"');
  await saveScreenshot(page, 'deliveries');

  await app.goTo('receiver');
  await expect(app.receiver.rows).toHaveCount(1);
  await expect(app.receiver.rows.first()).toContainText('/r/demo');
  await app.receiver.rows.first().click();
  await expect(app.receiver.detail.getByTestId('capture-headers')).toContainText('Basic ');
  const body = JSON.parse(await app.receiver.rawBody()) as Record<string, unknown>;
  expect(body).toMatchObject({ eventName: 'Entitlement Added', entityName: 'Entitlement', webhookName: DEMO_WEBHOOK });
  expect(typeof body.currentState).toBe('string');
  await saveScreenshot(page, 'receiver');
});

test('deliveries appear without a refresh when events are fired elsewhere, and the list is keyboard-driven', async ({ app, page, workspace }) => {
  await app.goTo('receiver');
  await expect(page.getByTestId('captures-empty')).toContainText(`${await app.receiverUrl.innerText()}/r/inbox`);
  await saveScreenshot(page, 'receiver-empty');
  await app.goTo('deliveries');
  await expect(page.getByTestId('deliveries-empty')).toBeVisible();
  await saveScreenshot(page, 'deliveries-empty');

  // Fired through the API from outside this tab (as the CLI does): the page must update on its own.
  for (let index = 0; index < 2; index += 1) {
    const response = await fetch(`${workspace.serve.apiUrl}/api/call/fireEvent`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workspace.serve.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ eventName: 'Entitlement Added' }),
    });
    expect(response.status).toBe(200);
  }
  await expect(app.deliveries.rows).toHaveCount(2);
  await expect(app.deliveries.rows.getByTestId('delivery-status').filter({ hasText: 'Succeeded' })).toHaveCount(2);

  await page.getByTestId('delivery-list').focus();
  await page.keyboard.press('ArrowDown');
  await expect(app.deliveries.detail).toBeVisible();
  const first = await app.deliveries.detail.getByTestId('delivery-facts').innerText();
  await page.keyboard.press('ArrowDown');
  await expect(app.deliveries.detail.getByTestId('delivery-facts')).not.toHaveText(first);
});

import { deliverFirstEvent } from './first-run-journey.ts';
import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('a new workspace delivers its first event to the built-in receiver, live, with nothing to set up', async ({ app, page }) => {
  await deliverFirstEvent(app, page, (name) => saveScreenshot(page, name));
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

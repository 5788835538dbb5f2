import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

test('failed deliveries are marked successful one by one, retried in bulk by a filter, with progress and a result', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  expect((await fetch(`${receiverUrl}/r/broken`, { method: 'POST', body: 'hello' })).status).toBe(200);
  await callApi(workspace, 'setBinScript', { bin: 'broken', script: { status: 500 } });
  const webhook = await callApi(workspace, 'createWebhook', {
    name: 'Always 500',
    events: ['Entitlement Added'],
    endpointUrl: `${receiverUrl}/r/broken`,
    retryPolicy: { kind: 'fixed', intervalsMs: [1000] },
  });
  await callApi(workspace, 'setTimeScale', { scale: 3600 });
  for (let index = 0; index < 5; index += 1) await callApi(workspace, 'fireEvent', { eventName: 'Entitlement Added' });

  const deliveries = app.deliveries;
  await app.goTo('deliveries');
  await deliveries.toggleStatus('Failed');
  await deliveries.expectTotal(5);
  await expect(deliveries.rows).toHaveCount(5);

  // A filter the engine refuses leaves the list as it was, and says why next to the field.
  await deliveries.filter('to').fill('2030-01-01T10:00');
  await expect(deliveries.rows).toHaveCount(5);
  await deliveries.filter('from').fill('2030-01-02T10:00');
  await expect(deliveries.filterError('to')).toContainText('must be after');
  await expect(deliveries.rows).toHaveCount(5);
  await saveScreenshot(page, 'delivery-filter-error');
  await deliveries.filter('from').fill('');
  await expect(deliveries.filterError('to')).toHaveCount(0);
  await deliveries.filter('to').fill('');

  await deliveries.rows.first().click();
  await expect(deliveries.detailStatus()).toHaveAttribute('data-status', 'failed');
  await deliveries.action('Mark successful').click();
  await expect(deliveries.detailStatus()).toHaveAttribute('data-status', 'marked_successful');
  await expect(deliveries.action('Retry')).toBeDisabled();
  await expect(deliveries.action('Re-deliver')).toBeEnabled();
  // It stays where it is (no row jumps away under the pointer), showing its new state.
  await expect(deliveries.rows.first().getByTestId('delivery-status')).toHaveAttribute('data-status', 'marked_successful');

  // Every delivery of the webhook, whatever its state: the marked one is skipped, with the reason.
  await deliveries.toggleStatus('Failed');
  await deliveries.filter('webhookId').selectOption(webhook.id);
  await deliveries.expectTotal(5);
  await deliveries.selectAllMatching.check();
  await expect(deliveries.bulkBar).toContainText('All 5 matching');
  await deliveries.bulkAction('Retry failed').click();
  await expect(deliveries.bulkResult).toHaveText(/^4 retried; 1 skipped: .*failed/);
  await expect(deliveries.bulkProgress.locator('progress')).toHaveJSProperty('value', 5);
  await expect(deliveries.rows.getByTestId('delivery-status').filter({ hasText: 'Failed' })).toHaveCount(4);
  await expect(deliveries.rows.first().getByTestId('delivery-status')).toHaveAttribute('data-status', 'marked_successful');
  await saveScreenshot(page, 'bulk-retry-result');

  // A range ticked with shift-click, then marked in one go.
  await deliveries.bulkBar.getByRole('button', { name: 'Clear selection' }).click();
  await deliveries.tick(deliveries.rows.nth(1));
  await deliveries.tick(deliveries.rows.nth(3), true);
  await expect(deliveries.bulkBar).toContainText('3 selected');
  await deliveries.bulkAction('Mark successful').click();
  await expect(deliveries.bulkResult).toHaveText('3 marked successful');
  await expect(deliveries.rows.getByTestId('delivery-status').filter({ hasText: 'Marked successful' })).toHaveCount(4);
  await saveScreenshot(page, 'bulk-mark-successful');
});

test('the delivery rules the engine applies are shown on the Deliveries page', async ({ app, page }) => {
  await app.goTo('deliveries');
  await page.getByTestId('delivery-rules-open').click();
  const dialog = page.getByTestId('delivery-rules-dialog');
  const outcomes = dialog.getByTestId('outcome-rules');
  await expect(outcomes.getByRole('row', { name: /^5xx/ })).toContainText('Retried');
  await expect(outcomes.getByRole('row', { name: /^2xx/ })).toContainText('Delivered');
  // One default schedule per vendor, Sentinel EMS's first.
  await expect(dialog.getByTestId('vendor-schedule')).toHaveCount(4);
  await expect(dialog.getByTestId('vendor-schedule').first()).toContainText('Retry 3');
  await expect(dialog).toContainText('up to 3 new tries');
  await saveScreenshot(page, 'delivery-rules');
});

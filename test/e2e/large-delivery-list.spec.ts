import { seedDeliveries, type SeededDeliveries } from '../fixtures/seeded-deliveries.ts';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

const COUNT = 100_000;
let seeded: SeededDeliveries;

test.use({
  dataDirSeed: {
    fill(dataDir: string) {
      seeded = seedDeliveries(dataDir, COUNT);
    },
  },
});

test('100,000 deliveries: the list knows the total, reaches the last one by keyboard, and keeps the DOM small', async ({ app, page, workspace }) => {
  const deliveries = app.deliveries;
  await app.goTo('deliveries');
  await deliveries.expectTotal(COUNT);
  await expect(deliveries.rows.first()).toHaveAttribute('data-delivery-id', seeded.newestId);

  await deliveries.list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(deliveries.position).toHaveText('1 of 100,000');
  await expect(deliveries.detail.getByTestId('delivery-facts')).toContainText('Seeded ERP');

  await page.keyboard.press('End');
  await expect(deliveries.position).toHaveText('100,000 of 100,000');
  const last = deliveries.list.locator('[aria-posinset="100000"]');
  await expect(last).toHaveAttribute('data-delivery-id', seeded.oldestId);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(deliveries.detail.getByTestId('delivery-facts')).toContainText('seeded-0');
  // Only the rows in view (and a few around them) exist, whatever the total.
  expect(await deliveries.list.getByRole('option').count()).toBeLessThan(200);
  await saveScreenshot(page, 'deliveries-100k-end');

  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowUp');
  await expect(deliveries.position).not.toHaveText('100,000 of 100,000');
  const selected = deliveries.list.locator('[aria-selected="true"]');
  await expect(selected).toBeVisible();
  const selectedId = await selected.getAttribute('data-delivery-id');

  // A new delivery while the user is far down: announced, not pushed under the pointer.
  await callApi(workspace, 'fireEvent', { eventName: 'Entitlement Added' });
  const held = page.getByTestId('held-deliveries');
  await expect(held).toHaveText('1 new delivery — show');
  await expect(selected).toHaveAttribute('data-delivery-id', selectedId!);
  await deliveries.expectTotal(COUNT);
  await saveScreenshot(page, 'deliveries-100k-new');
  await held.click();
  await deliveries.expectTotal(COUNT + 1);
  await expect(deliveries.rows.first()).toContainText('Demo - Entitlement Added');
  await expect(deliveries.detail.getByTestId('delivery-facts')).not.toContainText('Demo - Entitlement Added');

  // A filter over the whole table: one in twenty was seeded failed.
  await deliveries.toggleStatus('Failed');
  await deliveries.expectTotal(COUNT / 20);
  await page.keyboard.press('Home');
  await expect(deliveries.rows.first().getByTestId('delivery-status')).toHaveAttribute('data-status', 'failed');
  await saveScreenshot(page, 'deliveries-100k-failed');
});

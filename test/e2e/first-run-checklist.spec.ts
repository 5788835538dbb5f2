import { AppShell } from './pages/app-shell.ts';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

test('a new workspace has a getting-started checklist that ticks itself off, is remembered, and once dismissed stays away', async ({ app, page }) => {
  const checklist = page.getByTestId('first-run-checklist');
  const step = (name: string) => checklist.getByRole('button', { name: new RegExp(`^${name}`) });
  await expect(checklist).toContainText('Getting started');
  await expect(checklist).toContainText('0/4');
  await saveScreenshot(page, 'first-run-checklist');

  await step('Fire the demo event').click();
  await expect(page.getByTestId('page-fire')).toBeVisible();
  await app.fire.fire();
  await expect(step('Fire the demo event')).toHaveAccessibleName('Fire the demo event (done)');

  await app.fire.latestDeliveries().first().click();
  await expect(step('See its delivery')).toHaveAccessibleName('See its delivery (done)');

  await step('See what the receiver caught').click();
  await app.receiver.rows.first().click();
  await expect(checklist).toContainText('3/4');

  await page.reload();
  await expect(checklist).toContainText('3/4');
  await step('Make your own webhook').click();
  await app.webhooks.startNew();
  await app.webhooks.fill({ name: 'Mine', event: 'Entitlement Added', endpoint: 'receiver' });
  await app.webhooks.save();
  await expect(checklist).toContainText('All set');
  await expect(checklist).toContainText('4/4');
  await saveScreenshot(page, 'first-run-checklist-done');

  await checklist.getByRole('button', { name: 'Dismiss the getting started checklist' }).click();
  await expect(checklist).toBeHidden();
  await page.reload();
  await expect(app.receiverUrl).toBeVisible();
  await expect(app.webhooks.rows).toHaveCount(2);
  await expect(checklist).toBeHidden();
});

test('a workspace already in use (more than the demo webhook) gets no checklist', async ({ page, workspace }) => {
  await callApi(workspace, 'createWebhook', { name: 'In use', events: ['Entitlement Added'], endpointUrl: 'https://example.com/hooks' });
  const app = new AppShell(page);
  await app.open(workspace.uiUrl);
  await expect(app.webhooks.rows).toHaveCount(2);
  await expect(page.getByTestId('first-run-checklist')).toBeHidden();
});

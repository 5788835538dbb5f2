import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('invalid webhooks are refused field by field and nothing is saved', async ({ app, page }) => {
  await app.webhooks.startNew();
  await app.webhooks.save();
  await expect(app.webhooks.fieldError('name')).toHaveText('Name is required');
  await expect(app.webhooks.fieldError('endpointUrl')).toContainText('is required');

  await app.webhooks.fill({ name: 'x'.repeat(101), endpoint: 'ftp://127.0.0.1/hook' });
  await app.webhooks.save();
  await expect(app.webhooks.fieldError('name')).toContainText('at most 100 characters');
  await expect(app.webhooks.fieldError('endpointUrl')).toContainText('http:// or https://');
  await saveScreenshot(page, 'webhook-validation');

  // Only the engine knows the other names: its refusal lands on the field too.
  await app.webhooks.fill({ name: 'Demo - Entitlement Added', endpoint: 'http://127.0.0.1:9/hook' });
  await app.webhooks.save();
  await expect(app.webhooks.fieldError('name')).toContainText('already used by another webhook');

  await page.reload();
  await expect(app.webhooks.rows).toHaveCount(1);
});

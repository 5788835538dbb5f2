import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

test('a webhook gets its own retry intervals: bad ones are refused on the field, good ones previewed and saved', async ({ app, page, workspace }) => {
  const webhooks = app.webhooks;
  await expect(webhooks.field('name')).toHaveValue('Demo - Entitlement Added');
  const policy = webhooks.form.getByTestId('retry-policy');
  await expect(policy).toContainText('Vendor default (5 min, 15 min, 40 min)');
  await expect(webhooks.retryPreview()).toContainText('+1 h after firing');

  await webhooks.chooseRetryPolicy('Custom intervals');
  await webhooks.retryField('retryIntervals').fill('30s, 0s');
  await webhooks.save();
  await expect(webhooks.fieldError('retryIntervals')).toContainText('at least 1 s');
  await expect(webhooks.retryField('retryIntervals')).toBeFocused();

  await webhooks.retryField('retryIntervals').fill('30s, 2x');
  await expect(webhooks.fieldError('retryIntervals')).toContainText('“2x” is not a duration');
  await saveScreenshot(page, 'webhook-retry-policy-error');

  await webhooks.retryField('retryIntervals').fill('30s, 2m, 10m');
  await expect(webhooks.fieldError('retryIntervals')).toHaveCount(0);
  await expect(webhooks.retryPreview().getByRole('listitem')).toHaveCount(4);
  await expect(webhooks.retryPreview()).toContainText('+12 min 30 s after firing');
  await webhooks.save();
  await expect(webhooks.form.getByRole('status').filter({ hasText: 'Saved at' })).toBeVisible();
  await saveScreenshot(page, 'webhook-retry-policy');

  const [saved] = await callApi(workspace, 'listWebhooks', undefined);
  expect(saved.retryPolicy).toEqual({ kind: 'fixed', intervalsMs: [30_000, 120_000, 600_000] });
  await page.reload();
  await expect(webhooks.retryField('retryIntervals')).toHaveValue('30s, 2m, 10m');

  await webhooks.chooseRetryPolicy('Exponential backoff');
  await webhooks.retryField('retryCap').fill('10s');
  await webhooks.retryField('retryCap').press('Tab');
  await expect(webhooks.fieldError('retryCap')).toContainText('must not be below the first delay');
  await webhooks.retryField('retryCap').fill('1h');
  await expect(webhooks.retryPreview()).toContainText('Retry 5');
  await saveScreenshot(page, 'webhook-retry-exponential');
});

import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('the Zentitle2 form speaks of Zentitle2 only: no webhookName, no /hooks/sentinel, no "unsigned" beside N-Signature', async ({ app }) => {
  await app.webhooks.startNew();
  await expect(app.webhooks.form).toContainText('Sentinel EMS also sends it in every notification as webhookName');
  await app.webhooks.field('vendor').selectOption('zentitle2');
  const form = app.webhooks.form;
  await expect(form).toContainText('Unique among your webhooks.');
  await expect(form).not.toContainText('webhookName');
  await expect(app.webhooks.field('endpointUrl')).toHaveAttribute('placeholder', 'https://example.com/hooks/zentitle2');
  await expect(form.getByTestId('vendor-signature-note')).toContainText('Every call carries N-Signature');
  await expect(form.getByTestId('signing-section')).toContainText("No Standard Webhooks headers are added to the vendor's own signature.");
  await expect(form).not.toContainText('unsigned');
  await expect(form).not.toContainText(/seed \d/i);
});

test('"Save changes" waits for a change; a failed save lists every error at the top, URL rules said plainly', async ({ app, page, workspace }) => {
  await expect(page.getByTestId('data-dir')).toHaveText(workspace.dataDir);
  expect(workspace.dataDir.startsWith('/')).toBe(true);

  await app.webhooks.row('Demo - Entitlement Added').click();
  const save = page.getByTestId('webhook-save');
  await expect(save).toHaveText(/Save changes/);
  await expect(save).toBeDisabled();
  const description = await app.webhooks.field('description').inputValue();
  await app.webhooks.field('description').fill(`${description} changed`);
  await expect(save).toBeEnabled();
  await app.webhooks.field('description').fill(description);
  await expect(save).toBeDisabled();

  await app.webhooks.field('name').fill('');
  await app.webhooks.field('endpointUrl').fill('not a url');
  await app.webhooks.save();
  const summary = page.getByTestId('webhook-error-summary');
  await expect(summary).toContainText('2 fields need fixing before saving');
  await expect(summary).toContainText('Name is required');
  await expect(app.webhooks.fieldError('endpointUrl')).toContainText('a scheme and a host, e.g. https://example.com/hooks');
  await app.webhooks.field('endpointUrl').fill('notaurl');
  await expect(summary).toContainText('Endpoint URL must be an absolute http:// or https:// URL: a scheme and a host, e.g. https://example.com/hooks');
  await summary.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'webhook-error-summary');

  await app.webhooks.field('name').fill('Demo - Entitlement Added');
  await app.webhooks.field('endpointUrl').fill('http://127.0.0.1:99999/hooks');
  await expect(summary).toContainText('One field needs fixing before saving');
  await expect(app.webhooks.fieldError('endpointUrl')).toHaveText('Endpoint URL has port 99999; port must be 1–65535');
  await summary.getByRole('button', { name: /port must be/ }).click();
  await expect(app.webhooks.field('endpointUrl')).toBeFocused();
  await saveScreenshot(page, 'webhook-port-range');
});

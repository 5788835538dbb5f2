import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('a webhook signed with Standard Webhooks in the form is verified by a bin told its secret', async ({ app, page }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  await app.webhooks.startNew();
  await app.webhooks.fill({ name: 'Signed hooks', event: 'Entitlement Added', endpoint: 'receiver' });
  await app.webhooks.chooseSigning('Standard Webhooks');
  await app.webhooks.save();
  const revealed = app.webhooks.form.getByTestId('revealed-secret');
  await expect(revealed).toContainText('Shown only now');
  const secret = await revealed.locator('code').innerText();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await expect(app.webhooks.form.getByRole('list', { name: 'Signing secrets' })).toContainText(`whsec_…${secret.slice(-4)}`);
  await saveScreenshot(page, 'webhook-signing');

  // The bin exists once something was sent to it; that unsigned request predates the check.
  expect((await fetch(`${receiverUrl}/r/signed-hooks`, { method: 'POST', body: 'hello' })).status).toBe(200);
  await app.goTo('receiver');
  const dialog = await app.receiver.openBinScript('signed-hooks');
  await dialog.getByLabel('Expected signing secrets (Standard Webhooks)').fill('whsec_c2hvcnQ=');
  await dialog.getByRole('button', { name: 'Save script' }).click();
  await expect(dialog.getByText('Signing secret must decode to 24-64 bytes')).toBeVisible();
  await dialog.getByLabel('Expected signing secrets (Standard Webhooks)').fill(secret);
  await dialog.getByRole('button', { name: 'Save script' }).click();
  await expect(dialog).toBeHidden();

  await app.goTo('fire');
  await app.fire.fire();
  const delivery = app.fire.latestDeliveries().filter({ hasText: 'Signed hooks' });
  await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');

  await app.goTo('receiver');
  await app.receiver.showBin('signed-hooks');
  await expect(app.receiver.rows).toHaveCount(2);
  await expect(app.receiver.rows.first().getByTestId('signature-badge')).toHaveText('Signature valid');
  await expect(app.receiver.rows.last().getByTestId('signature-badge')).toHaveCount(0);
  await app.receiver.rows.first().click();
  await expect(app.receiver.detail.getByTestId('signature-badge')).toHaveText('Signature valid');
  await expect(app.receiver.detail.getByTestId('signature-reason')).toHaveText(`signed with whsec_…${secret.slice(-4)}`);
  await expect(app.receiver.detail.getByTestId('capture-headers')).toContainText(/webhook-signature\s*v1,/);
  await saveScreenshot(page, 'capture-signature-valid');

  // Removing a secret breaks receivers that know only it: it is never done without asking.
  await app.goTo('webhooks');
  await app.webhooks.row('Signed hooks').click();
  const secrets = app.webhooks.form.getByRole('list', { name: 'Signing secrets' });
  const confirm = app.webhooks.form.getByTestId('signing-section').getByTestId('confirm-dialog');
  await secrets.getByRole('button', { name: 'Remove' }).click();
  await expect(confirm).toContainText('receivers that know only this secret will reject');
  await saveScreenshot(page, 'signing-secret-remove');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(secrets).toContainText(`whsec_…${secret.slice(-4)}`);
  await app.webhooks.chooseSigning('None');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(secrets).toHaveCount(0);
  await expect(app.webhooks.form.getByTestId('signing-section')).toContainText('Requests go out unsigned.');
});

import { BulkReplayDialog } from './pages/bulk-replay-dialog.ts';
import { ProductionExportDialog } from './pages/production-export-dialog.ts';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

test('the captures of a bin replayed all at once, at a rate, reach another bin: progress 5/5 and a summary', async ({ app, page }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  for (let n = 1; n <= 5; n += 1) {
    const response = await fetch(`${receiverUrl}/r/source/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ n }),
    });
    expect(response.status).toBe(200);
  }

  await app.goTo('receiver');
  await app.receiver.showBin('source');
  await expect(app.receiver.rows).toHaveCount(5);
  const bulk = new BulkReplayDialog(page);
  await bulk.open();
  await expect(bulk.count).toHaveText('5 captures of “source”, oldest first.');
  await expect(bulk.root.getByTestId('bulk-replay-mode')).toContainText('Byte for byte as captured');
  await saveScreenshot(page, 'bulk-replay-form');
  await bulk.sendTo(`${receiverUrl}/r/copy`);
  await bulk.replayAtRate(20);

  await expect(bulk.progress).toContainText('Sent: 5 of 5');
  await expect(bulk.progress.getByRole('progressbar')).toHaveAttribute('value', '5');
  await expect(bulk.tally('sent')).toHaveText('5');
  await expect(bulk.tally('delivered')).toHaveText('5');
  await expect(bulk.tally('failed')).toHaveText('0');
  await expect(bulk.root.getByTestId('bulk-replay-deliveries').getByRole('listitem')).toHaveCount(5);
  await saveScreenshot(page, 'bulk-replay-summary');
  await page.keyboard.press('Escape');
  await expect(bulk.root).toBeHidden();

  await app.receiver.showBin('copy');
  await expect(app.receiver.rows).toHaveCount(5);
  await app.receiver.rows.first().click();
  expect(await app.receiver.rawBody()).toBe('{"n":5}');
});

test('a slow bulk replay stopped from the dialog sends no more; the summary says how many were left', async ({ app, page }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  for (let n = 1; n <= 5; n += 1) await fetch(`${receiverUrl}/r/slow/hook`, { method: 'POST', body: JSON.stringify({ n }) });
  await app.goTo('receiver');
  await app.receiver.showBin('slow');
  await expect(app.receiver.rows).toHaveCount(5);
  const bulk = new BulkReplayDialog(page);
  await bulk.open();
  await bulk.sendTo(`${receiverUrl}/r/slow-copy`);
  await bulk.replayAtRate(1);

  await expect(bulk.progress).toContainText('Sending: 1 of 5');
  await bulk.root.getByRole('button', { name: 'Stop' }).click();
  await expect(bulk.summary).toBeVisible();
  const sent = Number(await bulk.tally('sent').innerText());
  expect(sent).toBeLessThan(5);
  await expect(bulk.tally('notSent')).toHaveText(String(5 - sent));
  await page.keyboard.press('Escape');
  await app.receiver.showBin('slow-copy');
  await expect(app.receiver.rows).toHaveCount(sent);
});

test('a Sentinel webhook exported to production: the local URL is warned about, secrets stay placeholders until asked for', async ({
  app,
  page,
  workspace,
}) => {
  const receiverUrl = await app.receiverUrl.innerText();
  const profile = await callApi(workspace, 'createAuthProfile', { kind: 'basic', name: 'EMS basic', username: 'ems-user', password: 's3cret-pass' });
  await callApi(workspace, 'createWebhook', {
    vendor: 'sentinel-ems',
    name: 'Entitlements to ERP',
    events: ['Entitlement Added'],
    endpointUrl: `${receiverUrl}/r/erp`,
    authProfileId: profile.id,
  });

  await app.goTo('webhooks');
  await app.webhooks.rows.filter({ hasText: 'Entitlements to ERP' }).click();
  await saveScreenshot(page, 'export-production-toolbar');
  const exported = new ProductionExportDialog(page);
  await exported.open();
  // Every webhook unless told otherwise; the one open on the page can be exported alone.
  await expect(exported.files).toHaveCount(4);
  await exported.chooseScope('Only “Entitlements to ERP”');
  await expect(exported.files).toHaveText(['entitlements-to-erp.json', 'entitlements-to-erp.sh']);
  await expect(exported.warnings).toContainText('Entitlements to ERP · endpointUrl');
  await expect(exported.warnings).toContainText(`${receiverUrl}/r/erp`);
  await expect(exported.secretsWarning).toBeHidden();
  await exported.show('entitlements-to-erp.sh');
  await expect(exported.shownText()).toContainText('{{');
  await expect(exported.shownText()).not.toContainText('s3cret-pass');
  await saveScreenshot(page, 'export-production-placeholders');

  await exported.includeSecrets();
  await expect(exported.secretsWarning).toContainText('written in plain text');
  await expect(exported.shownText()).toContainText('s3cret-pass');
  await saveScreenshot(page, 'export-production-secrets');
});

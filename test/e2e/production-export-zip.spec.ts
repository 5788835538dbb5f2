import { readFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import { ProductionExportDialog } from './pages/production-export-dialog.ts';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

test('export to production: local endpoints are placeholders, CloudEvents has a script, "Download all" is one zip', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  const tokens = await callApi(workspace, 'createAuthProfile', {
    kind: 'oauth2',
    name: 'ENS tokens',
    tokenUrl: 'https://auth.example.com/oauth/token',
    clientId: 'ens-client',
    clientSecret: 'never-in-the-zip',
  });
  await callApi(workspace, 'createWebhook', {
    vendor: 'cloudevents',
    name: 'Customers to CRM',
    events: ['com.hooklab.licensing.customer.created'],
    endpointUrl: `${receiverUrl}/r/crm`,
    authProfileId: tokens.id,
  });

  await app.goTo('webhooks');
  const exported = new ProductionExportDialog(page);
  await exported.open();
  const names = ['demo-entitlement-added.json', 'demo-entitlement-added.sh', 'customers-to-crm.json', 'customers-to-crm.sh'];
  await expect(exported.files).toHaveText(names);
  await exported.show('customers-to-crm.sh');
  await expect(exported.shownText()).toContainText('client_credentials');
  await expect(exported.shownText()).toContainText('{{ENDPOINT_URL}}');
  await expect(exported.shownText()).not.toContainText(receiverUrl);
  await expect(exported.warnings).toContainText('exported as {{ENDPOINT_URL}}, to fill in');
  await saveScreenshot(page, 'export-production-cloudevents-script');

  const download = page.waitForEvent('download');
  await exported.root.getByTestId('export-download-all').click();
  const zip = await download;
  expect(zip.suggestedFilename()).toBe('hooklab-production-export.zip');
  const entries = unzipSync(new Uint8Array(await readFile(await zip.path())));
  expect(Object.keys(entries)).toEqual(names);
  const script = strFromU8(entries['customers-to-crm.sh']!);
  expect(script).toMatch(/^#!\/usr\/bin\/env bash/);
  expect(script).not.toContain('never-in-the-zip');
  expect(JSON.parse(strFromU8(entries['customers-to-crm.json']!)).registration).toMatchObject({ subscriberWebhookUrl: '{{ENDPOINT_URL}}' });
});

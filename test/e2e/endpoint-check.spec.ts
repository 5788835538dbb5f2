import { firstEventOf } from '../../src-shared/vendors/catalogs.ts';
import { startReferenceEndpoint } from '../fixtures/reference-endpoints.ts';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

const N_SIGNATURE_CASES = ['n-signature.forged', 'n-signature.tampered-body', 'n-signature.other-key'];

test('checking a Zentitle2 endpoint that skips signature checks, then a fixed one: each case explained, the requests replayable, the two runs compared', async ({
  app,
  page,
  workspace,
}) => {
  await callApi(workspace, 'createWebhook', {
    vendor: 'zentitle2',
    name: 'my receiver',
    events: [firstEventOf('zentitle2').eventName],
    endpointUrl: 'http://127.0.0.1:9/unused',
  });
  const publicKeyPem = (await callApi(workspace, 'getVendorAccount', { vendor: 'zentitle2' })).signingKey!.pem;
  const careless = await startReferenceEndpoint({ nSignaturePublicKeyPem: publicKeyPem }, 'skips-signature-verification');
  const careful = await startReferenceEndpoint({ nSignaturePublicKeyPem: publicKeyPem }, 'none');
  try {
    await app.goTo('check');
    const check = app.check;
    await saveScreenshot(page, 'check-endpoint-empty');

    // A bad URL is refused at its field and runs nothing.
    await check.page.getByTestId('check-url').fill('ftp://127.0.0.1/hooks');
    await check.page.getByTestId('check-start').click();
    await expect(page.getByText('Endpoint URL must be an absolute http:// or https:// URL')).toBeVisible();
    await expect(check.historyRows).toHaveCount(0);

    await check.check(`${careless.url}/hooks`, 'zentitle2', 'my receiver');
    await expect(check.verdict).toHaveText('A required case failed');
    for (const caseId of N_SIGNATURE_CASES) {
      await expect(check.caseCard(caseId).getByTestId('check-case-outcome')).toHaveText('Fail');
    }
    const forged = check.caseCard('n-signature.forged');
    await expect(forged.getByTestId('check-case-verdict')).toHaveText(/^accepted: HTTP 200 in \d+ ms$/);
    await expect(forged).toContainText('only the signature proves the vendor sent them');
    await expect(check.caseCard('delivery.valid').getByTestId('check-case-outcome')).toHaveText('Pass');
    await expect(check.caseCard('auth.missing').getByTestId('check-case-outcome')).toHaveText('Skipped');
    await expect(check.caseCard('at-least-once.out-of-order').getByTestId('check-case-outcome')).toHaveText('Advisory');

    // What was sent, exactly, with a way to send it again.
    await forged.getByTestId('check-case-toggle').click();
    await expect(forged.getByTestId('check-exchange')).toHaveCount(1);
    await expect(forged.getByTestId('check-exchange')).toContainText(`POST ${careless.url}/hooks`);
    await expect(forged.getByTestId('check-copy-curl')).toBeVisible();
    await expect(forged.getByRole('table', { name: 'Request headers' })).toContainText('n-signature');
    await saveScreenshot(page, 'check-endpoint-failed');

    await check.check(`${careful.url}/hooks`, 'zentitle2', 'my receiver');
    await expect(check.verdict).toHaveText('Passed');
    await expect(check.historyRows).toHaveCount(2);
    await check.compareWith(/1 failed|3 failed/);
    await expect(page.getByTestId('check-diff')).toContainText('3 case(s) changed');
    await expect(check.diffRows).toHaveCount(3);
    for (const [index, caseId] of N_SIGNATURE_CASES.entries()) {
      await expect(check.diffRows.nth(index)).toContainText(caseId);
      await expect(check.diffRows.nth(index).locator('.pill')).toHaveText(['Fail', 'Pass']);
    }
    await saveScreenshot(page, 'check-endpoint-compare');
    await page.setViewportSize({ width: 1024, height: 700 });
    await saveScreenshot(page, 'check-endpoint-compare-1024');

    // A run from elsewhere (the CLI, a script) joins the history at once.
    await callApi(workspace, 'runEndpointCheck', { url: `${careful.url}/other`, vendor: 'zentitle2' });
    await expect(check.historyRows).toHaveCount(3);
    await expect(check.historyRows.first()).toContainText(`${careful.url}/other`);
  } finally {
    await careless.close();
    await careful.close();
  }
});

import type { VendorApisState } from '../../src-shared/domain/vendor-api.ts';
import { callApi, expect, saveScreenshotsAtBothSizes, test } from './serve-fixture.ts';

/** The vendor APIs as the engine reports them: where each listens and with which credentials. */
async function vendorApis(workspace: Parameters<typeof callApi>[0]): Promise<VendorApisState> {
  return callApi(workspace, 'getVendorApis', undefined);
}

test('the Vendors page shows each management API, logs calls live, and switches the APIs off and on', async ({ app, page, workspace }) => {
  test.setTimeout(90_000);
  const state = await vendorApis(workspace);
  const zentitle2 = state.vendors.find((access) => access.vendor === 'zentitle2')!;
  const flexnet = state.vendors.find((access) => access.vendor === 'flexnet')!;
  expect(state.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  // Zentitle2: base URL, how to authenticate, credentials with the secret masked until revealed.
  await app.goTo('vendors');
  await app.vendors.show('zentitle2');
  await app.vendors.showTab('Management API');
  await expect(app.vendors.apiSwitch()).toBeChecked();
  await expect(app.vendors.apiBaseUrl()).toHaveText(zentitle2.baseUrl!);
  const access = app.vendors.detail.getByTestId('vendor-api-access');
  await expect(access).toContainText(zentitle2.authentication);
  const tenant = zentitle2.credentials.find((credential) => !credential.secret)!;
  await expect(access).toContainText(tenant.value);
  const secret = zentitle2.credentials.find((credential) => credential.secret)!;
  await expect(access).not.toContainText(secret.value);
  await access.getByRole('button', { name: `Reveal ${secret.name}` }).click();
  await expect(access.getByTestId('vendor-api-secret-text')).toHaveText(secret.value);
  await expect(app.vendors.detail.getByTestId('vendor-api-general-assumptions')).toContainText(state.assumptions[0].subject);
  await access.getByRole('button', { name: `Hide ${secret.name}` }).click();
  await saveScreenshotsAtBothSizes(page, 'vendor-api-zentitle2');

  // FlexNet: its operations, then a call made from outside appears in the log as it is answered.
  await app.vendors.show('flexnet');
  await expect(app.vendors.apiBaseUrl()).toHaveText(flexnet.baseUrl!);
  await expect(app.vendors.detail.getByTestId('vendor-api-endpoint').filter({ hasText: '/health/status' })).toBeVisible();
  await app.vendors.showTab('API calls');
  await expect(app.vendors.detail.getByTestId('vendor-api-calls-empty')).toContainText(`${flexnet.baseUrl}/api/v1/authenticate`);
  const health = await fetch(`${flexnet.baseUrl}/health/status`, { headers: { 'x-client': 'e2e' } });
  expect(await health.json()).toEqual({ status: 'UP' });
  const row = app.vendors.callRows().first();
  await expect(row).toContainText('GET /notifications/health/status');
  await expect(row).toContainText('200');
  await expect(app.vendors.detail.getByRole('tab', { name: 'API calls (1)' })).toBeVisible();

  // Keyboard: the list is one tab stop; Home selects the newest call and its detail follows.
  await app.vendors.detail.getByRole('listbox', { name: 'Calls to the vendor API' }).focus();
  await page.keyboard.press('Home');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  const detail = app.vendors.callDetail();
  await expect(detail.getByRole('table', { name: 'Request headers' })).toContainText('x-client');
  await expect(detail.getByTestId('response-body')).toContainText('"status"');
  await expect(detail.getByTestId('response-body')).toContainText('UP');
  await saveScreenshotsAtBothSizes(page, 'vendor-api-calls');

  // Off: the base URL says so and nothing answers; on again, the same port answers.
  await app.vendors.showTab('Management API');
  await app.vendors.apiSwitch().click({ force: true });
  await expect(app.vendors.apiSwitch()).not.toBeChecked();
  await expect(app.vendors.apiBaseUrl()).toHaveText('Off');
  await expect(app.vendors.detail.getByTestId('vendor-apis-status')).toHaveText('Off');
  await expect(fetch(`${flexnet.baseUrl}/health/status`)).rejects.toThrow();
  // The README's screenshots are dark; the light theme is looked at here.
  await page.emulateMedia({ colorScheme: 'light' });
  await saveScreenshotsAtBothSizes(page, 'vendor-api-off-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.vendors.apiSwitch().click({ force: true });
  await expect(app.vendors.apiBaseUrl()).toHaveText(flexnet.baseUrl!);
  expect((await fetch(`${flexnet.baseUrl}/health/status`)).status).toBe(200);
  await app.vendors.showTab('API calls');
  await expect(app.vendors.callRows()).toHaveCount(2);

  // Switched off elsewhere (the CLI, another window): the open page follows.
  await app.vendors.showTab('Management API');
  await callApi(workspace, 'setVendorApisEnabled', { enabled: false });
  await expect(app.vendors.apiSwitch()).not.toBeChecked();
  await expect(app.vendors.apiBaseUrl()).toHaveText('Off');
});

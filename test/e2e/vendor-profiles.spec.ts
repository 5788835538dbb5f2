import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import { expect, saveScreenshot, saveScreenshotsAtBothSizes, test } from './serve-fixture.ts';

const SENTINEL = { name: 'Sentinel hook', bin: 'sentinel-hook' };
const FLEXNET = { name: 'FlexNet hook', bin: 'flexnet-hook' };
const ZENTITLE2 = { name: 'Zentitle2 hook', bin: 'zentitle2-hook' };
const CLOUDEVENTS = { name: 'CloudEvents hook', bin: 'cloudevents-hook' };

test('one webhook per vendor, each with its own auth or signature, delivers to bins that verify it', async ({ app, page }) => {
  test.setTimeout(120_000);
  const receiverUrl = await app.receiverUrl.innerText();

  // Sentinel EMS: a Basic profile made from the webhook form.
  await app.webhooks.startNew();
  await app.webhooks.fill({ vendor: 'sentinel-ems', name: SENTINEL.name, event: 'Entitlement Added', endpoint: 'receiver' });
  await (await app.webhooks.newAuthProfile()).createBasic('EMS basic', 'ems-user', 'ems-secret');
  await expect(app.webhooks.field('authProfileId')).toHaveValue(/.+/);
  await app.webhooks.save();
  await expect(app.webhooks.row(SENTINEL.name)).toBeVisible();

  // FlexNet: the tenant's one credential pair, set on the Vendors page for all its webhooks.
  await app.goTo('vendors');
  await app.vendors.show('flexnet');
  const shared = await app.vendors.newSharedProfile();
  // ENS authType basic or bearer (none: no profile).
  const kinds = shared.dialog.getByRole('radiogroup', { name: 'Kind' });
  await expect(kinds.locator('label.segmented-option', { hasText: 'Bearer' })).toBeVisible();
  await expect(kinds.locator('label.segmented-option', { hasText: 'OAuth 2.0' })).toHaveCount(0);
  await shared.createBasic('FlexNet tenant', 'tenant-user', 'tenant-secret');
  await expect(app.vendors.sharedCredentials.locator('option:checked')).toHaveText('FlexNet tenant (basic)');
  await app.vendors.saveSettings({ tenant: 'e2e-tenant', userId: 'e2e-admin' });
  await expect(page.locator('#vendor-setting-includeLineItemCustomAttributes')).toHaveValue('false');
  await saveScreenshotsAtBothSizes(page, 'vendors-flexnet');
  await app.goTo('webhooks');
  await app.webhooks.startNew();
  await app.webhooks.fill({ vendor: 'flexnet', name: FLEXNET.name, endpoint: 'receiver' });
  await expect(app.webhooks.form.getByTestId('shared-credentials')).toContainText('Tenant credentials: FlexNet tenant');
  await expect(app.webhooks.field('authProfileId')).not.toHaveRole('combobox');
  await saveScreenshot(page, 'webhook-form-flexnet');
  await app.webhooks.save();
  await expect(app.webhooks.row(FLEXNET.name)).toBeVisible();

  // Zentitle2: no credentials; every call is signed with the account key made with its first webhook.
  await app.webhooks.startNew();
  await app.webhooks.fill({ vendor: 'zentitle2', name: ZENTITLE2.name, endpoint: 'receiver' });
  await app.webhooks.save();
  await expect(app.webhooks.form.getByTestId('vendor-signature-note')).toContainText(/fingerprint [0-9a-f]{16}/);
  await expect(app.webhooks.form.getByTestId('send-test')).toBeVisible();

  // CloudEvents: OAuth 2.0 client credentials against the receiver's own token endpoint.
  await app.webhooks.startNew();
  await app.webhooks.fill({ vendor: 'cloudevents', name: CLOUDEVENTS.name, endpoint: 'receiver' });
  const oauth = await app.webhooks.newAuthProfile();
  await oauth.chooseKind('OAuth 2.0');
  await saveScreenshot(page, 'auth-profile-oauth2');
  await oauth.createWithBuiltInTokenEndpoint('CE token');
  await expect(app.webhooks.field('authProfileId').locator('option:checked')).toHaveText('CE token (oauth2)');
  await saveScreenshot(page, 'webhook-form-cloudevents');
  await app.webhooks.save();
  await expect(app.webhooks.row(CLOUDEVENTS.name)).toBeVisible();

  // The Zentitle2 bin is told the account key the way Zentitle2 hands it out: the bare modulus.
  await app.goTo('vendors');
  await app.vendors.show('zentitle2');
  await expect(app.vendors.signingKey.getByTestId('key-fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  const modulus = await app.vendors.modulus().innerText();
  expect(modulus).toMatch(/^[A-Za-z0-9_-]{342}$/);
  await saveScreenshot(page, 'vendors-zentitle2-key');

  // Bins exist once something reached them; these first unauthenticated requests predate the checks.
  for (const { bin } of [SENTINEL, FLEXNET, ZENTITLE2, CLOUDEVENTS]) {
    expect((await fetch(`${receiverUrl}/r/${bin}`, { method: 'POST', body: 'hello' })).status).toBe(200);
  }
  await app.goTo('receiver');
  await app.receiver.expect(SENTINEL.bin, { auth: 'Basic', username: 'ems-user', password: 'ems-secret' });
  await app.receiver.expect(FLEXNET.bin, { auth: 'Basic', username: 'tenant-user', password: 'tenant-secret' });
  await app.receiver.expect(ZENTITLE2.bin, { nSignatureKey: modulus });
  await app.receiver.expect(CLOUDEVENTS.bin, { auth: 'Issued token' });

  await app.goTo('fire');
  for (const [vendor, { name }] of [
    ['sentinel-ems', SENTINEL],
    ['flexnet', FLEXNET],
    ['zentitle2', ZENTITLE2],
    ['cloudevents', CLOUDEVENTS],
  ] as const satisfies ReadonlyArray<readonly [VendorId, { name: string }]>) {
    await app.fire.chooseVendor(vendor);
    await expect(app.fire.receivers).toContainText(name);
    await app.fire.fire();
    const delivery = app.fire.latestDeliveries().filter({ hasText: name });
    await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
  }
  await saveScreenshot(page, 'fire-four-vendors');

  await app.goTo('receiver');
  const verdicts: ReadonlyArray<readonly [string, string, string]> = [
    [SENTINEL.bin, 'auth-badge', 'Auth valid'],
    [FLEXNET.bin, 'auth-badge', 'Auth valid'],
    [ZENTITLE2.bin, 'n-signature-badge', 'N-Signature valid'],
    [CLOUDEVENTS.bin, 'auth-badge', 'Auth valid'],
  ];
  for (const [bin, badge, text] of verdicts) {
    await app.receiver.showBin(bin);
    const delivered = app.receiver.rows.filter({ hasText: /^POST/ }).first();
    await expect(delivered.getByTestId(badge)).toHaveText(text);
    // The bare request that made the bin came before the bin checked anything.
    await expect(app.receiver.rows.filter({ hasText: /^POST/ }).last().getByTestId(badge)).toHaveCount(0);
  }
  await app.receiver.showBin('');
  await saveScreenshot(page, 'receiver-four-vendors');

  await app.receiver.showBin(CLOUDEVENTS.bin);
  await app.receiver.rows.filter({ hasText: /^POST/ }).first().click();
  await expect(app.receiver.detail.getByTestId('auth-badge')).toHaveText('Auth valid');
  await expect(app.receiver.detail.getByTestId('auth-reason')).not.toBeEmpty();
  await saveScreenshot(page, 'capture-cloudevents-auth');
  // The token the built-in endpoint issued is a JWT: decoded, and verified because this bin checked it.
  await expect(app.receiver.detail.getByTestId('capture-jwt-verdict')).toHaveText(/^Verified by the receiver: /);
  await expect(app.receiver.detail.getByTestId('capture-jwt-claims')).toContainText('"exp"');

  await app.receiver.showBin(ZENTITLE2.bin);
  await app.receiver.rows.filter({ hasText: /^POST/ }).first().click();
  await expect(app.receiver.detail.getByTestId('n-signature-badge')).toHaveText('N-Signature valid');
  await expect(app.receiver.detail.getByTestId('capture-headers')).toContainText(/n-signature/i);
  await saveScreenshot(page, 'capture-zentitle2-n-signature');

  // The delivery shows how its token was had: the token request and answer, secret and token masked.
  await app.goTo('deliveries');
  await app.deliveries.rows.filter({ hasText: CLOUDEVENTS.name }).first().click();
  const attempt = app.deliveries.attempts.first();
  await attempt.getByRole('tab', { name: 'OAuth token' }).click();
  const exchange = attempt.getByTestId('token-exchange');
  await expect(exchange).toContainText('answered HTTP 200');
  await expect(exchange.getByTestId('token-request-body')).toContainText('grant_type');
  await expect(exchange.getByTestId('token-response-body')).toContainText('"access_token": "••••••••"');
  await expect(exchange.getByRole('table', { name: 'Token request headers' })).toContainText('••••••••');
  await saveScreenshotsAtBothSizes(page, 'attempt-oauth-token-exchange');
});

test('changing the vendor of a webhook shows only its events and auth kinds, and says what was cleared', async ({ app, page }) => {
  await app.webhooks.startNew();
  await app.webhooks.fill({ name: 'Switcher', event: 'Entitlement Updated', endpoint: 'receiver' });
  await (await app.webhooks.newAuthProfile()).createBasic('Basic one', 'user', 'pass');
  await app.webhooks.field('vendor').selectOption('cloudevents');

  const dropped = app.webhooks.form.getByTestId('vendor-change-dropped');
  await expect(dropped).toContainText('event Entitlement Updated');
  await expect(dropped).toContainText('the auth profile');
  await expect(app.webhooks.field('name')).toHaveValue('Switcher');
  await expect(app.webhooks.field('endpointUrl')).toHaveValue(/\/r\/switcher$/);
  // CloudEvents takes Bearer tokens only: the Basic profile is not offered.
  await expect(app.webhooks.field('authProfileId').locator('option', { hasText: 'Basic one' })).toHaveCount(0);
  await expect(app.webhooks.form).toContainText(vendorCatalogs.cloudevents.auth.note);
  for (const option of vendorCatalogs.cloudevents.options) {
    await expect(app.webhooks.form.getByRole('radiogroup', { name: option.label })).toBeVisible();
  }
  const firstEvent = vendorCatalogs.cloudevents.entities[0].events[0].name;
  await expect(app.webhooks.field('event')).toBeVisible();
  await expect(page.getByRole('option', { name: new RegExp(firstEvent.replace(/\./g, '\\.')) }).first()).toHaveAttribute('aria-selected', 'true');
  await app.webhooks.field('vendor').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'webhook-form-vendor-switch');
});

test('the Zentitle2 key: a bad PEM is refused on the field, a new key is asked for, and "Send test" reports its delivery', async ({ app, page }) => {
  await app.webhooks.startNew();
  await app.webhooks.fill({ vendor: 'zentitle2', name: 'Zentitle2 test', endpoint: 'receiver' });
  await app.webhooks.save();
  const sendTest = app.webhooks.form.getByTestId('send-test');
  await sendTest.getByRole('button', { name: 'Send test' }).click();
  await expect(sendTest.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
  await saveScreenshot(page, 'webhook-send-test');

  await app.goTo('vendors');
  await app.vendors.show('zentitle2');
  const fingerprint = app.vendors.signingKey.getByTestId('key-fingerprint');
  const before = await fingerprint.innerText();

  await app.vendors.signingKey.getByRole('button', { name: 'Import PEM…' }).click();
  const importDialog = page.getByTestId('import-key-dialog');
  await importDialog.getByLabel('Private key (PEM)').fill('-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----');
  await importDialog.getByRole('button', { name: 'Import key' }).click();
  await expect(page.getByTestId('import-key-pem-error')).toContainText(/private key/i);
  await saveScreenshot(page, 'vendors-import-key-error');
  await importDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(fingerprint).toHaveText(before);

  await app.vendors.signingKey.getByRole('button', { name: 'Generate new key' }).click();
  const confirm = app.vendors.signingKey.getByTestId('confirm-dialog');
  await expect(confirm).toContainText(`fingerprint ${before}`);
  await confirm.getByRole('button', { name: 'Generate new key' }).click();
  await expect(confirm).toBeHidden();
  await expect(fingerprint).not.toHaveText(before);
  await expect(fingerprint).toHaveText(/^[0-9a-f]{16}$/);
});

test('token endpoint clients: a name is required, the secret is shown once, deleting asks first', async ({ app, page }) => {
  await app.goTo('receiver');
  await page.getByTestId('receiver-clients-open').click();
  const dialog = page.getByTestId('receiver-clients-dialog');
  await dialog.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByTestId('receiver-client-name-error')).toHaveText('Name is required');

  await dialog.getByLabel('New client').fill('CI pipeline');
  await dialog.getByRole('button', { name: 'Create client' }).click();
  await expect(dialog.getByTestId('receiver-client-secret')).toContainText('Client CI pipeline: secret');
  const clients = dialog.getByTestId('receiver-clients');
  await expect(clients.getByRole('row', { name: /CI pipeline/ })).toContainText('/oauth/token');
  await saveScreenshot(page, 'receiver-token-clients');

  await clients
    .getByRole('row', { name: /CI pipeline/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  const confirm = dialog.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('can no longer get tokens');
  await confirm.getByRole('button', { name: 'Delete client' }).click();
  await expect(dialog.getByText('No clients yet.')).toBeVisible();
});

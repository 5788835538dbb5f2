import { SignJWT } from 'jose';
import { callApi, expect, saveScreenshotsAtBothSizes, test } from './serve-fixture.ts';

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('the capture pane follows the list: another bin, a search with no match and an import never leave a capture from elsewhere', async ({ app, page }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  await post(`${receiverUrl}/r/alpha/orders`, '{"customer":"Alpha Corp"}');
  await post(`${receiverUrl}/r/beta/refunds`, '{"customer":"Beta Ltd"}');

  await app.goTo('receiver');
  const { receiver } = app;
  await expect(receiver.rows).toHaveCount(2);
  await receiver.rows.filter({ hasText: '/r/alpha/orders' }).click();
  await expect(receiver.detail).toContainText('/r/alpha/orders');

  // Another bin: the alpha capture is not in the list any more, so the pane lets it go.
  await receiver.showBin('beta');
  await expect(receiver.rows).toHaveCount(1);
  await expect(receiver.detail).toBeHidden();
  await expect(page.getByText('Pick a capture')).toBeVisible();

  // A search the engine answers over bodies: the one capture holding the text, then none.
  await receiver.showBin('');
  await receiver.rows.filter({ hasText: '/r/beta/refunds' }).click();
  await receiver.search('alpha corp');
  await expect(receiver.rows).toHaveCount(1);
  await expect(receiver.rows.first()).toContainText('/r/alpha/orders');
  await expect(receiver.detail).toBeHidden();
  await receiver.rows.first().click();
  await expect(receiver.detail).toContainText('/r/alpha/orders');
  await receiver.search('no such text anywhere');
  await expect(page.getByTestId('captures-no-match')).toContainText('Credential headers are sealed and not searched');
  await expect(receiver.detail).toBeHidden();
  await saveScreenshotsAtBothSizes(page, 'receiver-search-no-match');
  await receiver.search('');
  await expect(receiver.rows).toHaveCount(2);

  // An import shows its own bin and opens what it brought, with the host it was sent to.
  await receiver.rows.filter({ hasText: '/r/alpha/orders' }).click();
  const dialog = await receiver.importFile(
    { name: 'hook.sh', text: "curl https://api.vendor.test/hooks/ems -H 'content-type: application/json' -d '{\"n\":1}'" },
    'pasted',
  );
  await expect(dialog).toBeHidden();
  await expect(receiver.rows).toHaveCount(1);
  await expect(receiver.detail).toContainText('/r/pasted/hooks/ems');
  await expect(receiver.detail.getByTestId('capture-headers')).toContainText('api.vendor.test');
});

test('a Bearer JWT in a capture is decoded, and says it is not verified when the bin does not check tokens', async ({ app, page }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  const token = await new SignJWT({ scope: 'webhooks', tenant: 'acme' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'key-1' })
    .setIssuer('https://idp.example.test')
    .setSubject('client-42')
    .setIssuedAt(1_780_000_000)
    .setExpirationTime(1_780_003_600)
    .sign(new TextEncoder().encode('a-secret-the-receiver-never-learns'));
  await post(`${receiverUrl}/r/jwt`, '{}', { authorization: `Bearer ${token}` });

  await app.goTo('receiver');
  await app.receiver.rows.first().click();
  const jwt = app.receiver.detail.getByTestId('capture-jwt');
  await expect(jwt.getByTestId('capture-jwt-verdict')).toHaveText('Decoded only, not verified: this bin does not check tokens.');
  await expect(jwt.getByTestId('capture-jwt-header')).toContainText('"kid": "key-1"');
  await expect(jwt.getByTestId('capture-jwt-claims')).toContainText('"sub": "client-42"');
  await expect(jwt.getByTestId('capture-jwt-claims')).toContainText('"tenant": "acme"');
  await expect(jwt).toContainText('Expires at');
  await jwt.scrollIntoViewIfNeeded();
  await saveScreenshotsAtBothSizes(page, 'capture-jwt-decoded');
});

test('the delivery pane is cleared when a filter leaves its delivery out', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  await callApi(workspace, 'createWebhook', { name: 'To the bin', events: ['Entitlement Added'], endpointUrl: `${receiverUrl}/r/inbox` });
  await callApi(workspace, 'fireEvent', { vendor: 'sentinel-ems', eventName: 'Entitlement Added', seed: 1 });

  await app.goTo('deliveries');
  const { deliveries } = app;
  const ours = deliveries.rows.filter({ hasText: 'To the bin' });
  await expect(ours).toHaveCount(1);
  await ours.click();
  await expect(deliveries.detailStatus()).toHaveAttribute('data-status', 'succeeded');

  await deliveries.toggleStatus('Failed');
  await deliveries.expectTotal(0);
  await expect(deliveries.detail).toBeHidden();
  await saveScreenshotsAtBothSizes(page, 'deliveries-filtered-to-nothing');

  // Widening the search again does not bring back a pane the user did not ask for.
  await deliveries.toggleStatus('Failed');
  await expect(ours).toHaveCount(1);
  await expect(deliveries.detail).toBeHidden();
});

test('a very large import says how large before it is sent', async ({ app, page }) => {
  await app.goTo('receiver');
  await page.getByTestId('import-captures-open').click();
  const dialog = page.getByTestId('import-captures-dialog');
  const paste = dialog.getByLabel('Or paste');
  await paste.fill('curl http://127.0.0.1:9/small');
  await expect(dialog.getByTestId('import-large')).toHaveCount(0);
  // 6 MB of one curl body: past the size where reading it whole takes a noticeable while.
  await paste.fill(`curl http://127.0.0.1:9/big -d '${'x'.repeat(6 * 1024 * 1024)}'`);
  await expect(dialog.getByTestId('import-large')).toContainText('This import is large: 6.0 MB of text');
  await saveScreenshotsAtBothSizes(page, 'import-large-warning');
});

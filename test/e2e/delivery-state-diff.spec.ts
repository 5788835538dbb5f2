import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('an update delivery shows how the entity changed, previous state beside current', async ({ app, page, workspace }) => {
  const call = async (method: string, input: unknown) => {
    const response = await fetch(`${workspace.serve.apiUrl}/api/call/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workspace.serve.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(200);
  };
  const receiverUrl = await app.receiverUrl.innerText();
  await call('createWebhook', { name: 'Updates', events: ['Entitlement Updated'], endpointUrl: `${receiverUrl}/r/updates` });
  await call('fireEvent', { eventName: 'Entitlement Updated', activity: 'Disable Entitlement', seed: 7 });

  await app.goTo('deliveries');
  await app.deliveries.rows.filter({ hasText: 'Entitlement Updated' }).click();
  const diff = app.deliveries.detail.getByTestId('state-diff');
  await expect(diff.locator('.monaco-diff-editor')).toBeVisible();
  await expect(diff.locator('.editor.original')).toContainText('"ENABLE"');
  await expect(diff.locator('.editor.modified')).toContainText('"DISABLE"');
  await saveScreenshot(page, 'delivery-state-diff');
});

import { ReplayDialog } from './pages/replay-dialog.ts';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

test('a capture replayed re-signed as another webhook, with its body edited in the dialog, arrives edited', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  await callApi(workspace, 'createWebhook', { name: 'Origin', events: ['Entitlement Added'], endpointUrl: `${receiverUrl}/r/origin` });
  const target = await callApi(workspace, 'createWebhook', {
    name: 'Replay target',
    events: ['Entitlement Updated'],
    endpointUrl: `${receiverUrl}/r/replayed`,
  });

  await app.goTo('fire');
  await app.fire.fire();
  await expect(app.fire.latestDeliveries().filter({ hasText: 'Origin' }).getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');

  await app.goTo('receiver');
  await app.receiver.showBin('origin');
  await app.receiver.rows.first().click();
  const replay = new ReplayDialog(page);
  await replay.openFrom(app.receiver.detail);
  // Exact mode goes back to the capture's own bin unless told otherwise.
  await expect(replay.root.getByRole('textbox', { name: 'URL' })).toHaveValue(`${receiverUrl}/r/origin`);
  await expect(replay.root.getByTestId('replay-mode')).toContainText('Byte for byte as captured');
  await replay.chooseMode('Re-signed');
  await expect(replay.root.getByTestId('replay-mode')).toContainText('Re-signed and re-authenticated as the webhook');
  await replay.send();
  await expect(replay.root.getByTestId('replay-webhook-error')).toHaveText('Webhook is required');

  await replay.chooseWebhook(target.id);
  await expect(replay.root.getByTestId('json-editor')).toContainText('eventName');
  await replay.replaceBody('{"edited":true}');
  await replay.send();
  await expect(replay.sent.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(replay.sent).toContainText(`${receiverUrl}/r/replayed`);
  await saveScreenshot(page, 'replay-dialog-sent');
  await replay.root.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(replay.root).toBeHidden();

  await app.receiver.showBin('replayed');
  await expect(app.receiver.rows).toHaveCount(1);
  await app.receiver.rows.first().click();
  expect(await app.receiver.rawBody()).toBe('{"edited":true}');
});

const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });
const harEntry = (url: string, text: string) => ({
  startedDateTime: '2026-01-02T03:04:05.000Z',
  request: { method: 'POST', url, headers: [{ name: 'content-type', value: 'application/json' }], postData: { mimeType: 'application/json', text } },
});

test('a HAR file picked in the Import dialog becomes captures of its bin; a bad entry is named and imports nothing', async ({ app, page }) => {
  await app.goTo('receiver');
  const bad = await app.receiver.importFile({ name: 'bad.har', text: har([harEntry('https://example.test/hook', '{}'), { response: {} }]) }, 'from-har');
  await expect(bad.getByTestId('import-problems')).toContainText('entries[1].request');
  await saveScreenshot(page, 'import-dialog-problem');
  await bad.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.page.getByTestId('bin-filter').locator('option', { hasText: 'from-har' })).toHaveCount(0);

  const good = har([harEntry('https://example.test/hooks/one', '{"n":1}'), harEntry('https://example.test/hooks/two?x=1', '{"n":2}')]);
  const dialog = await app.receiver.importFile({ name: 'hooks.har', text: good }, 'from-har');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('bin-filter')).toHaveValue('from-har');
  await expect(app.receiver.rows).toHaveCount(2);
  await app.receiver.rows.filter({ hasText: '/hooks/two' }).click();
  await expect(app.receiver.detail).toContainText('hooks.har, entries[1]');
  // Never sent to this receiver: no verdict on a reply it did not give.
  await expect(app.receiver.detail).toContainText('Imported, not answered here');
  await expect(app.receiver.detail).not.toContainText('Connection closed');
  expect(await app.receiver.rawBody()).toBe('{"n":2}');
  await saveScreenshot(page, 'import-done');
});

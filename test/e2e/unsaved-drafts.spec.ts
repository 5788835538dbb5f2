import type { Locator, Page } from '@playwright/test';
import { ReplayDialog } from './pages/replay-dialog.ts';
import { callApi, expect, saveScreenshotsAtBothSizes, test } from './serve-fixture.ts';

const discardDialog = (page: Page): Locator => page.getByTestId('confirm-dialog').filter({ hasText: 'Discard unsaved changes?' });

test('a new webhook being typed is not lost to a click on another webhook or another page without asking', async ({ app, page, workspace }) => {
  await callApi(workspace, 'createWebhook', { name: 'Existing hook', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/hook' });
  await app.goTo('webhooks');
  const { webhooks } = app;
  await expect(webhooks.row('Existing hook')).toBeVisible();
  await webhooks.startNew();
  await webhooks.field('name').fill('Half-typed hook');

  await webhooks.row('Existing hook').click();
  const ask = discardDialog(page);
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('The new webhook has changes that are not saved');
  // Keyboard first: the safe answer has the focus, Escape keeps the draft too.
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await saveScreenshotsAtBothSizes(page, 'unsaved-draft-ask');
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(webhooks.field('name')).toHaveValue('Half-typed hook');

  // Leaving the page asks as well; Enter on the focused "Keep editing" stays.
  await page.getByTestId('nav-fire').click();
  await expect(ask).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(page.getByTestId('page-webhooks')).toBeVisible();
  await expect(webhooks.field('name')).toHaveValue('Half-typed hook');

  // Discarding on purpose goes where the click meant.
  await webhooks.row('Existing hook').click();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(webhooks.field('name')).toHaveValue('Existing hook');
  // A form with nothing changed moves on without a question.
  await webhooks.startNew();
  await expect(ask).toBeHidden();
  await page.getByTestId('nav-fire').click();
  await expect(page.getByTestId('page-fire')).toBeVisible();
});

test('closing a scenario being edited asks before its edits go', async ({ app, page }) => {
  await app.goTo('scenarios');
  const { scenarios } = app;
  await scenarios.startNew('Draft story');
  await scenarios.editor.getByRole('button', { name: 'Cancel' }).click();
  const ask = discardDialog(page);
  await expect(ask).toContainText('Scenario “Draft story” has changes that are not saved');
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(scenarios.editor.locator('#scenario-name')).toHaveValue('Draft story');
  await scenarios.editor.getByRole('button', { name: 'Cancel' }).click();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(scenarios.editor).toBeHidden();
  await expect(page.getByTestId('scenario-new-draft')).toBeHidden();
});

test('a replay body: pretty-printed, refused while it is not JSON, asked about on close and fresh when the dialog reopens', async ({
  app,
  page,
  workspace,
}) => {
  const receiverUrl = await app.receiverUrl.innerText();
  const target = await callApi(workspace, 'createWebhook', { name: 'Replay target', events: ['Entitlement Added'], endpointUrl: `${receiverUrl}/r/replayed` });
  await fetch(`${receiverUrl}/r/origin/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"order":{"id":7,"sku":"Gadget"}}' });

  await app.goTo('receiver');
  await app.receiver.rows.first().click();
  const replay = new ReplayDialog(page);
  await replay.openFrom(app.receiver.detail);
  await replay.chooseMode('Re-signed');
  await replay.chooseWebhook(target.id);
  const editor = replay.root.getByTestId('json-editor');
  // Pretty-printed: one field a line.
  await expect(editor.locator('.view-line')).toHaveCount(6);

  await replay.replaceBody('{"order": {"id": 7,');
  await replay.send();
  await expect(replay.root.getByTestId('replay-body-error')).toContainText('must be valid JSON');
  await expect(replay.sent).toBeHidden();
  await saveScreenshotsAtBothSizes(page, 'replay-invalid-json');
  expect(await callApi(workspace, 'listCaptures', { bin: 'replayed' })).toEqual([]);

  // Closing with the edit asks; discarding closes, and the next opening starts from the capture again.
  await replay.root.getByRole('button', { name: 'Cancel' }).click();
  const ask = discardDialog(page);
  await expect(ask).toContainText('The edited replay body has changes that are not saved');
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(replay.root).toBeHidden();
  await replay.openFrom(app.receiver.detail);
  await expect(replay.root.getByTestId('replay-mode')).toContainText('Byte for byte as captured');
  await replay.chooseMode('Re-signed');
  await replay.chooseWebhook(target.id);
  await expect(editor).toContainText('"sku": "Gadget"');
  await replay.send();
  await expect(replay.sent.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');

  // The delivery is named for the capture it replays.
  await replay.root.getByRole('button', { name: 'Open in Deliveries' }).click();
  await expect(app.deliveries.detail.getByRole('heading', { level: 2 })).toHaveText('Replay of POST /r/origin/orders');
});

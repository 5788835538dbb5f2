import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

async function post(url: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
  expect(response.status).toBe(200);
}

test('a capture is deleted from its detail pane or with the Delete key, and Clear bin empties only that bin, each after a confirmation', async ({
  app,
  page,
  workspace,
}) => {
  const receiverUrl = await app.receiverUrl.innerText();
  for (const n of [1, 2, 3]) await post(`${receiverUrl}/r/inbox/${n}`);
  await post(`${receiverUrl}/r/other/kept`);

  await app.goTo('receiver');
  await app.receiver.showBin('inbox');
  await expect(app.receiver.rows).toHaveCount(3);
  await app.receiver.rows.first().click();
  await expect(app.receiver.detail).toContainText('/r/inbox/3');
  await app.receiver.detail.getByTestId('capture-delete').click();
  const confirm = page.getByRole('dialog', { name: 'Delete this capture?' });
  await expect(confirm).toContainText('deleted for good');
  await saveScreenshot(page, 'capture-delete-confirm');
  await confirm.getByRole('button', { name: 'Delete capture' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.receiver.rows).toHaveCount(2);
  await expect(app.receiver.detail).toBeHidden();

  // Keyboard: select with the arrows, Delete asks, Enter confirms (the confirm button has focus).
  const list = page.getByTestId('capture-list');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(app.receiver.detail).toContainText('/r/inbox/2');
  await page.keyboard.press('Delete');
  await expect(confirm.getByRole('button', { name: 'Delete capture' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(app.receiver.rows).toHaveCount(1);
  await expect(app.receiver.rows.first()).toContainText('/r/inbox/1');
  await expect(app.receiver.detail).toBeHidden();

  await page.getByTestId('bin-clear-open').click();
  const clear = page.getByRole('dialog', { name: 'Clear bin “inbox”?' });
  await expect(clear).toContainText('1 capture of this bin will be deleted for good');
  await saveScreenshot(page, 'bin-clear-confirm');
  await clear.getByRole('button', { name: 'Delete captures' }).click();
  await expect(clear).toBeHidden();
  await expect(app.receiver.rows).toHaveCount(0);
  await expect(page.getByTestId('bin-filter').locator('option', { hasText: 'inbox (0)' })).toHaveCount(1);
  await expect(page.getByTestId('bin-clear-open')).toBeDisabled();

  await app.receiver.showBin('');
  await expect(app.receiver.rows).toHaveCount(1);
  await expect(app.receiver.rows.first()).toContainText('/r/other/kept');

  // Deleted by another program (the CLI, a script): the page drops it from the list and the detail pane.
  await app.receiver.rows.first().click();
  await expect(app.receiver.detail).toContainText('/r/other/kept');
  const [kept] = await callApi(workspace, 'listCaptures', { bin: 'other' });
  await callApi(workspace, 'deleteCapture', { id: kept.id });
  await expect(app.receiver.rows).toHaveCount(0);
  await expect(app.receiver.detail).toBeHidden();
});

test('retention limits are set in their dialog, and a bad one is named on its field', async ({ app, page, workspace }) => {
  await app.goTo('receiver');
  await page.getByTestId('capture-retention-open').click();
  const dialog = page.getByTestId('capture-retention-dialog');
  await expect(dialog.getByLabel('Most captures kept')).toHaveValue('10000');
  await expect(dialog.getByLabel('Most space used (MiB)')).toHaveValue('512');
  await expect(dialog.getByTestId('retention-pruned')).toHaveText('0 captures, 0 B');
  await dialog.getByLabel('Most captures kept').fill('0');
  await dialog.getByRole('button', { name: 'Save limits' }).click();
  await expect(dialog).toContainText('Most captures kept must be from 1 to 1000000');
  await saveScreenshot(page, 'capture-retention-error');
  await dialog.getByLabel('Most captures kept').fill('250');
  await dialog.getByLabel('Most space used (MiB)').fill('64');
  await dialog.getByRole('button', { name: 'Save limits' }).click();
  await expect(dialog).toBeHidden();
  expect(await callApi(workspace, 'getCaptureRetention', undefined)).toMatchObject({ maxCount: 250, maxBytes: 64 * 1024 * 1024 });
});

test('pruning shows a notice and a lasting counter, and a pruned capture leaves the detail pane', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  await callApi(workspace, 'setCaptureRetention', { maxCount: 2 });
  await post(`${receiverUrl}/r/busy/1`);
  await post(`${receiverUrl}/r/busy/2`);
  await app.goTo('receiver');
  await expect(app.receiver.rows).toHaveCount(2);
  await app.receiver.rows.last().click();
  await expect(app.receiver.detail).toContainText('/r/busy/1');
  await expect(page.getByTestId('captures-pruned-counter')).toHaveCount(0);

  await post(`${receiverUrl}/r/busy/3`);
  const notice = page.getByTestId('captures-pruned-notice');
  await expect(notice).toContainText(/^1 oldest capture \(\d+ B\) was deleted to make room: this workspace keeps at most 2 captures and 512.0 MB\./);
  await expect(page.getByTestId('captures-pruned-counter')).toContainText('1 oldest capture pruned by the retention limits so far.');
  await expect(app.receiver.rows).toHaveCount(2);
  await expect(app.receiver.rows.last()).toContainText('/r/busy/2');
  await expect(app.receiver.detail).toBeHidden();
  await saveScreenshot(page, 'captures-pruned-notice');

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  // The counter stays, and leads to the limits.
  await page.getByTestId('captures-pruned-counter').getByRole('button', { name: 'Change limits…' }).click();
  const dialog = page.getByTestId('capture-retention-dialog');
  await expect(dialog.getByTestId('retention-pruned')).toHaveText(/^1 capture, \d+ B$/);
  await saveScreenshot(page, 'capture-retention-dialog');
});

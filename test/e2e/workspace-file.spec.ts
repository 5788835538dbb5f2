import { copyFile, mkdir } from 'node:fs/promises';
import { AuthProfileDialog } from './pages/auth-profile-dialog.ts';
import { WorkspaceFileDialogs } from './pages/workspace-file-dialogs.ts';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

const DEMO_WEBHOOK = 'Demo - Entitlement Added';

test('the demo workspace exported through the UI imports back: clashes previewed, renamed, and a bad file changes nothing', async ({
  app,
  page,
  workspace,
}) => {
  const files = new WorkspaceFileDialogs(page);
  await files.openExport();
  const exportCounts = files.exportDialog.getByTestId('workspace-export-counts');
  await expect(files.count(exportCounts, 'Webhooks')).toHaveText('1');
  await expect(files.count(exportCounts, 'Auth profiles')).toHaveText('1');
  await expect(files.exportDialog.getByTestId('workspace-export-redacted')).toContainText('authProfiles[0].password');
  await saveScreenshot(page, 'workspace-export');
  const exported = await files.download();
  expect(exported.fileName).toMatch(/^hooklab-workspace-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(exported.text)).toMatchObject({ format: 'hooklab-workspace', webhooks: [{ name: DEMO_WEBHOOK }] });
  await files.closeExport();

  // Changed behind the page's back, as the CLI or a script would: the file's webhook now differs from ours.
  const [demo] = await callApi(workspace, 'listWebhooks', undefined);
  const { id, signingSecrets: _secrets, createdAt: _created, updatedAt: _updated, ...input } = demo!;
  await callApi(workspace, 'updateWebhook', { id, webhook: { ...input, description: 'Changed after the export' } });

  await files.preview({ name: exported.fileName, text: exported.text });
  await expect(files.count(files.previewPane.getByTestId('workspace-preview-counts'), 'Webhooks')).toHaveText('1');
  const clashes = files.previewPane.getByTestId('workspace-clashes');
  await expect(clashes.locator('[data-section="webhooks"]')).toContainText(DEMO_WEBHOOK);
  // The auth profile is as the file has it: no clash, nothing to ask.
  await expect(clashes.locator('[data-section="authProfiles"]')).toHaveCount(0);
  await files.chooseOnClash('Rename');
  await expect(files.importDialog.getByTestId('workspace-clash-explain')).toContainText('under a free name');
  await saveScreenshot(page, 'workspace-import-preview');
  await mkdir('docs/screenshots', { recursive: true });
  await copyFile('test-results/screenshots/workspace-import-preview.png', 'docs/screenshots/workspace-import.png');

  await files.importPreviewed();
  await expect(files.summary.getByTestId('workspace-renamed')).toContainText(`“${DEMO_WEBHOOK}” → “${DEMO_WEBHOOK} (2)”`);
  await expect(files.count(files.summary.getByTestId('workspace-summary-counts'), 'Webhooks', 1)).toHaveText('1');
  await saveScreenshot(page, 'workspace-import-summary');
  await files.finishImport();
  await expect(app.webhooks.row(`${DEMO_WEBHOOK} (2)`)).toBeVisible();
  await expect(app.webhooks.rows).toHaveCount(2);

  const bad = JSON.parse(exported.text) as { webhooks: { name: string; endpointUrl: string }[] };
  bad.webhooks[0]!.name = 'Never imported';
  bad.webhooks[0]!.endpointUrl = 'not a url';
  await files.preview({ name: 'bad.json', text: JSON.stringify(bad) });
  await expect(files.problems).toContainText('webhooks[0].endpointUrl');
  await saveScreenshot(page, 'workspace-import-problem');
  await files.cancelImport();
  await expect(app.webhooks.rows).toHaveCount(2);
  expect((await callApi(workspace, 'listWebhooks', undefined)).map((webhook) => webhook.name)).not.toContain('Never imported');
});

test('a profile imported without its secret is filled in from the summary, in the auth profile dialog', async ({ app: _app, page, workspace }) => {
  const files = new WorkspaceFileDialogs(page);
  const file = {
    format: 'hooklab-workspace',
    version: 1,
    redacted: ['authProfiles[0].password'],
    authProfiles: [{ kind: 'basic', name: 'Partner (Basic)', username: 'partner', password: null }],
  };
  await files.preview({ name: 'partner.json', text: JSON.stringify(file) });
  await expect(files.previewPane.getByTestId('workspace-needed-secrets')).toContainText('Partner (Basic)');
  await files.importPreviewed();

  await files.summary.getByRole('button', { name: 'Set the password…' }).click();
  const dialog = new AuthProfileDialog(page, 'edit');
  await expect(dialog.dialog).toContainText('Required — none stored');
  await dialog.dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog.dialog).toContainText('Password is required: none is stored');
  await dialog.field('password').fill('s3cret');
  await dialog.dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog.dialog).toBeHidden();
  const profiles = await callApi(workspace, 'listAuthProfiles', undefined);
  expect(profiles.find((profile) => profile.name === 'Partner (Basic)')).toMatchObject({ hasSecret: true });
});

test('an auth profile is edited from the webhook form; its secret left empty is kept', async ({ app, page, workspace }) => {
  await app.webhooks.row(DEMO_WEBHOOK).click();
  await app.webhooks.form.getByRole('button', { name: 'Edit…' }).click();
  const dialog = new AuthProfileDialog(page, 'edit');
  await expect(dialog.field('name')).toHaveValue('Demo receiver (Basic)');
  await expect(dialog.dialog).toContainText('Leave empty to keep the current one.');
  await expect(dialog.dialog.getByRole('button', { name: 'Save profile' })).toBeDisabled();
  await dialog.field('name').fill('Demo receiver (renamed)');
  await dialog.dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog.dialog).toBeHidden();
  await expect(app.webhooks.field('authProfileId').locator('option:checked')).toHaveText('Demo receiver (renamed) (basic)');
  const [profile] = await callApi(workspace, 'listAuthProfiles', undefined);
  expect(profile).toMatchObject({ name: 'Demo receiver (renamed)', hasSecret: true });
});

test('Ctrl+Enter in the auth profile dialog saves the profile only, not the webhook form behind it', async ({ app, page, workspace }) => {
  await app.webhooks.row(DEMO_WEBHOOK).click();
  await app.webhooks.field('name').fill('Demo - not saved yet');
  await app.webhooks.form.getByRole('button', { name: 'Edit…' }).click();
  const dialog = new AuthProfileDialog(page, 'edit');
  await dialog.field('name').fill('Demo receiver (by keyboard)');
  await dialog.field('name').press('Control+Enter');
  await expect(dialog.dialog).toBeHidden();
  const [profile] = await callApi(workspace, 'listAuthProfiles', undefined);
  expect(profile).toMatchObject({ name: 'Demo receiver (by keyboard)' });
  const webhooks = await callApi(workspace, 'listWebhooks', undefined);
  expect(webhooks.map((webhook) => webhook.name)).toEqual([DEMO_WEBHOOK]);
  await expect(app.webhooks.field('name')).toHaveValue('Demo - not saved yet');
});

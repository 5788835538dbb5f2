import { AppShell } from './pages/app-shell.ts';
import { ProductionExportDialog } from './pages/production-export-dialog.ts';
import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('the theme follows the OS until one is chosen in the sidebar, and the choice is remembered', async ({ page, workspace }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const app = new AppShell(page);
  await app.open(workspace.uiUrl);
  const html = page.locator('html');
  const theme = page.getByTestId('theme-select');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(theme.locator('option:checked')).toHaveText('System (light)');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await app.goTo('fire');
  await app.fire.fire();
  await app.fire.latestDeliveries().first().click();
  await expect(app.deliveries.attempts).toHaveCount(1);
  await saveScreenshot(page, 'theme-light-deliveries');
  await page.setViewportSize({ width: 1024, height: 700 });
  await app.goTo('webhooks');
  await saveScreenshot(page, 'theme-light-webhooks-1024');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await theme.selectOption('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(theme).toHaveValue('light');
  await theme.selectOption('system');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(13, 15, 19)');
});

test('a blank window never shows: the page holds a loading line until the app renders', async ({ app, page, workspace }) => {
  const html = await (await fetch(workspace.uiUrl.replace(/#.*/, ''))).text();
  expect(html).toContain('Loading Hooklab…');
  await expect(app.receiverUrl).toBeVisible();
  await expect(page.getByTestId('boot-loading')).toHaveCount(0);
});

test('actions say what they did in a toast: a webhook deleted, an export saved as one zip', async ({ app, page }) => {
  const toasts = page.getByTestId('toast');
  const exported = new ProductionExportDialog(page);
  await exported.open();
  const download = page.waitForEvent('download');
  await exported.root.getByTestId('export-download-all').click();
  await download;
  // Above the modal dialog, not under its backdrop.
  await expect(toasts.last()).toHaveText(/2 files saved as hooklab-production-export\.zip/);
  await expect(toasts.last()).toBeVisible();
  await saveScreenshot(page, 'toast-over-dialog');
  await page.keyboard.press('Escape');

  await app.webhooks.form.getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete webhook' }).click();
  await expect(toasts.last()).toHaveText(/Webhook “Demo - Entitlement Added” deleted/);
  await toasts.last().getByRole('button', { name: 'Close' }).click();
  await expect(toasts).toHaveCount(0);
});

import { expect, type Page } from '@playwright/test';
import type { AppShell } from './pages/app-shell.ts';

export const DEMO_WEBHOOK = 'Demo - Entitlement Added';

/**
 * A new workspace's first run: its demo webhook, one event fired, the delivery and its attempt,
 * the capture in the built-in receiver. Played over either transport (HTTP in serve mode, the
 * preload's IPC API in the desktop app); `screenshot` is called at each step worth a picture.
 */
export async function deliverFirstEvent(app: AppShell, page: Page, screenshot: (name: string) => Promise<void> = async () => {}): Promise<void> {
  await expect(app.webhooks.rows).toHaveCount(1);
  await expect(app.webhooks.row(DEMO_WEBHOOK)).toBeVisible();
  await expect(app.webhooks.field('name')).toHaveValue(DEMO_WEBHOOK);
  await screenshot('webhooks');

  await app.goTo('fire');
  await expect(app.fire.receivers).toContainText(DEMO_WEBHOOK);
  await app.fire.fire();
  const delivery = app.fire.latestDeliveries();
  await expect(delivery).toHaveCount(1);
  await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
  await screenshot('fire');

  await delivery.click();
  await expect(page.getByTestId('page-deliveries')).toBeVisible();
  await expect(app.deliveries.detailStatus()).toHaveAttribute('data-status', 'succeeded');
  await expect(app.deliveries.attempts).toHaveCount(1);
  const attempt = app.deliveries.attempts.first();
  await expect(attempt.getByTestId('attempt-outcome')).toHaveText('HTTP 200');
  await app.deliveries.showRequestOf(attempt);
  // The request body renders in Monaco, bundled and loaded without any network.
  await expect(attempt.locator('.monaco-editor')).toBeVisible();
  await expect(attempt.locator('.monaco-editor')).toContainText('"eventName"');
  await screenshot('deliveries');

  await app.goTo('receiver');
  await expect(app.receiver.rows).toHaveCount(1);
  await expect(app.receiver.rows.first()).toContainText('/r/demo');
  await app.receiver.rows.first().click();
  await expect(app.receiver.detail.getByTestId('capture-headers')).toContainText('Basic ');
  const body = JSON.parse(await app.receiver.rawBody()) as Record<string, unknown>;
  expect(body).toMatchObject({ eventName: 'Entitlement Added', entityName: 'Entitlement', webhookName: DEMO_WEBHOOK });
  expect(typeof body.currentState).toBe('string');
  await screenshot('receiver');
}

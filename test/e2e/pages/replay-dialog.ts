import { expect, type Locator, type Page } from '@playwright/test';
import { chooseSegment } from './segmented-radio.ts';

/** The Replay… dialog of a capture or an attempt. */
export class ReplayDialog {
  readonly page: Page;
  readonly root: Locator;
  readonly sent: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('replay-dialog');
    this.sent = this.root.getByTestId('replay-sent');
  }

  /** Opens the dialog from the Replay… button inside `scope` (a capture's detail, an attempt). */
  async openFrom(scope: Locator): Promise<void> {
    await scope.getByTestId('replay-open').click();
    await expect(this.root).toBeVisible();
  }

  async chooseMode(mode: 'Exact' | 'Re-signed'): Promise<void> {
    await chooseSegment(this.root.getByTestId('replay-mode'), mode);
  }

  async chooseWebhook(webhookId: string): Promise<void> {
    await this.root.getByRole('combobox', { name: 'Webhook' }).selectOption(webhookId);
  }

  /** Replaces the body as a paste into Monaco would. */
  async replaceBody(json: string): Promise<void> {
    const editor = this.root.getByTestId('json-editor').locator('.monaco-editor');
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(json);
  }

  async send(): Promise<void> {
    await this.root.getByRole('button', { name: /Send/ }).click();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { chooseSegment } from './segmented-radio.ts';

/** The Webhooks page's "Export to production…" dialog: warnings, files, secrets on or off. */
export class ProductionExportDialog {
  readonly page: Page;
  readonly root: Locator;
  readonly warnings: Locator;
  readonly secretsWarning: Locator;
  readonly files: Locator;
  readonly shownFile: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('production-export-dialog');
    this.warnings = this.root.getByTestId('export-warnings');
    this.secretsWarning = this.root.getByTestId('export-secrets-warning');
    this.files = this.root.getByTestId('export-file-list').getByRole('button');
    this.shownFile = this.root.getByTestId('export-file');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('export-production-open').click();
    await expect(this.root).toBeVisible();
  }

  async show(fileName: string | RegExp): Promise<void> {
    await this.files.filter({ hasText: fileName }).click();
    await expect(this.shownFile.locator('.export-file-header')).toContainText(fileName);
  }

  /** "All webhooks (n)" or "Only “<the webhook open on the page>”". */
  async chooseScope(option: string | RegExp): Promise<void> {
    await chooseSegment(this.root.getByRole('radiogroup', { name: 'Webhooks to export' }), option);
  }

  /** Clicks the switch's label, as a user does (the checkbox itself is visually hidden). */
  async includeSecrets(): Promise<void> {
    await this.root.locator('label.switch', { hasText: 'Include secrets' }).click();
    await expect(this.root.getByRole('switch', { name: 'Include secrets' })).toBeChecked();
  }

  /** The shown file exactly as exported: a script's text, or a JSON file in its Raw view. */
  shownText(): Locator {
    return this.shownFile.getByTestId('export-file-body-raw');
  }
}

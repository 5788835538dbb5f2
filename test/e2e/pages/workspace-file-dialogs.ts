import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseSegment } from './segmented-radio.ts';

/** The sidebar's "Export workspace…" and "Import workspace…" and the dialogs they open. */
export class WorkspaceFileDialogs {
  readonly page: Page;
  readonly exportDialog: Locator;
  readonly importDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.exportDialog = page.getByTestId('workspace-export-dialog');
    this.importDialog = page.getByTestId('workspace-import-dialog');
  }

  async openExport(): Promise<void> {
    await this.page.getByTestId('workspace-export').click();
    await expect(this.exportDialog.getByTestId('workspace-export-counts')).toBeVisible();
  }

  /** One section's count in a counts table, by the section's label ("Webhooks"). */
  count(table: Locator, section: string, column = 1): Locator {
    return table
      .getByRole('row', { name: new RegExp(`^${section}`) })
      .getByRole('cell')
      .nth(column - 1);
  }

  /** Presses Download and reads what the browser saved. */
  async download(): Promise<{ fileName: string; text: string }> {
    const saved = this.page.waitForEvent('download');
    await this.exportDialog.getByRole('button', { name: /^Download/ }).click();
    const download = await saved;
    return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  async closeExport(): Promise<void> {
    await this.exportDialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(this.exportDialog).toBeHidden();
  }

  /** Opens the import dialog, picks the file and asks for the preview. */
  async preview(file: { name: string; text: string }): Promise<void> {
    await this.page.getByTestId('workspace-import').click();
    await this.importDialog.getByLabel('File').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await expect(this.importDialog.getByLabel('Or paste')).toHaveValue(file.text);
    await this.importDialog.getByRole('button', { name: 'Preview', exact: true }).click();
  }

  get previewPane(): Locator {
    return this.importDialog.getByTestId('workspace-preview');
  }

  get problems(): Locator {
    return this.importDialog.getByTestId('workspace-import-problems');
  }

  get summary(): Locator {
    return this.importDialog.getByTestId('workspace-summary');
  }

  async chooseOnClash(choice: 'Skip' | 'Rename' | 'Replace'): Promise<void> {
    await chooseSegment(this.importDialog.getByRole('radiogroup', { name: 'For each of these' }), choice);
  }

  async importPreviewed(): Promise<void> {
    await this.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(this.summary).toBeVisible();
  }

  async cancelImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.importDialog).toBeHidden();
  }

  async finishImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.importDialog).toBeHidden();
  }
}

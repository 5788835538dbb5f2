import { expect, type Locator, type Page } from '@playwright/test';
import { chooseSegment } from './segmented-radio.ts';

export class ReceiverPage {
  readonly page: Page;
  readonly rows: Locator;
  readonly detail: Locator;

  constructor(page: Page) {
    this.page = page;
    this.rows = page.getByTestId('capture-list-row');
    this.detail = page.getByTestId('capture-detail');
  }

  /** Shows only the bin's captures; '' shows every bin's. */
  async showBin(bin: string): Promise<void> {
    await this.page.getByTestId('bin-filter').selectOption(bin);
  }

  /** Shows the bin's captures and opens its Replies dialog; returns the dialog. */
  async openBinScript(bin: string): Promise<Locator> {
    await this.showBin(bin);
    await this.page.getByTestId('bin-script-open').click();
    return this.page.getByTestId('bin-script-dialog');
  }

  /** Searches path, plain headers and bodies in the engine ('' shows all); the list answers after a short pause. */
  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search captures' }).fill(text);
  }

  /** Sets what the bin checks on each request: its expected Authorization and N-Signature key. */
  async expect(
    bin: string,
    expectations: { auth?: 'Basic' | 'Bearer' | 'Issued token'; username?: string; password?: string; nSignatureKey?: string },
  ): Promise<void> {
    const dialog = await this.openBinScript(bin);
    if (expectations.auth) {
      await chooseSegment(dialog.getByTestId('bin-expected-auth'), expectations.auth);
    }
    if (expectations.username !== undefined) await dialog.locator('#bin-script-authUsername').fill(expectations.username);
    if (expectations.password !== undefined) await dialog.locator('#bin-script-authPassword').fill(expectations.password);
    if (expectations.nSignatureKey !== undefined) await dialog.locator('#bin-script-nSignatureKey').fill(expectations.nSignatureKey);
    await dialog.getByRole('button', { name: 'Save script' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens Import…, picks the file (as the file picker would) into the bin and imports it; returns the dialog. */
  async importFile(file: { name: string; text: string }, bin: string): Promise<Locator> {
    await this.page.getByTestId('import-captures-open').click();
    const dialog = this.page.getByTestId('import-captures-dialog');
    await dialog.getByLabel('File').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await expect(dialog.getByLabel('Or paste')).toHaveValue(file.text);
    await dialog.getByLabel('Bin').fill(bin);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    return dialog;
  }

  /** The captured body exactly as received (the Raw view, not Monaco's rendering). */
  async rawBody(): Promise<string> {
    await this.detail.getByRole('button', { name: 'Raw' }).click();
    return this.detail.getByTestId('capture-body-raw').innerText();
  }
}

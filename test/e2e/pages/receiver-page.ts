import type { Locator, Page } from '@playwright/test';

export class ReceiverPage {
  readonly page: Page;
  readonly rows: Locator;
  readonly detail: Locator;

  constructor(page: Page) {
    this.page = page;
    this.rows = page.getByTestId('capture-list-row');
    this.detail = page.getByTestId('capture-detail');
  }

  /** Shows the bin's captures and opens its Replies dialog; returns the dialog. */
  async openBinScript(bin: string): Promise<Locator> {
    await this.page.getByTestId('bin-filter').selectOption(bin);
    await this.page.getByTestId('bin-script-open').click();
    return this.page.getByTestId('bin-script-dialog');
  }

  /** The captured body exactly as received (the Raw view, not Monaco's rendering). */
  async rawBody(): Promise<string> {
    await this.detail.getByRole('button', { name: 'Raw' }).click();
    return this.detail.getByTestId('capture-body-raw').innerText();
  }
}

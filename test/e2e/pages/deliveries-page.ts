import type { Locator, Page } from '@playwright/test';

export class DeliveriesPage {
  readonly page: Page;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly attempts: Locator;

  constructor(page: Page) {
    this.page = page;
    this.rows = page.getByTestId('delivery-list-row');
    this.detail = page.getByTestId('delivery-detail');
    this.attempts = this.detail.getByTestId('attempt');
  }

  detailStatus(): Locator {
    return this.detail.getByTestId('delivery-status').first();
  }

  async showRequestOf(attempt: Locator): Promise<void> {
    await attempt.getByRole('tab', { name: 'Request' }).click();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

export type DeliveryFilterField = 'webhookId' | 'eventId' | 'statuses' | 'from' | 'to';

/** The inspector: filters, the virtual list with bulk actions, and one delivery's detail and timeline. */
export class DeliveriesPage {
  readonly page: Page;
  readonly list: Locator;
  readonly rows: Locator;
  readonly total: Locator;
  readonly position: Locator;
  readonly selectAllMatching: Locator;
  readonly bulkBar: Locator;
  readonly bulkResult: Locator;
  readonly bulkProgress: Locator;
  readonly detail: Locator;
  readonly attempts: Locator;
  readonly rounds: Locator;
  readonly pendingAttempt: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('delivery-list');
    this.rows = page.getByTestId('delivery-list-row');
    this.total = page.getByTestId('delivery-total');
    this.position = page.getByTestId('delivery-position');
    this.selectAllMatching = page.getByTestId('select-all-matching');
    this.bulkBar = page.getByTestId('bulk-bar');
    this.bulkResult = page.getByTestId('bulk-result');
    this.bulkProgress = page.getByTestId('bulk-progress');
    this.detail = page.getByTestId('delivery-detail');
    this.attempts = this.detail.getByTestId('attempt');
    this.rounds = this.detail.getByTestId('attempt-round');
    this.pendingAttempt = this.detail.getByTestId('attempt-pending');
  }

  detailStatus(): Locator {
    return this.detail.getByTestId('delivery-status').first();
  }

  async showRequestOf(attempt: Locator): Promise<void> {
    await attempt.getByRole('tab', { name: 'Request' }).click();
  }

  filter(field: DeliveryFilterField): Locator {
    return this.page.locator(`#delivery-filter-${field}`);
  }

  filterError(field: DeliveryFilterField): Locator {
    return this.page.getByTestId(`delivery-filter-${field}-error`);
  }

  /** Turns one status chip on or off ("Failed", "Marked successful", …). */
  async toggleStatus(label: string): Promise<void> {
    await this.page.getByTestId('status-chips').getByRole('button', { name: label, exact: true }).click();
  }

  /** Detail actions: "Retry", "Mark successful", "Re-deliver". */
  action(name: 'Retry' | 'Mark successful' | 'Re-deliver'): Locator {
    return this.detail.getByTestId('delivery-actions').getByRole('button', { name, exact: true });
  }

  bulkAction(name: 'Retry failed' | 'Mark successful'): Locator {
    return this.bulkBar.getByRole('button', { name, exact: true });
  }

  /** The tick box of a row, for bulk actions; `range` shift-clicks it. */
  async tick(row: Locator, range = false): Promise<void> {
    await row.getByTestId('delivery-check').click({ modifiers: range ? ['Shift'] : [] });
  }

  async expectTotal(count: number): Promise<void> {
    await expect(this.total).toHaveText(count.toLocaleString('en-US'));
  }
}

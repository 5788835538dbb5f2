import { expect, type Locator, type Page } from '@playwright/test';
import type { VendorId } from '../../../src-shared/domain/vendor.ts';

/** The Check endpoint page: the form, the history, a run's cases and the comparison of two runs. */
export class CheckPage {
  readonly page: Page;
  readonly run: Locator;
  readonly verdict: Locator;
  readonly historyRows: Locator;
  readonly diffRows: Locator;

  constructor(page: Page) {
    this.page = page;
    this.run = page.getByTestId('check-run');
    this.verdict = page.getByTestId('check-run-verdict');
    this.historyRows = page.getByTestId('check-run-list-row');
    this.diffRows = page.getByTestId('check-diff-row');
  }

  /** Fills the form and runs the check; resolves when the run is shown. */
  async check(url: string, vendor: VendorId, webhook: string): Promise<void> {
    await this.page.getByTestId('check-url').fill(url);
    await this.page.getByTestId('check-vendor').selectOption(vendor);
    await this.page.getByTestId('check-webhook').selectOption(webhook);
    await this.page.getByTestId('check-start').click();
    await expect(this.run).toBeVisible({ timeout: 30_000 });
    await expect(this.run.getByRole('heading', { name: url })).toBeVisible();
  }

  caseCard(caseId: string): Locator {
    return this.page.locator(`[data-testid="check-case"][data-case-id="${caseId}"]`);
  }

  async compareWith(label: RegExp): Promise<void> {
    const select = this.page.getByTestId('check-compare');
    const option = select.locator('option').filter({ hasText: label });
    await select.selectOption({ label: (await option.first().textContent()) ?? '' });
  }
}

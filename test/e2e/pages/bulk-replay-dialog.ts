import { expect, type Locator, type Page } from '@playwright/test';

/** The Receiver page's "Replay all…" dialog: the captures of the bin shown, to one target, at a rate. */
export class BulkReplayDialog {
  readonly page: Page;
  readonly root: Locator;
  readonly count: Locator;
  readonly progress: Locator;
  readonly summary: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('bulk-replay-dialog');
    this.count = this.root.getByTestId('bulk-replay-count');
    this.progress = this.root.getByTestId('bulk-replay-progress');
    this.summary = this.root.getByTestId('bulk-replay-summary');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('bulk-replay-open').click();
    await expect(this.root).toBeVisible();
  }

  async sendTo(url: string): Promise<void> {
    await this.root.getByRole('textbox', { name: 'URL' }).fill(url);
  }

  /** Types the rate and presses Enter in it, as a keyboard user submits. */
  async replayAtRate(perSecond: number): Promise<void> {
    const rate = this.root.getByRole('spinbutton', { name: 'Rate limit' });
    await rate.fill(String(perSecond));
    await rate.press('Enter');
  }

  /** The summary's figure for `Sent`, `Delivered`, `Failed` or `Stopped before` (not sent). */
  tally(name: 'sent' | 'delivered' | 'failed' | 'notSent'): Locator {
    return this.summary.getByTestId(`bulk-replay-${name === 'notSent' ? 'not-sent' : name}`);
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import type { VendorId } from '../../../src-shared/domain/vendor.ts';
import { CatalogPicker } from './catalog-picker.ts';

/** The page's clipboard, typed here: the test project's TypeScript has no DOM library. */
interface BrowserClipboard {
  navigator: { clipboard: { writeText(text: string): Promise<void> } };
}

export class FirePage {
  readonly page: Page;
  readonly form: Locator;
  readonly receivers: Locator;
  readonly firedEvents: Locator;
  readonly events: CatalogPicker;
  /** Where the editable current state came from: generated (with its seed), edited, or handed over. */
  readonly stateOrigin: Locator;
  readonly stateEditor: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.getByTestId('fire-form');
    this.receivers = page.getByTestId('fire-receivers');
    this.firedEvents = page.getByTestId('fired-event');
    this.events = new CatalogPicker(this.form.getByRole('combobox', { name: 'Event' }));
    this.stateOrigin = page.getByTestId('fire-state-origin');
    this.stateEditor = this.form.getByTestId('json-editor').locator('.monaco-editor');
  }

  /** Monaco renders only the lines on screen: the editor is scrolled into view before its text is read. */
  async expectState(text: string): Promise<void> {
    await this.stateEditor.scrollIntoViewIfNeeded();
    await expect(this.stateEditor).toContainText(text);
  }

  /**
   * Replaces the current state through the clipboard, as a person pastes: Monaco takes a paste
   * as it is, where typed text (even inserted at once) gets its braces auto-closed and indented.
   */
  async pasteState(json: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((text) => (globalThis as unknown as BrowserClipboard).navigator.clipboard.writeText(text), json);
    await this.stateEditor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  /** Another vendor shows its own catalog, with its first event picked. */
  async chooseVendor(vendor: VendorId): Promise<void> {
    await this.page.getByTestId('fire-vendor').selectOption(vendor);
  }

  async choose(event: string, activity?: string): Promise<void> {
    await this.events.choose(event);
    if (activity) await this.form.getByRole('combobox', { name: 'Activity' }).selectOption(activity);
  }

  async fire(): Promise<void> {
    const before = await this.firedEvents.count();
    await this.page.getByTestId('fire-submit').click();
    await expect(this.firedEvents).toHaveCount(before + 1);
  }

  /** The deliveries of the newest fired event, as buttons that open them. */
  latestDeliveries(): Locator {
    return this.firedEvents.first().getByTestId('fired-delivery');
  }
}

import { expect, type Locator } from '@playwright/test';

/** The event picker: a search box over a listbox of the vendor's events, grouped by entity. */
export class CatalogPicker {
  readonly search: Locator;
  readonly list: Locator;
  readonly options: Locator;

  /** `search` is the picker's combobox (its search box). */
  constructor(search: Locator) {
    this.search = search;
    this.list = search.locator('xpath=following-sibling::*[@role="listbox"]');
    this.options = this.list.getByRole('option');
  }

  option(event: string): Locator {
    return this.options.filter({ has: this.list.page().getByText(event, { exact: true }) });
  }

  /** The entity groups shown, by name. */
  entities(): Locator {
    return this.list.getByRole('group');
  }

  /** Narrows the list to `event` and clicks it. */
  async choose(event: string): Promise<void> {
    await this.search.fill(event);
    await this.option(event).click();
    await expect(this.option(event)).toHaveAttribute('aria-selected', 'true');
  }
}

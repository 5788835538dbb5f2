import { expect, type Locator, type Page } from '@playwright/test';
import type { VendorId } from '../../../src-shared/domain/vendor.ts';
import { AuthProfileDialog } from './auth-profile-dialog.ts';
import { CatalogPicker } from './catalog-picker.ts';
import { chooseSegment } from './segmented-radio.ts';

export interface WebhookFields {
  /** Chosen first: another vendor clears the event, activities and auth choice. */
  vendor?: VendorId;
  name: string;
  event?: string;
  /** A URL, or 'receiver' to press "Use built-in receiver". */
  endpoint: string;
  description?: string;
  /** The deadline of each try, as typed: 30s, 2m. */
  timeout?: string;
}

export class WebhooksPage {
  readonly page: Page;
  readonly list: Locator;
  readonly rows: Locator;
  readonly form: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('webhook-list');
    this.rows = page.getByTestId('webhook-list-row');
    this.form = page.getByTestId('webhook-form');
  }

  field(name: 'vendor' | 'name' | 'description' | 'endpointUrl' | 'event' | 'authProfileId' | 'timeoutMs'): Locator {
    return this.page.locator(`#webhook-${name}`);
  }

  /** The retry policy's kind: "Vendor default (…)", "Custom intervals" or "Exponential backoff". */
  async chooseRetryPolicy(kind: RegExp | string): Promise<void> {
    await chooseSegment(this.form.getByTestId('retry-policy'), kind);
  }

  async chooseSigning(scheme: 'None' | 'Standard Webhooks'): Promise<void> {
    await chooseSegment(this.form.getByTestId('signing-section'), scheme);
  }

  retryField(name: 'retryIntervals' | 'retryBase' | 'retryFactor' | 'retryCap' | 'retryJitter' | 'retryCount'): Locator {
    return this.page.locator(`#webhook-${name}`);
  }

  retryPreview(): Locator {
    return this.form.getByTestId('retry-preview');
  }

  fieldError(
    name: 'name' | 'description' | 'endpointUrl' | 'event' | 'activities' | 'timeoutMs' | 'retryIntervals' | 'retryBase' | 'retryFactor' | 'retryCap',
  ): Locator {
    return this.page.getByTestId(`webhook-${name}-error`);
  }

  async startNew(): Promise<void> {
    await this.page.getByTestId('new-webhook').click();
    await expect(this.form.getByRole('heading', { name: 'New webhook' })).toBeVisible();
  }

  async fill(fields: WebhookFields): Promise<void> {
    if (fields.vendor) await this.field('vendor').selectOption(fields.vendor);
    await this.field('name').fill(fields.name);
    if (fields.event) await new CatalogPicker(this.field('event')).choose(fields.event);
    if (fields.description) await this.field('description').fill(fields.description);
    if (fields.endpoint === 'receiver') {
      await this.form.getByRole('button', { name: 'Use built-in receiver' }).click();
    } else {
      await this.field('endpointUrl').fill(fields.endpoint);
    }
    if (fields.timeout) await this.field('timeoutMs').fill(fields.timeout);
  }

  /** Opens "New profile…" beside the auth profile picker; the profile made is picked. */
  async newAuthProfile(): Promise<AuthProfileDialog> {
    await this.form.getByRole('button', { name: 'New profile…' }).click();
    return new AuthProfileDialog(this.page);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('webhook-save').click();
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }
}

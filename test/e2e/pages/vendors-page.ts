import { expect, type Locator, type Page } from '@playwright/test';
import type { VendorId } from '../../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../../src-shared/vendors/catalogs.ts';
import { AuthProfileDialog } from './auth-profile-dialog.ts';

/** The Vendors page: each vendor's profile and account (shared credentials, settings, signing key). */
export class VendorsPage {
  readonly page: Page;
  readonly list: Locator;
  readonly detail: Locator;
  readonly sharedCredentials: Locator;
  readonly signingKey: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('vendor-list');
    this.detail = page.getByTestId('vendor-detail');
    this.sharedCredentials = page.locator('#vendor-shared-auth');
    this.signingKey = page.getByTestId('signing-key');
  }

  async show(vendor: VendorId): Promise<void> {
    await this.list.getByRole('option', { name: new RegExp(vendorCatalogs[vendor].label.replace(/[()]/g, '\\$&')) }).click();
    await expect(this.detail.getByRole('heading', { level: 2 })).toHaveText(vendorCatalogs[vendor].label);
  }

  /** Fills the account's text settings (FlexNet tenant, user id) and saves them. */
  async saveSettings(values: Record<string, string>): Promise<void> {
    const form = this.page.getByTestId('account-settings');
    for (const [key, value] of Object.entries(values)) await form.locator(`#vendor-setting-${key}`).fill(value);
    await form.getByRole('button', { name: /Save settings/ }).click();
    await expect(form.getByRole('status')).toContainText('Saved');
  }

  /** Opens "New profile…" beside the shared credentials; the profile made becomes the account's. */
  async newSharedProfile(): Promise<AuthProfileDialog> {
    await this.detail.getByRole('button', { name: 'New profile…' }).click();
    return new AuthProfileDialog(this.page);
  }

  modulus(): Locator {
    return this.signingKey.locator('code.key-modulus');
  }

  /** Zentitle2, FlexNet and Sentinel EMS: Profile, Management API or API calls; the tab chosen stays when another vendor is shown. */
  async showTab(name: 'Profile' | 'Management API' | 'API calls'): Promise<void> {
    const tab = this.detail.getByRole('tab', { name: new RegExp(`^${name}`) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** The vendor APIs' one switch, on the Management API tab. */
  apiSwitch(): Locator {
    return this.detail.getByRole('switch', { name: 'Serve the vendor management APIs' });
  }

  apiBaseUrl(): Locator {
    return this.detail.getByTestId('vendor-api-base-url');
  }

  callRows(): Locator {
    return this.detail.getByTestId('vendor-api-call-list-row');
  }

  callDetail(): Locator {
    return this.detail.getByTestId('vendor-api-call-detail');
  }
}

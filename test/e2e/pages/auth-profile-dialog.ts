import { expect, type Locator, type Page } from '@playwright/test';
import { chooseSegment } from './segmented-radio.ts';

export type AuthKindLabel = 'None' | 'Basic' | 'Bearer' | 'OAuth 2.0';

/** The "New auth profile" dialog, or the one that edits a profile, wherever it was opened from. */
export class AuthProfileDialog {
  readonly dialog: Locator;

  constructor(page: Page, mode: 'new' | 'edit' = 'new') {
    this.dialog = page.getByTestId(mode === 'new' ? 'auth-profile-dialog' : 'auth-profile-edit-dialog');
  }

  field(name: 'name' | 'username' | 'password' | 'token' | 'tokenUrl' | 'clientId' | 'clientSecret' | 'scope' | 'audience'): Locator {
    return this.dialog.locator(`#auth-profile-${name}`);
  }

  async chooseKind(kind: AuthKindLabel): Promise<void> {
    await chooseSegment(this.dialog.getByRole('radiogroup', { name: 'Kind' }), kind);
  }

  async createBasic(name: string, username: string, password: string): Promise<void> {
    await this.chooseKind('Basic');
    await this.field('name').fill(name);
    await this.field('username').fill(username);
    await this.field('password').fill(password);
    await this.create();
  }

  /** An OAuth 2.0 profile whose client is registered with the receiver's own token endpoint. */
  async createWithBuiltInTokenEndpoint(name: string): Promise<void> {
    await this.chooseKind('OAuth 2.0');
    await this.field('name').fill(name);
    await this.dialog.getByRole('button', { name: 'Use Hooklab’s built-in token endpoint' }).click();
    await expect(this.field('tokenUrl')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/.*token/);
    await expect(this.field('clientId')).not.toHaveValue('');
    await this.create();
  }

  async create(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Create profile' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

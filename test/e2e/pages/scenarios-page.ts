import { expect, type Locator, type Page } from '@playwright/test';
import type { VendorId } from '../../../src-shared/domain/vendor.ts';
import { CatalogPicker } from './catalog-picker.ts';

/** The Scenarios page: the list, the player and timeline of the chosen scenario, and the editor. */
export class ScenariosPage {
  readonly page: Page;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly editor: Locator;
  readonly timelineRows: Locator;
  readonly progress: Locator;
  readonly runState: Locator;

  constructor(page: Page) {
    this.page = page;
    this.rows = page.getByTestId('scenario-list-row');
    this.detail = page.getByTestId('scenario-detail');
    this.editor = page.getByTestId('scenario-editor');
    this.timelineRows = page.getByTestId('timeline-row');
    this.progress = page.getByTestId('player-progress');
    this.runState = page.getByTestId('player-state');
  }

  async choose(name: string): Promise<void> {
    await this.rows.filter({ hasText: name }).click();
    await expect(this.detail.getByRole('heading', { name })).toBeVisible();
  }

  async setSpeed(speed: number): Promise<void> {
    await this.page.getByTestId('player-speed').selectOption(String(speed));
  }

  /** Demo pace: every wait at most `seconds` of real time; null plays the delays in full. */
  async setDemoPace(seconds: number | null): Promise<void> {
    await this.page.getByTestId('player-demo-pace').selectOption(seconds === null ? '' : String(seconds * 1000));
  }

  /** Creates the webhooks the chosen scenario needs; resolves with what the page says it did. */
  async createWebhooks(): Promise<Locator> {
    await this.detail.getByTestId('scenario-create-webhooks').click();
    const outcome = this.detail.getByTestId('scenario-webhooks-outcome');
    await expect(outcome).toBeVisible();
    return outcome;
  }

  play(): Promise<void> {
    return this.page.getByTestId('player-play').click();
  }

  step(): Promise<void> {
    return this.page.getByTestId('player-step').click();
  }

  row(number: number): Locator {
    return this.timelineRows.nth(number - 1);
  }

  async startNew(name: string): Promise<void> {
    await this.page.getByTestId('new-scenario').click();
    await this.editor.locator('#scenario-name').fill(name);
  }

  stepEditors(): Locator {
    return this.editor.getByTestId('step-editor');
  }

  async addStep(vendor: VendorId, event: string): Promise<void> {
    await this.editor.locator('#add-step-vendor').selectOption(vendor);
    await new CatalogPicker(this.editor.locator('#add-step-event')).choose(event);
    await this.editor.getByTestId('add-step-button').click();
  }

  async removeStep(number: number): Promise<void> {
    await this.editor.getByRole('button', { name: `Remove step ${number}` }).click();
  }

  delay(number: number): Locator {
    return this.editor.locator(`#scenario-step-${number - 1}-delayMs`);
  }

  fieldError(control: string): Locator {
    return this.editor.getByTestId(`${control}-error`);
  }

  save(): Promise<void> {
    return this.editor.getByTestId('scenario-save').click();
  }
}

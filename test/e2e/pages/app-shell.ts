import { expect, type Locator, type Page } from '@playwright/test';
import { CheckPage } from './check-page.ts';
import { ConditionsPage } from './conditions-page.ts';
import { DeliveriesPage } from './deliveries-page.ts';
import { FirePage } from './fire-page.ts';
import { ReceiverPage } from './receiver-page.ts';
import { ScenariosPage } from './scenarios-page.ts';
import { VendorsPage } from './vendors-page.ts';
import { WebhooksPage } from './webhooks-page.ts';

/** The frame around every page: navigation and the facts in the top bar. */
export class AppShell {
  readonly page: Page;
  readonly webhooks: WebhooksPage;
  readonly fire: FirePage;
  readonly deliveries: DeliveriesPage;
  readonly receiver: ReceiverPage;
  readonly conditions: ConditionsPage;
  readonly vendors: VendorsPage;
  readonly scenarios: ScenariosPage;
  readonly check: CheckPage;
  readonly receiverUrl: Locator;

  constructor(page: Page) {
    this.page = page;
    this.webhooks = new WebhooksPage(page);
    this.fire = new FirePage(page);
    this.deliveries = new DeliveriesPage(page);
    this.receiver = new ReceiverPage(page);
    this.conditions = new ConditionsPage(page);
    this.vendors = new VendorsPage(page);
    this.scenarios = new ScenariosPage(page);
    this.check = new CheckPage(page);
    this.receiverUrl = page.getByTestId('receiver-url');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.receiverUrl).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);
  }

  async goTo(view: 'webhooks' | 'vendors' | 'fire' | 'deliveries' | 'receiver' | 'scenarios' | 'check' | 'conditions'): Promise<void> {
    await this.page.getByTestId(`nav-${view}`).click();
    await expect(this.page.getByTestId(`page-${view}`)).toBeVisible();
  }
}

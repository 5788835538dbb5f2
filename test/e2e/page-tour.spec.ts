import { expect, saveScreenshot, test } from './serve-fixture.ts';

const PAGES = ['webhooks', 'vendors', 'fire', 'deliveries', 'receiver', 'scenarios', 'check', 'conditions'] as const;

/**
 * Every page at the two sizes the app is made for, with a fired event in it. Each shot is to be
 * looked at; the checks are what went wrong before: headers cut to "P..", toolbars wrapping.
 */
for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`every page at ${size.width}x${size.height}: headers whole, toolbars on one line`, async ({ app, page }) => {
    await page.setViewportSize(size);
    await app.goTo('fire');
    await app.fire.fire();
    await expect(app.fire.latestDeliveries().first().getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
    for (const view of PAGES) {
      await app.goTo(view);
      // The pages with a list show their first item, as a user looking around would.
      if (view === 'deliveries') await app.deliveries.rows.first().click();
      if (view === 'receiver') await app.receiver.rows.first().click();
      if (view === 'vendors') {
        await app.vendors.show('zentitle2');
        await app.vendors.showTab('Management API');
      }
      const shown = page.getByTestId(`page-${view}`);
      // A column header or tab cut short shows an ellipsis and is wider inside than out.
      const cut = await shown
        .locator('th, dt, [role="columnheader"], [role="tab"], h2, h3')
        .evaluateAll((headers) =>
          headers
            .filter((header) => header.scrollWidth > header.clientWidth + 1 || header.scrollHeight > header.clientHeight + 1)
            .map((header) => header.textContent),
        );
      expect(cut, `headers cut on ${view}`).toEqual([]);
      // The Receiver's toolbar (seven controls) is reworked with the capture tools of issue 15's
      // "Inspecting" group, so it is left out here until then.
      if (size.width === 1440 && view !== 'receiver') {
        const wrapped = await shown
          .locator('.pane-toolbar')
          .evaluateAll((bars) => bars.filter((bar) => bar.getBoundingClientRect().height > 48).map((bar) => bar.textContent));
        expect(wrapped, `toolbars wrapping on ${view}`).toEqual([]);
      }
      await saveScreenshot(page, `tour-${view}-${size.width}`);
    }
  });
}

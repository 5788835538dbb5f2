import { vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import { expect, saveScreenshot, test } from './serve-fixture.ts';

const catalog = vendorCatalogs['sentinel-ems'];
const eventCount = catalog.entities.reduce((sum, entity) => sum + entity.events.length, 0);

test('the Fire page lists the catalog by entity; search narrows it; an event picked by keyboard fires and is delivered', async ({ app, page }) => {
  await app.goTo('fire');
  const picker = app.fire.events;
  await expect(picker.entities()).toHaveCount(catalog.entities.length);
  await expect(picker.options).toHaveCount(eventCount);
  await expect(picker.entities().first()).toHaveAccessibleName(catalog.entities[0].name);
  await expect(picker.option('Entitlement Added')).toHaveAttribute('aria-selected', 'true');

  await picker.search.fill('updated');
  await expect(picker.option('Entitlement Updated')).toBeVisible();
  await expect(picker.option('Entitlement Added')).toHaveCount(0);
  expect(await picker.options.count()).toBeLessThan(eventCount);
  await picker.search.press('Escape');
  await expect(picker.search).toHaveValue('');
  await expect(picker.options).toHaveCount(eventCount);
  // Up from the first event wraps to the last, which the list scrolls into view.
  await picker.search.press('ArrowUp');
  const last = picker.options.last();
  await expect(picker.search).toHaveAttribute('aria-activedescendant', (await last.getAttribute('id'))!);
  await expect(last).toBeInViewport();

  // An activity finds the event that it raises.
  await picker.search.fill('add draft');
  const wanted = picker.option('Entitlement Added');
  await expect(wanted).toContainText('activity: Add Draft Entitlement');
  await saveScreenshot(page, 'fire-catalog-search');
  const shown = await picker.options.evaluateAll((options) => options.map((option) => option.id));
  const target = await wanted.getAttribute('id');
  for (let step = 0; step < shown.indexOf(target!); step += 1) await picker.search.press('ArrowDown');
  await expect(picker.search).toHaveAttribute('aria-activedescendant', target!);
  await picker.search.press('Enter');

  await expect(picker.search).toHaveValue('');
  await expect(picker.option('Entitlement Added')).toHaveAttribute('aria-selected', 'true');
  await expect(app.fire.form.getByRole('combobox', { name: 'Activity' })).toHaveValue('Add Draft Entitlement');
  await expect(app.fire.receivers).toContainText('Demo - Entitlement Added');
  // Enter picked the event without firing it.
  await expect(app.fire.firedEvents).toHaveCount(0);

  await picker.search.press('ControlOrMeta+Enter');
  await expect(app.fire.firedEvents).toHaveCount(1);
  const delivery = app.fire.latestDeliveries();
  await expect(delivery).toHaveCount(1);
  await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(app.fire.firedEvents.first()).toContainText('Add Draft Entitlement');
  await saveScreenshot(page, 'fire-catalog');
});

import type { Locator, Page } from '@playwright/test';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
];

/** The same screen at both window sizes the app is checked at, each in its own file, `focus` in view. */
async function screenshotsAtBothSizes(page: Page, name: string, focus?: Locator): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await focus?.scrollIntoViewIfNeeded();
    await saveScreenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]!);
}

test('an edited state that fails a condition fires, and the card lists every webhook: delivered, or skipped and why', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  const hook = (name: string, extra: Record<string, unknown> = {}) =>
    callApi(workspace, 'createWebhook', { name, events: ['Entitlement Added'], endpointUrl: `${receiverUrl}/r/states`, ...extra });
  await hook('Enabled entitlements only', { condition: "entitlement.state == 'ENABLE'" });
  await hook('Draft additions only', { activities: ['Add Draft Entitlement'] });
  await hook('Paused integration', { enabled: false });

  await app.goTo('fire');
  const fire = app.fire;
  await expect(fire.stateOrigin).toContainText('Generated with seed');
  await fire.expectState('"entitlement"');

  // Regenerate with a seed gives that seed's state.
  await fire.form.getByRole('textbox', { name: 'Seed' }).fill('42');
  await fire.form.getByTestId('regenerate-state').click();
  await expect(fire.stateOrigin).toContainText('Generated with seed 42');

  const edited = { entitlement: { eId: 'E-DEMO-1', state: 'DISABLE', customer: { name: 'Sam Smith' }, marketGroup: { name: 'EMEA' } } };
  await fire.pasteState(JSON.stringify(edited, null, 2));
  await expect(fire.stateOrigin).toContainText('Edited');
  await fire.fire();

  const card = fire.firedEvents.first();
  await expect(card.getByTestId('fired-delivery')).toHaveCount(1);
  await expect(card.getByTestId('fired-delivery')).toContainText('Demo - Entitlement Added');
  const skipped = card.getByTestId('fired-skip');
  await expect(skipped).toHaveCount(3);
  const conditionFalse = skipped.filter({ hasText: 'Enabled entitlements only' });
  await expect(conditionFalse).toContainText('skipped: condition false');
  await expect(skipped.filter({ hasText: 'Draft additions only' })).toContainText('skipped: activity filtered');
  await expect(skipped.filter({ hasText: 'Paused integration' })).toContainText('skipped: disabled');

  await conditionFalse.getByText('skipped: condition false').click();
  const trace = conditionFalse.getByTestId('condition-trace');
  await expect(trace).toContainText("entitlement.state == 'ENABLE'");
  await expect(trace).toContainText('found "DISABLE"');
  await expect(trace.locator('[data-result="false"]')).toHaveCount(1);

  // The same reasons are kept with the event, for any later look at it.
  const eventId = await card.getAttribute('data-event-id');
  const later = await callApi(workspace, 'getFiredEvent', { id: eventId! });
  expect(later.skipped.map((skip) => [skip.webhookName, skip.reason])).toEqual([
    ['Enabled entitlements only', 'condition_false'],
    ['Draft additions only', 'activity_filtered'],
    ['Paused integration', 'disabled'],
  ]);
  await screenshotsAtBothSizes(page, 'fire-skipped');

  // Broken JSON is refused before anything is sent.
  await fire.pasteState('{ "entitlement": ');
  await expect(fire.form.getByTestId('fire-state-error')).toContainText('The state is not valid JSON');
  await expect(page.getByTestId('fire-submit')).toBeDisabled();

  // The delivery's detail, opened later from the Deliveries page, lists what its event skipped.
  await fire.latestDeliveries().click();
  const skippedInDetail = page.getByTestId('delivery-skipped').getByTestId('fired-skip');
  await expect(skippedInDetail).toHaveCount(3);
  await expect(skippedInDetail.first()).toContainText('skipped: condition false');
  await skippedInDetail.first().getByText('skipped: condition false').click();
  await expect(skippedInDetail.first().getByTestId('condition-trace')).toContainText('found "DISABLE"');
  await screenshotsAtBothSizes(page, 'delivery-skipped', skippedInDetail.first());
});

test('a misspelled path in the playground suggests the right one, and "Fire this sample" fires the sample', async ({ app, page }) => {
  const conditions = app.conditions;
  await app.goTo('conditions');
  await expect(conditions.sampleOrigin).toContainText('Generated');
  await conditions.pasteSample('{ "entitlement": { "state": "DISABLE", "customer": { "name": "Sam Smith" } } }');
  await conditions.typeCondition("entitlment.state == 'ENABLE'");
  await conditions.expectResult('false');
  await expect(conditions.warnings).toHaveText('entitlment.state is not in the payload: did you mean entitlement.state?');
  await expect(conditions.warnings.locator('code')).toHaveText(['entitlment.state', 'entitlement.state']);
  await expect(page.getByTestId('condition-editor').locator('.squiggly-warning')).toHaveCount(1);
  await screenshotsAtBothSizes(page, 'conditions-did-you-mean');

  await conditions.typeCondition("entitlement.state == 'DISABLE'");
  await conditions.expectResult('true');
  await expect(conditions.warnings).toHaveCount(0);

  await page.getByTestId('fire-sample').click();
  const fire = app.fire;
  await expect(fire.stateOrigin).toContainText('From the Conditions playground');
  await fire.expectState('Sam Smith');
  await fire.fire();
  await expect(fire.firedEvents.first()).toContainText('Entitlement Added');
  await expect(fire.latestDeliveries()).toContainText('Demo - Entitlement Added');
});

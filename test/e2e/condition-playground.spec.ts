import { expect, saveScreenshot, test } from './serve-fixture.ts';

test('a condition typed into Monaco is evaluated live, flips with the sample, and marks errors', async ({ app, page }) => {
  const conditions = app.conditions;
  await app.goTo('conditions');
  await expect(conditions.sampleOrigin).toContainText('Generated');
  await expect(conditions.editor).toBeVisible();

  await conditions.typeCondition("entitlement.state == 'ENABLE' && entitlement.productKeys.productKey[*].state == 'ENABLE'");
  await conditions.expectResult('true');
  await expect(conditions.trace).toContainText("entitlement.state == 'ENABLE'");
  await expect(conditions.trace).toContainText('found "ENABLE"');
  await saveScreenshot(page, 'conditions');

  await conditions.pasteSample('{"entitlement": {"state": "DISABLE", "productKeys": {"productKey": [{"state": "ENABLE"}]}}}');
  await conditions.expectResult('false');
  await expect(conditions.trace.locator('[data-result="false"]').first()).toBeVisible();
  await saveScreenshot(page, 'conditions-false');

  await conditions.pasteSample('{"entitlement": {"state": "ENABLE", "productKeys": {"productKey": [{"state": "CLOSE"}, {"state": "ENABLE"}]}}}');
  await conditions.expectResult('true');
  await saveScreenshot(page, 'conditions-true');

  await conditions.typeCondition("entitlement.state == 'ENABLE' &&");
  await conditions.expectResult('null');
  await expect(conditions.diagnostics).toContainText('line 1, column');
  await expect(page.getByTestId('condition-editor').locator('.squiggly-error')).toHaveCount(1);
  await saveScreenshot(page, 'conditions-error');
});

test('the builder shows an expression as rows and writes the expression back as rows change', async ({ app, page }) => {
  const conditions = app.conditions;
  await app.goTo('conditions');
  await expect(conditions.sampleOrigin).toContainText('Generated');
  await conditions.pasteSample('{"entitlement": {"customer": {"name": "Ann Lee"}, "marketGroup": {"name": "EMEA"}}}');
  await conditions.typeCondition("entitlement.customer.name == 'Sam Smith' || entitlement.marketGroup.name != 'EMEA'");
  await conditions.expectResult('false');

  await page.getByRole('tab', { name: 'Builder' }).click();
  const rows = page.getByTestId('builder-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByLabel('Attribute')).toHaveValue('entitlement.customer.name');
  await expect(rows.nth(1).getByLabel('Comparison')).toHaveValue('!=');

  await rows.nth(1).getByLabel('Value').fill('Nowhere');
  await expect(page.getByTestId('builder-expression')).toHaveText("entitlement.customer.name == 'Sam Smith' || entitlement.marketGroup.name != 'Nowhere'");
  await conditions.expectResult('true');
  await saveScreenshot(page, 'conditions-builder');

  await page.getByRole('tab', { name: 'Expression' }).click();
  await expect(conditions.editor).toContainText("marketGroup.name != 'Nowhere'");

  // Like Sentinel's dialog, the builder knows [*] only; an index stays editable as text, with a note.
  await conditions.typeCondition("entitlement.productKeys.productKey[1].state == 'ENABLE'");
  await conditions.expectResult('false');
  await expect(page.getByTestId('builder-note')).toContainText('[1]');
});

test('a webhook with a trigger condition only receives the events whose state matches it', async ({ app, page }) => {
  await app.webhooks.startNew();
  await app.webhooks.fill({ name: 'Only Sam Smith', endpoint: 'receiver' });
  await app.conditions.typeCondition("entitlement.customer.name == 'Sam Smith'");
  await app.conditions.expectResult('false');
  await app.webhooks.save();
  await expect(app.webhooks.row('Only Sam Smith')).toBeVisible();
  await saveScreenshot(page, 'webhook-condition');

  await app.goTo('fire');
  await expect(app.fire.receivers).toContainText('if its condition holds');
  await app.fire.fire();
  const deliveries = app.fire.latestDeliveries();
  await expect(deliveries.filter({ hasText: 'Demo - Entitlement Added' })).toHaveCount(1);
  await expect(deliveries.filter({ hasText: 'Only Sam Smith' })).toHaveCount(0);
});

test('the condition editor completes attribute paths from the sample payload', async ({ app, page }) => {
  await app.goTo('conditions');
  await expect(app.conditions.sampleOrigin).toContainText('Generated');
  await app.conditions.typeCondition('entitlement.market');
  const suggestions = page.locator('.suggest-widget');
  await expect(suggestions).toBeVisible();
  await expect(suggestions).toContainText('entitlement.marketGroup.id');
  await expect(suggestions).toContainText('entitlement.marketGroup.name');
  await saveScreenshot(page, 'conditions-completion');
  await page.keyboard.type('Group.na');
  await page.keyboard.press('Enter');
  await expect(app.conditions.editor.locator('.view-lines')).toHaveText('entitlement.marketGroup.name');
});

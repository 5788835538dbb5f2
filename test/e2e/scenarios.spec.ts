import { BUILT_IN_SCENARIOS } from '../../src-shared/scenarios/built-in-scenarios.ts';
import { callApi, expect, saveScreenshot, test } from './serve-fixture.ts';

const sentinelStory = BUILT_IN_SCENARIOS['sentinel-entitlement-lifecycle']!;

test('the built-in Sentinel EMS story played at speed shows every step fired and delivered on the timeline', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  for (const step of sentinelStory.steps) {
    await callApi(workspace, 'createWebhook', { name: `On ${step.eventName}`, events: [step.eventName], endpointUrl: `${receiverUrl}/r/story` });
  }
  // A 30-day delay at 3600× engine time and 3600× speed passes in a fifth of a second.
  await page.getByTestId('time-scale').getByRole('button', { name: '3600×' }).click();
  await expect(page.getByTestId('time-scale').getByRole('button', { name: '3600×' })).toHaveAttribute('aria-pressed', 'true');

  await app.goTo('scenarios');
  const scenarios = app.scenarios;
  await expect(scenarios.rows.filter({ hasText: sentinelStory.name })).toContainText('Built-in');
  await scenarios.choose(sentinelStory.name);
  await expect(scenarios.detail.getByTestId('scenario-edit')).toHaveCount(0);
  await expect(scenarios.timelineRows).toHaveCount(sentinelStory.steps.length);
  await expect(scenarios.timelineRows.getByTestId('timeline-state')).toHaveText(sentinelStory.steps.map(() => 'Pending'));
  await saveScreenshot(page, 'scenarios-built-in');

  await scenarios.setSpeed(3600);
  await scenarios.play();
  await expect(scenarios.runState).toHaveAttribute('data-state', 'finished');
  await expect(scenarios.progress).toHaveText(`All ${sentinelStory.steps.length} steps fired`);
  for (const [index, step] of sentinelStory.steps.entries()) {
    const row = scenarios.row(index + 1);
    await expect(row).toHaveAttribute('data-state', 'fired');
    // The demo workspace's own webhook may receive a step too; ours is the one per step event.
    const delivery = row.getByTestId('timeline-delivery').filter({ hasText: `On ${step.eventName}` });
    await expect(delivery).toHaveCount(1);
    await expect(delivery).toContainText(`${receiverUrl}/r/story`);
    await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'succeeded');
  }
  await saveScreenshot(page, 'scenarios-timeline');

  // Each delivery opens in Deliveries, selected.
  await scenarios.row(2).getByTestId('timeline-delivery').filter({ hasText: 'On Activation Added' }).click();
  await expect(page.getByTestId('page-deliveries')).toBeVisible();
  await expect(page.getByTestId('delivery-detail')).toContainText('On Activation Added');
});

test('a scenario made in the editor is checked on save, then stepped through and played to its end', async ({ app, page, workspace }) => {
  const receiverUrl = await app.receiverUrl.innerText();
  await callApi(workspace, 'createWebhook', { name: 'Entitlements', events: ['Entitlement Added'], endpointUrl: `${receiverUrl}/r/steps` });
  await page.getByTestId('time-scale').getByRole('button', { name: '3600×' }).click();
  await expect(page.getByTestId('time-scale').getByRole('button', { name: '3600×' })).toHaveAttribute('aria-pressed', 'true');

  await app.goTo('scenarios');
  const scenarios = app.scenarios;
  await scenarios.startNew('Two-step smoke');
  await scenarios.save();
  await expect(scenarios.editor.getByTestId('scenario-steps-error')).toHaveText('Needs at least one step');

  await scenarios.addStep('sentinel-ems', 'Entitlement Added');
  await scenarios.addStep('sentinel-ems', 'Activation Added');
  await expect(scenarios.stepEditors()).toHaveCount(2);
  await expect(scenarios.editor.getByTestId('scenario-steps-error')).toHaveCount(0);
  await scenarios.delay(2).fill('soon');
  await scenarios.save();
  await expect(scenarios.fieldError('scenario-step-1-delayMs')).toContainText('Delay must be a number and s, m, h or d');
  await expect(scenarios.stepEditors().nth(1)).toHaveClass(/has-error/);
  await saveScreenshot(page, 'scenarios-editor-error');

  await scenarios.delay(2).fill('1h');
  await scenarios.save();
  await expect(scenarios.detail.getByRole('heading', { name: 'Two-step smoke' })).toBeVisible();
  await expect(scenarios.rows.filter({ hasText: 'Two-step smoke' })).not.toContainText('Built-in');
  await expect(scenarios.row(2)).toContainText('after 1h');

  // "." steps when no control has focus; the Step button's title says so.
  await expect(app.page.getByTestId('player-step')).toHaveAttribute('title', /\(\.\)/);
  await scenarios.detail.locator('.scenario-facts').click();
  await page.keyboard.press('.');
  await expect(scenarios.row(1)).toHaveAttribute('data-state', 'fired');
  await expect(scenarios.runState).toHaveAttribute('data-state', 'paused');
  await expect(scenarios.row(2)).toHaveAttribute('data-state', 'pending');
  await expect(scenarios.progress).toHaveText('Step 1 of 2 fired · paused');
  await expect(scenarios.row(1).getByTestId('timeline-delivery').filter({ hasText: 'Entitlements' }).getByTestId('delivery-status')).toHaveAttribute(
    'data-status',
    'succeeded',
  );

  await scenarios.play();
  await expect(scenarios.runState).toHaveAttribute('data-state', 'finished');
  await expect(scenarios.row(2)).toHaveAttribute('data-state', 'fired');
  // No webhook listens for Activation Added: the row says so, and how to change that.
  await expect(scenarios.row(2).getByTestId('timeline-no-match')).toContainText('No webhook matched');
  await saveScreenshot(page, 'scenarios-stepped');
});

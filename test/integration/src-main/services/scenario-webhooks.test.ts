import { describe, expect, it } from 'vitest';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';

describe('creating the webhooks a scenario needs', () => {
  it('on a fresh (demo) workspace: the steps no webhook delivers get one to the built-in receiver, and a demo-pace run delivers every step', async () => {
    const service = await startTestService({ demoWorkspace: true });
    const { api } = service;
    const story = 'builtin:sentinel-entitlement-lifecycle';

    const made = await api.createScenarioWebhooks({ id: story });
    // The demo webhook delivers "Entitlement Added" already.
    expect(made.alreadyCovered).toEqual(['Entitlement Added']);
    expect(made.created).toEqual([
      expect.objectContaining({
        vendor: 'sentinel-ems',
        name: 'Story - Thales Sentinel EMS',
        events: ['Activation Added', 'Product Key Quantity Exhausted', 'Entitlement Expired'],
        endpointUrl: `${service.info.receiverUrl}/r/story-sentinel-ems`,
        enabled: true,
      }),
    ]);
    expect((await api.createScenarioWebhooks({ id: story })).created).toEqual([]);

    // An hour, a day and 30 days of vendor time at 1×, each capped at 100 ms.
    const started = Date.now();
    const run = await api.runScenario({ id: story, maxWaitMs: 100 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.steps.map((step) => step.deliveryIds.length)).toEqual([1, 1, 1, 1]);
    for (const id of run.steps.flatMap((step) => step.deliveryIds)) await waitForDelivery(api, id, 'succeeded');
    expect(await api.listCaptures({ bin: 'story-sentinel-ems' })).toHaveLength(3);
  });

  it('FlexNet gets one webhook per category, as its webhooks take one; an unknown scenario is not found and creates nothing', async () => {
    const { api } = await startTestService();
    const { created, alreadyCovered } = await api.createScenarioWebhooks({ id: 'builtin:flexnet-product-to-device' });
    expect(alreadyCovered).toEqual([]);
    expect(created.map((webhook) => webhook.events)).toEqual([['PROD CREATE'], ['ENT CREATE'], ['DEVICE CREATE']]);
    expect(new Set(created.map((webhook) => webhook.name)).size).toBe(3);

    const missing = await rejection(api.createScenarioWebhooks({ id: 'nope' }));
    expect(missing.code).toBe('not_found');
    expect(await api.listWebhooks()).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import type { FiredEvent } from '../../../../src-shared/domain/event.ts';
import type { ScenarioRunStatus } from '../../../../src-shared/domain/scenario.ts';
import { VENDOR_IDS } from '../../../../src-shared/domain/vendor.ts';
import { findCatalogEvent } from '../../../../src-shared/vendors/catalogs.ts';
import { flexnetProfile } from '../../../../src-main/vendors/flexnet/flexnet-profile.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';

const SENTINEL_STORY = 'Sentinel EMS: entitlement lifecycle';

/** Every delivery of the run succeeded; the events as stored, step by step. */
async function deliveredEvents(api: AppApi, run: ScenarioRunStatus): Promise<FiredEvent[]> {
  const events: FiredEvent[] = [];
  for (const step of run.steps) {
    expect(step.deliveryIds, step.eventName).toHaveLength(1);
    events.push((await waitForDelivery(api, step.deliveryIds[0]!, 'succeeded')).event);
  }
  return events;
}

const stateOf = (event: FiredEvent, key: string) => (event.currentState as Record<string, Record<string, unknown>>)[key]!;

describe('scenarios', () => {
  it('every built-in scenario is made of catalog events and activities, and each vendor has one', async () => {
    const { api } = await startTestService();
    const builtIns = (await api.listScenarios()).filter((scenario) => scenario.builtIn);
    expect(new Set(builtIns.flatMap((scenario) => scenario.vendors))).toEqual(new Set(VENDOR_IDS));
    for (const scenario of builtIns) {
      for (const step of scenario.steps) {
        const event = findCatalogEvent(step.vendor, step.eventName);
        expect(event, `${scenario.name}: ${step.eventName}`).toBeDefined();
        if (step.activity !== undefined) expect(event!.activities).toContain(step.activity);
      }
    }
    await expect(api.getScenario({ id: builtIns[0]!.id })).resolves.toEqual(builtIns[0]);
  });

  it("the FlexNet story's seed gives an entitlement whose line items name the product created before it", async () => {
    const { api } = await startTestService();
    const story = (await api.listScenarios()).find((scenario) => scenario.vendors.includes('flexnet'))!;
    const generate = (eventName: string) => {
      const event = findCatalogEvent('flexnet', eventName)!;
      return flexnetProfile.generateEntity(event, { activity: event.activities[0]!, seed: story.seed }).currentState!;
    };
    expect(story.steps.map((step) => step.eventName)).toEqual(['PROD CREATE', 'ENT CREATE', 'DEVICE CREATE']);
    const { productName } = generate('PROD CREATE') as { productName: string };
    const { lineItems } = generate('ENT CREATE') as { lineItems: { products: { name: string }[] }[] };
    expect(lineItems.flatMap((item) => item.products.map((product) => product.name))).toContain(productName);
  });

  it('the Sentinel story, played at 3600× and speed 1000, delivers every step about one entitlement', async () => {
    const service = await startTestService({ timeScale: 3600 });
    const { api } = service;
    const story = (await api.listScenarios()).find((scenario) => scenario.name === SENTINEL_STORY)!;
    for (const [index, step] of story.steps.entries()) {
      await api.createWebhook({ name: `step ${index + 1}`, events: [step.eventName], endpointUrl: `${service.info.receiverUrl}/r/step-${index + 1}` });
    }
    const changes: ScenarioRunStatus[] = [];
    api.onScenarioRunChanged((status) => changes.push(status));

    const run = await api.runScenario({ name: SENTINEL_STORY, speed: 1000, runId: 'demo' });
    expect(run).toMatchObject({ runId: 'demo', state: 'finished', total: 4, error: null });
    expect(run.steps.map((step) => step.eventName)).toEqual(story.steps.map((step) => step.eventName));
    // Each step: waiting for its delay, then firing; the run ends finished.
    expect(changes.map((status) => `${status.state}:${status.steps.length}`)).toEqual([
      ...story.steps.flatMap((_, index) => [`waiting:${index}`, `firing:${index}`]),
      'finished:4',
    ]);
    const [added, activation, exhausted, expired] = await deliveredEvents(api, run);
    expect(new Set([added, activation, exhausted, expired].map((event) => event!.origin))).toEqual(new Set(['scenario']));
    const entitlementId = added!.entityId;
    expect(stateOf(added!, 'entitlement').id).toBe(entitlementId);
    expect(stateOf(activation!, 'activation').entitlement).toMatchObject({ id: entitlementId });
    expect(activation!.entityId).not.toBe(entitlementId);
    expect([exhausted!.entityId, expired!.entityId]).toEqual([entitlementId, entitlementId]);
    expect(stateOf(expired!, 'entitlement').id).toBe(entitlementId);
    // Seed 002: these two carry no previous state, and a scenario does not invent one.
    expect([exhausted!.previousState, expired!.previousState]).toEqual([null, null]);
  });

  it('a later step of the same entity has the earlier current state as its previous state, with its edits applied', async () => {
    const service = await startTestService({ timeScale: 3600 });
    const { api } = service;
    await api.createWebhook({ name: 'entitlements', events: ['Entitlement Added', 'Entitlement Updated'], endpointUrl: `${service.info.receiverUrl}/r/ent` });
    const saved = await api.saveScenario({
      name: 'renewal',
      seed: 99,
      steps: [
        { vendor: 'sentinel-ems', eventName: 'Entitlement Added', stateEdits: { entitlement: { description: 'first term' } } },
        { vendor: 'sentinel-ems', eventName: 'Entitlement Updated', delayMs: 60_000, stateEdits: { entitlement: { description: 'renewed' } } },
      ],
    });
    expect(saved).toMatchObject({ builtIn: false, vendors: ['sentinel-ems'] });

    const [added, updated] = await deliveredEvents(api, await api.runScenario({ id: saved.id }));
    expect(updated!.entityId).toBe(added!.entityId);
    expect(stateOf(added!, 'entitlement').description).toBe('first term');
    expect(updated!.previousState).toEqual(added!.currentState);
    expect(stateOf(updated!, 'entitlement').description).toBe('renewed');
  });

  it('saving a scenario with bad steps names each bad path and saves nothing', async () => {
    const { api } = await startTestService();
    const before = await api.listScenarios();
    const error = await rejection(
      api.saveScenario({
        name: 'broken',
        steps: [
          { vendor: 'sentinel-ems', eventName: 'Entitlement Added', delayMs: -5 },
          { vendor: 'sentinel-ems', eventName: 'Activation Added', activity: 'Add Entitlement' },
          { vendor: 'flexnet', eventName: 'Entitlement Added' },
        ],
      }),
    );
    expect(error.code).toBe('invalid_input');
    const paths = (error.details as { issues: { path: string; message: string }[] }).issues.map((issue) => issue.path);
    expect(paths.sort()).toEqual(['steps[0].delayMs', 'steps[1].activity', 'steps[2].eventName']);
    expect(error.message).toContain('steps[2].eventName: "Entitlement Added" is not an event of flexnet');
    expect(await api.listScenarios()).toEqual(before);
  });

  it('built-in scenarios are read-only and their names cannot be taken', async () => {
    const { api } = await startTestService();
    const story = (await api.listScenarios()).find((scenario) => scenario.name === SENTINEL_STORY)!;
    expect((await rejection(api.deleteScenario({ id: story.id }))).code).toBe('conflict');
    const clash = await rejection(api.saveScenario({ name: SENTINEL_STORY, steps: [{ vendor: 'zentitle2', eventName: 'customer.created' }] }));
    expect(clash.message).toBe('name: is already used by a built-in scenario');
  });
});

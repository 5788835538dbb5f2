import { describe, expect, it } from 'vitest';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

describe('a fired event lists the webhooks it skipped, and why (real SQLite)', () => {
  it('says delivered, disabled, activity filtered or condition false for every subscriber, also after a restart', async () => {
    const dataDir = tempDir();
    const service = await startTestService({ dataDir });
    const { api } = service;
    const url = `${service.info.receiverUrl}/r/skips`;
    const event = { events: ['Entitlement Updated'], endpointUrl: url };
    const delivered = await api.createWebhook({ name: 'every update', ...event });
    const disabled = await api.createWebhook({ name: 'switched off', ...event, enabled: false, condition: "entitlement.state == 'NOPE'" });
    const filtered = await api.createWebhook({ name: 'disables only', ...event, activities: ['Disable Entitlement'] });
    const conditional = await api.createWebhook({
      name: 'disabled state only',
      ...event,
      condition: "entitlement.state == 'DISABLE' && entitlement.eId != ''",
    });
    await api.createWebhook({ name: 'another event', events: ['Entitlement Added'], endpointUrl: url });

    const fired = await api.fireEvent({
      eventName: 'Entitlement Updated',
      activity: 'Update Entitlement',
      currentState: { entitlement: { state: 'ENABLE', eId: 'E-1' } },
      previousState: { entitlement: { state: 'ENABLE', eId: 'E-1' } },
      entityId: 'E-1',
    });
    expect(fired.deliveries.map((delivery) => delivery.webhookId)).toEqual([delivered.id]);
    const expected = [
      { webhookId: disabled.id, webhookName: 'switched off', reason: 'disabled' },
      { webhookId: filtered.id, webhookName: 'disables only', reason: 'activity_filtered' },
      {
        webhookId: conditional.id,
        webhookName: 'disabled state only',
        reason: 'condition_false',
        condition: {
          text: "entitlement.state == 'DISABLE' && entitlement.eId != ''",
          trace: expect.objectContaining({
            kind: 'and',
            result: false,
            children: [
              expect.objectContaining({ path: 'entitlement.state', result: false, found: ['ENABLE'] }),
              expect.objectContaining({ path: 'entitlement.eId', result: true, found: ['E-1'] }),
            ],
          }),
        },
      },
    ];
    expect(fired.skipped).toEqual(expected);

    // The reasons are stored with the event: renaming the webhook or restarting changes nothing.
    await api.updateWebhook({ id: conditional.id, webhook: { name: 'renamed', ...event, condition: "entitlement.state == 'X'" } });
    await service.close();
    const reopened = await startTestService({ dataDir });
    const later = await reopened.api.getFiredEvent({ id: fired.event.id });
    expect(later.event.id).toBe(fired.event.id);
    expect(later.deliveries.map((delivery) => delivery.webhookId)).toEqual([delivered.id]);
    expect(later.skipped).toEqual(expected);
    expect((await reopened.api.getDelivery({ id: fired.deliveries[0]!.id })).skipped).toEqual(expected);
  });

  it('an event that every subscriber receives skips none; an unknown event id is not found', async () => {
    const service = await startTestService();
    const { api } = service;
    await api.createWebhook({ name: 'all', events: ['Entitlement Added'], endpointUrl: `${service.info.receiverUrl}/r/all` });
    const fired = await api.fireEvent({ eventName: 'Entitlement Added', seed: 4 });
    expect(fired.skipped).toEqual([]);
    expect((await api.getFiredEvent({ id: fired.event.id })).skipped).toEqual([]);
    expect(await rejection(api.getFiredEvent({ id: 'no-such-event' }))).toMatchObject({ code: 'not_found', message: 'No event has id "no-such-event"' });
  });
});

import { describe, expect, it } from 'vitest';
import { catalogEvents } from '../../../../../src-shared/vendors/catalogs.ts';
import { startTestService } from '../../../../fixtures/app-service.ts';
import { waitForCaptures } from '../../../../fixtures/scripted-bin.ts';

const BIN = 'sentinel-catalog';

describe('every Sentinel EMS catalog event, fired through the service, reaches the built-in receiver', () => {
  it('each capture is a Sentinel body naming its event, entity and activity, with the states as JSON strings', async () => {
    const service = await startTestService();
    const { api } = service;
    const events = catalogEvents('sentinel-ems');
    const webhook = await api.createWebhook({
      name: 'ALLEVENTS',
      events: events.map((event) => event.name),
      endpointUrl: `${service.info.receiverUrl}/r/${BIN}/hooks`,
    });

    const fired = new Map<string, { entityId: string; activity: string; entity: string }>();
    for (const [index, event] of events.entries()) {
      const activity = event.activities.at(-1)!;
      const result = await api.fireEvent({ eventName: event.name, activity, seed: index });
      expect(result.deliveries, event.name).toHaveLength(1);
      fired.set(result.event.id, { entityId: result.event.entityId, activity, entity: event.entity });
    }

    const seenEvents: string[] = [];
    for (const capture of await waitForCaptures(api, BIN, events.length)) {
      expect(capture).toMatchObject({ method: 'POST', body: { encoding: 'utf8' } });
      const body = JSON.parse((capture.body as { text: string }).text) as Record<string, string>;
      const sent = fired.get(body.eventId!);
      expect(sent, body.eventName).toBeDefined();
      expect(body).toMatchObject({
        webhookId: webhook.id,
        webhookName: 'ALLEVENTS',
        entityName: sent!.entity,
        activityName: sent!.activity,
        entityId: sent!.entityId,
        url: expect.stringMatching(/^https:\/\/api\.example\.com\/ems\/v5\//),
      });
      for (const field of ['previousState', 'currentState'] as const) {
        if (body[field]) expect(JSON.stringify(JSON.parse(body[field]!)), `${body.eventName} ${field}`).toBe(body[field]);
      }
      expect('currentState' in body, body.eventName).toBe(true);
      seenEvents.push(body.eventName!);
    }
    expect(seenEvents.sort()).toEqual(events.map((event) => event.name).sort());
  });
});

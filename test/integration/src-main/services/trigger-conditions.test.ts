import { describe, expect, it } from 'vitest';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { startTestService, startTestServedWorkspace, waitForDelivery } from '../../../fixtures/app-service.ts';
import { bearer, callMethod } from '../../../fixtures/serve-api.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { rejection } from '../../../fixtures/rejection.ts';

const customerName = (state: Record<string, unknown> | null) => (state as { entitlement: { customer: { name: string } } }).entitlement.customer.name;

describe('trigger conditions in the engine (real SQLite, real receiver)', () => {
  it('a webhook with a condition on the customer name gets the matching event and not the other', async () => {
    const service = await startTestService();
    const { api } = service;
    const sam = customerName((await api.generateSampleState({ eventName: 'Entitlement Added', seed: 11 })).currentState);
    const other = customerName((await api.generateSampleState({ eventName: 'Entitlement Added', seed: 12 })).currentState);
    expect(other).not.toBe(sam);

    const quoted = sam.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    const conditional = await api.createWebhook({
      name: 'only one customer',
      events: ['Entitlement Added'],
      endpointUrl: `${service.info.receiverUrl}/r/conditional`,
      condition: `entitlement.customer.name == '${quoted}'`,
    });
    const everything = await api.createWebhook({ name: 'everything', events: ['Entitlement Added'], endpointUrl: `${service.info.receiverUrl}/r/all` });

    const matching = await api.fireEvent({ eventName: 'Entitlement Added', seed: 11 });
    expect(customerName(matching.event.currentState)).toBe(sam);
    expect(matching.deliveries.map((delivery) => delivery.webhookId)).toEqual([conditional.id, everything.id]);
    const nonMatching = await api.fireEvent({ eventName: 'Entitlement Added', seed: 12 });
    expect(nonMatching.deliveries.map((delivery) => delivery.webhookId)).toEqual([everything.id]);

    for (const delivery of [...matching.deliveries, ...nonMatching.deliveries]) await waitForDelivery(api, delivery.id, 'succeeded');
    const conditionalCaptures = await api.listCaptures({ bin: 'conditional' });
    expect(conditionalCaptures).toHaveLength(1);
    const captured = (await api.getCapture({ id: conditionalCaptures[0]!.id })).body;
    const body = JSON.parse(captured.encoding === 'utf8' ? captured.text : '{}') as { eventId: string };
    expect(body.eventId).toBe(matching.event.id);
    expect((await api.listDeliveries({ match: { webhookId: conditional.id } })).total).toBe(1);
  });

  it('a fired currentState is what the condition sees', async () => {
    const service = await startTestService();
    const { api } = service;
    const webhook = await api.createWebhook({
      name: 'Sam Smith',
      events: ['Entitlement Added'],
      endpointUrl: `${service.info.receiverUrl}/r/sam`,
      condition: "((entitlement.customer.name == 'Sam Smith' && entitlement.state == 'ENABLE') || (entitlement.contact.externalId == '617AWUD'))",
    });
    const fire = (entitlement: Record<string, unknown>) => api.fireEvent({ eventName: 'Entitlement Added', currentState: { entitlement } });
    expect((await fire({ customer: { name: 'Sam Smith' }, state: 'ENABLE' })).deliveries.map((d) => d.webhookId)).toEqual([webhook.id]);
    expect((await fire({ customer: { name: 'Sam Smith' }, state: 'DRAFT' })).deliveries).toEqual([]);
    expect((await fire({ contact: { externalId: '617AWUD' } })).deliveries.map((d) => d.webhookId)).toEqual([webhook.id]);
    expect((await fire({})).deliveries).toEqual([]);
  });

  it('activity filter and condition must both hold (seed 002)', async () => {
    const service = await startTestService();
    const { api } = service;
    const url = `${service.info.receiverUrl}/r/both`;
    const disabledOnly = await api.createWebhook({
      name: 'disable activity, DISABLE state',
      events: ['Entitlement Updated'],
      endpointUrl: url,
      activities: ['Disable Entitlement'],
      condition: "entitlement.state == 'DISABLE'",
    });
    const updateButDisabled = await api.createWebhook({
      name: 'update activity, DISABLE state',
      events: ['Entitlement Updated'],
      endpointUrl: url,
      activities: ['Update Entitlement'],
      condition: "entitlement.state == 'DISABLE'",
    });
    const targets = async (activity: string) =>
      (await api.fireEvent({ eventName: 'Entitlement Updated', activity, seed: 3 })).deliveries.map((delivery) => delivery.webhookId);

    expect(await targets('Disable Entitlement')).toEqual([disabledOnly.id]);
    // Activity matches, the state is still ENABLE: the condition stops it.
    expect(await targets('Update Entitlement')).toEqual([]);
    // The state matches both conditions, but the activity is in neither filter.
    const closed = await api.fireEvent({
      eventName: 'Entitlement Updated',
      activity: 'Close Entitlement',
      currentState: { entitlement: { state: 'DISABLE' } },
    });
    expect(closed.deliveries).toEqual([]);
    const updatedToDisabled = await api.fireEvent({
      eventName: 'Entitlement Updated',
      activity: 'Update Entitlement',
      currentState: { entitlement: { state: 'DISABLE' } },
    });
    expect(updatedToDisabled.deliveries.map((delivery) => delivery.webhookId)).toEqual([updateButDisabled.id]);
  });

  it('a condition is stored, listed, updated and kept across a restart', async () => {
    const dataDir = tempDir();
    const service = await startTestService({ dataDir });
    const draft = { name: 'stored', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x', condition: "entitlement.state == 'ENABLE'" };
    const created = await service.api.createWebhook(draft);
    expect(created.condition).toBe(draft.condition);
    const updated = await service.api.updateWebhook({ id: created.id, webhook: { ...draft, condition: "entitlement.state != 'CLOSE'" } });
    expect(updated.condition).toBe("entitlement.state != 'CLOSE'");
    await service.close();

    const reopened = await startTestService({ dataDir });
    expect((await reopened.api.listWebhooks()).map((webhook: Webhook) => webhook.condition)).toEqual(["entitlement.state != 'CLOSE'"]);
  });

  it('a condition with an error is refused on the condition field, with line, column and message; nothing is saved', async () => {
    const service = await startTestService();
    const error = await rejection(
      service.api.createWebhook({
        name: 'broken',
        events: ['Entitlement Added'],
        endpointUrl: 'http://127.0.0.1:9/x',
        condition: "entitlement.state == 'ENABLE' && entitlement.customer.name = 'Sam'",
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.details).toEqual({
      issues: [{ path: 'condition', message: 'line 1, column 60: = is not a comparison; write == (expected == or !=)' }],
    });
    expect(await service.api.listWebhooks()).toEqual([]);
  });
});

describe('serve mode API: evaluateCondition and generateSampleState', () => {
  it('evaluates a condition against a payload over HTTP: result, trace, builder', async () => {
    const { apiUrl, token } = await startTestServedWorkspace();
    const response = await callMethod(
      apiUrl,
      'evaluateCondition',
      {
        condition: "entitlement.productKeys.productKey[*].state == 'ENABLE'",
        payload: { entitlement: { productKeys: { productKey: [{ state: 'CLOSE' }, { state: 'ENABLE' }] } } },
      },
      bearer(token),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      result: true,
      diagnostics: [],
      trace: { kind: 'comparison', found: ['CLOSE', 'ENABLE'] },
      builder: { kind: 'group', operator: 'and', items: [{ kind: 'row', path: 'entitlement.productKeys.productKey[*].state' }] },
    });

    const broken = await callMethod(apiUrl, 'evaluateCondition', { condition: 'entitlement.state >', payload: {} }, bearer(token));
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ result: null, diagnostics: [{ line: 1, column: 19, message: expect.stringMatching(/> is not supported/) }] });
  });

  it('generates a sample state for an event; an unknown event is a 400 naming eventName', async () => {
    const { apiUrl, token } = await startTestServedWorkspace();
    const sample = await callMethod(apiUrl, 'generateSampleState', { eventName: 'Entitlement Updated', seed: 4 }, bearer(token));
    expect(sample.status).toBe(200);
    expect(sample.body).toMatchObject({
      eventName: 'Entitlement Updated',
      currentState: { entitlement: { state: 'ENABLE' } },
      previousState: { entitlement: {} },
    });
    const again = await callMethod(apiUrl, 'generateSampleState', { eventName: 'Entitlement Updated', seed: 4 }, bearer(token));
    expect((again.body as { entityId: string }).entityId).toBe((sample.body as { entityId: string }).entityId);

    const unknown = await callMethod(apiUrl, 'generateSampleState', { eventName: 'Entitlement Exploded' }, bearer(token));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'eventName' }] } });
  });
});

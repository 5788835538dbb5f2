import { describe, expect, it } from 'vitest';
import { DELIVERY_MATCH_WEBHOOKS_MAX, type DeliveryMatch, type DeliveryStatus, type DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import { AppError } from '../../../../src-shared/errors.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { closedPort } from '../../../fixtures/http-endpoint.ts';
import { ManualClock } from '../../../fixtures/manual-clock.ts';

const EVENTS = 12;
const SECOND = 1000;

/**
 * Real deliveries in every settled-or-waiting state, one event per second of engine time, each
 * event reaching three webhooks: "gone" (nothing listens: retrying, the retry minutes away),
 * "up" (200: succeeded) and "down" (404: failed; two of them then marked successful).
 */
async function searchableDeliveries() {
  const clock = new ManualClock();
  const service = await startTestService({ clock });
  const { api } = service;
  await api.setBinScript({ bin: 'up', script: {} });
  await api.setBinScript({ bin: 'down', script: { status: 404 } });
  const gone = await api.createWebhook({ name: 'gone', events: ['Entitlement Added'], endpointUrl: `http://127.0.0.1:${await closedPort()}/h` });
  const up = await api.createWebhook({ name: 'up', events: ['Entitlement Added'], endpointUrl: `${service.info.receiverUrl}/r/up/h` });
  const down = await api.createWebhook({ name: 'down', events: ['Entitlement Added'], endpointUrl: `${service.info.receiverUrl}/r/down/h` });
  const firedAt: number[] = [];
  const eventIds: string[] = [];
  for (let n = 0; n < EVENTS; n += 1) {
    firedAt.push(clock.now());
    eventIds.push((await api.fireEvent({ eventName: 'Entitlement Added' })).event.id);
    await service.dispatcher.whenIdle();
    clock.advance(SECOND);
  }
  const everything = await api.listDeliveries({ limit: 1000 });
  const downIds = everything.deliveries.filter((d) => d.webhookId === down.id).map((d) => d.id);
  await api.markDeliveriesSuccessful({ ids: downIds.slice(0, 2) });
  return { api, webhooks: { gone, up, down }, firedAt, eventIds };
}

/** The reference the SQL must agree with: each given field narrows, the time range is [from, to). */
function accepts(match: DeliveryMatch, delivery: DeliverySummary): boolean {
  const sameWhereGiven = [
    [match.webhookId, delivery.webhookId],
    [match.eventId, delivery.eventId],
  ].every(([wanted, actual]) => wanted === undefined || wanted === actual);
  const toTheWebhooks = match.webhookIds === undefined || match.webhookIds.includes(delivery.webhookId);
  const inRange = delivery.createdAt >= (match.createdFrom ?? -Infinity) && delivery.createdAt < (match.createdTo ?? Infinity);
  return sameWhereGiven && toTheWebhooks && inRange && (match.statuses ?? [delivery.status]).includes(delivery.status);
}

/** Every combination of one value per field; undefined leaves the field out. */
function combinations(fields: { [K in keyof DeliveryMatch]-?: (DeliveryMatch[K] | undefined)[] }): DeliveryMatch[] {
  return Object.entries(fields).reduce<DeliveryMatch[]>(
    (partial, [field, values]) => partial.flatMap((match) => values.map((value) => (value === undefined ? match : { ...match, [field]: value }))),
    [{}],
  );
}

describe('searching deliveries (real SQLite through the AppApi)', () => {
  it('every combination of webhook, event, statuses and time range finds exactly the matching deliveries, newest first', async () => {
    const { api, webhooks, firedAt, eventIds } = await searchableDeliveries();
    const all = (await api.listDeliveries({ limit: 1000 })).deliveries;
    expect(all).toHaveLength(3 * EVENTS);
    expect(all.map((d) => d.createdAt)).toEqual([...all.map((d) => d.createdAt)].sort((a, b) => b - a));
    const statusesSeen = new Set(all.map((d) => d.status));
    expect(statusesSeen).toEqual(new Set<DeliveryStatus>(['retrying', 'succeeded', 'failed', 'marked_successful']));

    const others = {
      eventId: [undefined, eventIds[4]],
      statuses: [undefined, ['failed'], ['succeeded', 'retrying'], ['failed', 'marked_successful', 'succeeded'], ['pending']] as DeliveryStatus[][],
      createdFrom: [undefined, firedAt[3]],
      createdTo: [undefined, firedAt[9]],
    };
    const cases = [
      ...combinations({ webhookId: [undefined, webhooks.gone.id, webhooks.down.id, 'no-such-webhook'], webhookIds: [undefined], ...others }),
      ...combinations({
        webhookId: [undefined],
        webhookIds: [[webhooks.gone.id, webhooks.down.id], [webhooks.up.id, 'no-such-webhook', webhooks.down.id, webhooks.up.id], ['no-such-webhook']],
        ...others,
      }),
    ];
    expect(cases).toHaveLength(7 * 2 * 5 * 2 * 2);
    for (const match of cases) {
      const expected = all.filter((delivery) => accepts(match, delivery));
      const page = await api.listDeliveries({ match, limit: 1000 });
      expect({ match, ids: page.deliveries.map((d) => d.id), total: page.total }).toEqual({
        match,
        ids: expected.map((d) => d.id),
        total: expected.length,
      });
    }
  });

  it('pages: offset and limit walk the same order, and every page carries the total', async () => {
    const { api } = await searchableDeliveries();
    const match: DeliveryMatch = { statuses: ['succeeded', 'retrying', 'marked_successful'] };
    const expected = (await api.listDeliveries({ match, limit: 1000 })).deliveries;
    expect(expected).toHaveLength(2 * EVENTS + 2);
    const walked: DeliverySummary[] = [];
    for (let offset = 0; offset < expected.length + 5; offset += 5) {
      const page = await api.listDeliveries({ match, offset, limit: 5 });
      expect(page).toMatchObject({ total: expected.length, offset });
      walked.push(...page.deliveries);
    }
    expect(walked).toEqual(expected);
  });

  it.each([
    ['createdTo before createdFrom', { match: { createdFrom: 2000, createdTo: 1000 } }, 'match.createdTo', 'must be after the start of the range'],
    ['createdTo equal to createdFrom', { match: { createdFrom: 2000, createdTo: 2000 } }, 'match.createdTo', 'must be after the start of the range'],
    ['an unknown status', { match: { statuses: ['lost'] } }, 'match.statuses[0]', undefined],
    ['no status in the list', { match: { statuses: [] } }, 'match.statuses', 'choose at least one status'],
    ['a negative offset', { offset: -1 }, 'offset', 'must not be negative'],
    ['a page too large', { limit: 5000 }, 'limit', 'must be at most 1000'],
    ['a time that is not a number', { match: { createdFrom: 'yesterday' } }, 'match.createdFrom', 'must be a time in epoch milliseconds'],
    ['an unknown field', { match: { webhook: 'x' } }, 'match', 'unknown field(s): webhook'],
    ['webhookId and webhookIds at once', { match: { webhookId: 'a', webhookIds: ['b'] } }, 'match.webhookIds', 'give webhookId or webhookIds, not both'],
    ['no webhook in the list', { match: { webhookIds: [] } }, 'match.webhookIds', 'choose at least one webhook'],
    [
      'more webhooks than a search merges',
      { match: { webhookIds: Array.from({ length: DELIVERY_MATCH_WEBHOOKS_MAX + 1 }, (_, n) => `w${n}`) } },
      'match.webhookIds',
      `must list at most ${DELIVERY_MATCH_WEBHOOKS_MAX} webhooks`,
    ],
  ])('rejects %s, naming the field and the rule', async (_, filter, path, message) => {
    const service = await startTestService();
    const error = await service.api.listDeliveries(filter as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid_input' });
    const [issue] = (error as AppError & { details: { issues: { path: string; message: string }[] } }).details.issues;
    expect(issue.path).toBe(path);
    if (message) expect(issue.message).toBe(message);
  });
});

import { z } from 'zod';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import {
  DELIVERY_PAGE_MAX,
  DELIVERY_SELECTION_MAX,
  type BulkResult,
  type DeliveryMatch,
  type DeliveryStatus,
  type DeliverySummary,
} from '../../src-shared/domain/delivery.ts';
import { asSentinel, type AttributeNames } from './sentinel-api-error.ts';
import { pageOf, pagingQuery, sentinelBody, sentinelQuery, type SentinelRoute } from './sentinel-request.ts';

/** "Event status" assumption: EMS's status words, each standing for one or more Hooklab delivery states. */
const STATES_OF_STATUS = {
  PENDING: ['pending', 'in_progress', 'retrying'],
  SUCCESSFUL: ['succeeded'],
  FAILED: ['failed'],
  MARKED_SUCCESSFUL: ['marked_successful'],
} as const satisfies Record<string, readonly DeliveryStatus[]>;
type EventStatus = keyof typeof STATES_OF_STATUS;
const EVENT_STATUSES = Object.keys(STATES_OF_STATUS) as EventStatus[];

const statusOf = (state: DeliveryStatus): EventStatus => EVENT_STATUSES.find((status) => (STATES_OF_STATUS[status] as readonly string[]).includes(state))!;

const isoTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z' }).transform((text) => Date.parse(text));
const statusMessage = `must be one of ${EVENT_STATUSES.join(', ')}`;
const status = z.enum(EVENT_STATUSES, { error: statusMessage });

/** "Event search" assumption: the filters of Search Events by their EMS meaning, as query parameters or a bulk action's filter. */
const filterFields = {
  webhookId: z.string().optional(),
  eventId: z.string().optional(),
  startTime: isoTime.optional(),
  endTime: isoTime.optional(),
};
const searchQuery = z.strictObject({
  ...pagingQuery,
  ...filterFields,
  /** Comma-separated in a query. */
  status: z
    .string()
    .refine((text) => text.split(',').every((name) => (EVENT_STATUSES as string[]).includes(name)), statusMessage)
    .transform((text) => text.split(',') as EventStatus[])
    .optional(),
});
const actionBody = z
  .strictObject({
    ids: z
      .array(z.string())
      .min(1, 'give at least one event id')
      .max(DELIVERY_SELECTION_MAX, `must list at most ${DELIVERY_SELECTION_MAX} events; use a filter`)
      .optional(),
    filter: z.strictObject({ ...filterFields, status: z.array(status).min(1, 'give at least one status').optional() }).optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.filter === undefined), { path: ['ids'], message: 'give either ids or a filter, not both or neither' });

type EventFilter = Omit<z.output<typeof searchQuery>, 'pageStartIndex' | 'pageSize'>;

/** The engine's search fields by the EMS parameter each comes from. */
const eventAttributes: AttributeNames = (path) => {
  const field = path.replace(/^match\./, '');
  return field === 'createdFrom' ? 'startTime' : field === 'createdTo' ? 'endTime' : field === 'statuses' ? 'status' : field;
};

function deliveryMatch({ webhookId, eventId, status: statuses, startTime, endTime }: EventFilter): DeliveryMatch {
  return {
    webhookId,
    eventId,
    statuses: statuses && [...new Set(statuses.flatMap((name) => STATES_OF_STATUS[name]))],
    createdFrom: startTime,
    createdTo: endTime,
  };
}

/** An event notification as Search Events shows it: one event sent to one webhook ("Event search" assumption). */
function sentinelEvent(delivery: DeliverySummary) {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    webhookId: delivery.webhookId,
    webhookName: delivery.webhookName,
    eventName: delivery.eventName,
    activityName: delivery.activity,
    endpointUrl: delivery.endpointUrl,
    status: statusOf(delivery.status),
    attempts: delivery.attemptCount,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    createdAt: new Date(delivery.createdAt).toISOString(),
    updatedAt: new Date(delivery.updatedAt).toISOString(),
  };
}

type BulkCounts = Pick<BulkResult, 'matched' | 'changed' | 'skipped' | 'skippedReason'>;

function sentinelResult({ matched, changed, skipped, skippedReason }: BulkCounts) {
  return { matchedCount: matched, updatedCount: changed, skippedCount: skipped, skippedReason };
}

/**
 * The deliveries of Sentinel EMS webhooks matching, newest first. The engine's search has no
 * vendor filter, so this reads the matches page by page and keeps Sentinel's: this API must not
 * see, retry or settle another vendor's deliveries.
 */
async function sentinelDeliveries(api: AppApi, match: DeliveryMatch): Promise<DeliverySummary[]> {
  const webhookIds = new Set((await api.listWebhooks()).filter((webhook) => webhook.vendor === 'sentinel-ems').map((webhook) => webhook.id));
  const found: DeliverySummary[] = [];
  for (let offset = 0; ; offset += DELIVERY_PAGE_MAX) {
    const page = await asSentinel(eventAttributes, () => api.listDeliveries({ match, offset, limit: DELIVERY_PAGE_MAX }));
    found.push(...page.deliveries.filter((delivery) => webhookIds.has(delivery.webhookId)));
    if (page.deliveries.length === 0 || offset + page.deliveries.length >= page.total) return found;
  }
}

/** A bulk action ("Bulk actions" assumption) on the Sentinel deliveries named or matched, in selections the engine takes. */
async function bulk(api: AppApi, operation: 'retryDeliveries' | 'markDeliveriesSuccessful', body: z.output<typeof actionBody>) {
  const sentinel = await sentinelDeliveries(api, body.filter ? deliveryMatch(body.filter) : {});
  const named = body.ids ? new Set(body.ids) : null;
  const ids = sentinel.filter((delivery) => named === null || named.has(delivery.id)).map((delivery) => delivery.id);
  const total: BulkCounts = { matched: 0, changed: 0, skipped: 0, skippedReason: null };
  for (let start = 0; start < ids.length; start += DELIVERY_SELECTION_MAX) {
    const result = await asSentinel(eventAttributes, () => api[operation]({ ids: ids.slice(start, start + DELIVERY_SELECTION_MAX) }));
    total.matched += result.matched;
    total.changed += result.changed;
    total.skipped += result.skipped;
    total.skippedReason ??= result.skippedReason;
  }
  // Ids that are no Sentinel EMS event count as skipped, as the engine counts unknown ids.
  const unknown = named ? named.size - ids.length : 0;
  if (unknown > 0) {
    total.matched += unknown;
    total.skipped += unknown;
    total.skippedReason ??= 'some ids are no event of a Sentinel EMS webhook';
  }
  return sentinelResult(total);
}

export const SENTINEL_EVENT_ROUTES: readonly SentinelRoute[] = [
  {
    method: 'GET',
    path: '/webhooks/events',
    summary: `Search Events: ?webhookId=&eventId=&status=${EVENT_STATUSES.join('|')}(,…)&startTime=&endTime= (ISO 8601)&pageStartIndex=&pageSize= → {events, pageStartIndex, pageSize, count}, newest first`,
    async handle(request, _reply, api) {
      const { pageStartIndex, pageSize, ...filter } = sentinelQuery(request, searchQuery);
      const { items, ...page } = pageOf(await sentinelDeliveries(api, deliveryMatch(filter)), { pageStartIndex, pageSize });
      return { events: items.map(sentinelEvent), ...page };
    },
  },
  {
    method: 'POST',
    path: '/webhooks/events/retry',
    summary:
      'Retry Event: {ids: [...]} or {filter: {webhookId, eventId, status: [...], startTime, endTime}}; failed events get new tries (202, sent in the background)',
    async handle(request, reply, api) {
      return reply.code(202).send(await bulk(api, 'retryDeliveries', sentinelBody(request, actionBody)));
    },
  },
  {
    method: 'POST',
    path: '/webhooks/events/markSuccessful',
    summary: 'Mark as Bulk Successful: {ids} or {filter} as for Retry; failed events become MARKED_SUCCESSFUL (200)',
    async handle(request, _reply, api) {
      return bulk(api, 'markDeliveriesSuccessful', sentinelBody(request, actionBody));
    },
  },
];

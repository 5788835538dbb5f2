import { z } from 'zod';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import { parseInput } from '../../src-shared/contracts/contract-kit.ts';
import {
  DELIVERY_MATCH_WEBHOOKS_MAX,
  DELIVERY_PAGE_MAX,
  DELIVERY_SELECTION_MAX,
  deliveryMatchSchema,
  type BulkOperation,
  type BulkResult,
  type DeliveryFilter,
  type DeliveryMatch,
  type DeliverySelection,
  type DeliveryStatus,
  type DeliverySummary,
} from '../../src-shared/domain/delivery.ts';
import { AppError } from '../../src-shared/errors.ts';
import { skippedReason } from '../services/delivery-operations.ts';
import { asSentinel, type AttributeNames } from './sentinel-api-error.ts';
import { PAGE_SIZE_DEFAULT, pageOf, pagingQuery, sentinelBody, sentinelQuery, type Paging, type SentinelRoute } from './sentinel-request.ts';

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

function sentinelResult({ matched, changed, skipped, skippedReason: reason }: BulkCounts) {
  return { matchedCount: matched, updatedCount: changed, skippedCount: skipped, skippedReason: reason };
}

async function sentinelWebhookIds(api: AppApi): Promise<string[]> {
  return (await api.listWebhooks()).filter((webhook) => webhook.vendor === 'sentinel-ems').map((webhook) => webhook.id);
}

/**
 * The match narrowed to Sentinel EMS webhooks, so that the engine's search (on its indexes) never
 * reads another vendor's deliveries: this API must not see, retry or settle them. One match per
 * DELIVERY_MATCH_WEBHOOKS_MAX webhooks; none when no webhook (or not the one asked for) is Sentinel's.
 */
async function sentinelMatches(api: AppApi, match: DeliveryMatch): Promise<DeliveryMatch[]> {
  // The engine's rules hold for the filter even when no Sentinel webhook is left to search;
  // the parsed match (e.g. a trimmed webhookId) is the one searched.
  const parsed = await asSentinel(eventAttributes, async () => parseInput(deliveryMatchSchema, match));
  const webhookIds = await sentinelWebhookIds(api);
  if (parsed.webhookId !== undefined) return webhookIds.includes(parsed.webhookId) ? [parsed] : [];
  const matches: DeliveryMatch[] = [];
  for (let start = 0; start < webhookIds.length; start += DELIVERY_MATCH_WEBHOOKS_MAX) {
    matches.push({ ...parsed, webhookIds: webhookIds.slice(start, start + DELIVERY_MATCH_WEBHOOKS_MAX) });
  }
  return matches;
}

const listed = (api: AppApi, filter: DeliveryFilter) => asSentinel(eventAttributes, () => api.listDeliveries(filter));

/** The newest `count` deliveries the match finds. */
async function newest(api: AppApi, match: DeliveryMatch, count: number): Promise<DeliverySummary[]> {
  const deliveries: DeliverySummary[] = [];
  for (let offset = 0; ; offset += DELIVERY_PAGE_MAX) {
    const page = await listed(api, { match, offset, limit: Math.min(DELIVERY_PAGE_MAX, count - offset) });
    deliveries.push(...page.deliveries);
    if (page.deliveries.length === 0 || deliveries.length >= Math.min(count, page.total)) return deliveries;
  }
}

/** One page of the Sentinel EMS deliveries matching, newest first ("Paging" assumption). */
async function searchPage(api: AppApi, match: DeliveryMatch, { pageStartIndex = 0, pageSize = PAGE_SIZE_DEFAULT }: Paging) {
  const matches = await sentinelMatches(api, match);
  if (matches.length === 1) {
    const page = await listed(api, { match: matches[0], offset: pageStartIndex, limit: pageSize });
    return { items: page.deliveries, pageStartIndex, pageSize, count: page.total };
  }
  // The totals first: a page past the end reads no delivery.
  const totals = await Promise.all(matches.map(async (part) => (await listed(api, { match: part, offset: 0, limit: 1 })).total));
  const count = totals.reduce((sum, total) => sum + total, 0);
  if (pageStartIndex >= count) return { items: [], pageStartIndex, pageSize, count };
  // More webhooks than one match takes: each part's newest up to the page's end, merged.
  const parts = await Promise.all(matches.map((part, index) => (totals[index] === 0 ? [] : newest(api, part, pageStartIndex + pageSize))));
  const merged = parts.flat().sort((a, b) => b.createdAt - a.createdAt);
  return { ...pageOf(merged, { pageStartIndex, pageSize }), count };
}

/** The named ids that are deliveries of Sentinel EMS webhooks, each looked up by its id. */
async function sentinelDeliveryIds(api: AppApi, ids: readonly string[]): Promise<string[]> {
  const sentinel = new Set(await sentinelWebhookIds(api));
  const found: string[] = [];
  for (const id of new Set(ids)) {
    const detail = await api.getDelivery({ id }).catch((error: unknown) => {
      // An id that names no delivery (or could not) is counted as skipped, as the engine counts unknown ids.
      if (error instanceof AppError && (error.code === 'not_found' || error.code === 'invalid_input')) return null;
      throw error;
    });
    if (detail && sentinel.has(detail.delivery.webhookId)) found.push(id);
  }
  return found;
}

/** The engine operation behind each bulk action. */
const BULK_OPERATION_OF = { retryDeliveries: 'retry', markDeliveriesSuccessful: 'mark_successful' } as const satisfies Record<string, BulkOperation>;

/** A bulk action ("Bulk actions" assumption) on the Sentinel deliveries named or matched, in selections the engine takes. */
async function bulk(api: AppApi, operation: keyof typeof BULK_OPERATION_OF, body: z.output<typeof actionBody>) {
  const selections: DeliverySelection[] = body.ids
    ? [{ ids: await sentinelDeliveryIds(api, body.ids) }].filter((selection) => selection.ids.length > 0)
    : (await sentinelMatches(api, body.filter ? deliveryMatch(body.filter) : {})).map((match) => ({ match }));
  // Ids that are no Sentinel EMS event count as skipped unknown ids, as the engine counts them.
  const notSentinel = body.ids ? new Set(body.ids).size - selections.reduce((sum, selection) => sum + (selection.ids?.length ?? 0), 0) : 0;
  const total = { matched: notSentinel, changed: 0, skipped: notSentinel };
  // Added up over the selections, so the reason's counts are those of the whole answer.
  const skippedByStatus = new Map<DeliveryStatus, number>();
  let unknown = notSentinel;
  for (const selection of selections) {
    const result = await asSentinel(eventAttributes, () => api[operation](selection));
    total.matched += result.matched;
    total.changed += result.changed;
    total.skipped += result.skipped;
    // What the engine skipped not for a state are its unknown ids (e.g. deleted since the lookup).
    unknown += result.skipped;
    for (const [state, count = 0] of Object.entries(result.skippedByStatus) as [DeliveryStatus, number | undefined][]) {
      skippedByStatus.set(state, (skippedByStatus.get(state) ?? 0) + count);
      unknown -= count;
    }
  }
  return sentinelResult({ ...total, skippedReason: skippedReason(BULK_OPERATION_OF[operation], skippedByStatus, unknown) });
}

export const SENTINEL_EVENT_ROUTES: readonly SentinelRoute[] = [
  {
    method: 'GET',
    path: '/webhooks/events',
    summary: `Search Events: ?webhookId=&eventId=&status=${EVENT_STATUSES.join('|')}(,…)&startTime=&endTime= (ISO 8601)&pageStartIndex=&pageSize= → {events, pageStartIndex, pageSize, count}, newest first`,
    async handle(request, _reply, api) {
      const { pageStartIndex, pageSize, ...filter } = sentinelQuery(request, searchQuery);
      const { items, ...page } = await searchPage(api, deliveryMatch(filter), { pageStartIndex, pageSize });
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

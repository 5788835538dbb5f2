import { DELIVERY_STATUSES, type DeliveryMatch, type DeliveryStatus } from '../../src-shared/domain/delivery.ts';

/** SQL conditions on `deliveries` (unaliased) and their parameters, in order. */
export interface MatchSql {
  where: string[];
  params: unknown[];
}

/** Statuses that narrow the search; every status at once narrows nothing. */
export function narrowingStatuses(match: DeliveryMatch): DeliveryStatus[] {
  const statuses = [...new Set(match.statuses ?? [])];
  return statuses.length === DELIVERY_STATUSES.length ? [] : statuses;
}

/** The webhooks the match is limited to (webhookId is a list of one); none: any webhook. */
function matchedWebhooks(match: DeliveryMatch): string[] {
  return [...new Set(match.webhookIds ?? (match.webhookId === undefined ? [] : [match.webhookId]))];
}

/** The match's fields other than statuses and webhooks: column and comparison. */
const FIELD_CONDITIONS: readonly [Exclude<keyof DeliveryMatch, 'statuses' | 'webhookId' | 'webhookIds'>, string, string][] = [
  ['eventId', 'event_id', '='],
  ['createdFrom', 'created_at', '>='],
  ['createdTo', 'created_at', '<'],
];

/**
 * With an event id, its handful of deliveries is the way in. `+column` on the other conditions
 * keeps SQLite from preferring the index of a status or webhook, which spares it sorting a few
 * rows at the price of reading every delivery in that status or of that webhook.
 */
function column(match: DeliveryMatch, name: string): string {
  return match.eventId !== undefined && name !== 'event_id' ? `+${name}` : name;
}

/** The match's conditions other than status and webhook. */
function otherConditions(match: DeliveryMatch): MatchSql {
  const given = FIELD_CONDITIONS.filter(([field]) => match[field] !== undefined);
  return {
    where: given.map(([, name, comparison]) => `${column(match, name)} ${comparison} ?`),
    params: given.map(([field]) => match[field]),
  };
}

const inList = (values: readonly unknown[]) => (values.length === 1 ? '= ?' : `IN (${values.map(() => '?').join(', ')})`);

/** Every condition of the match, webhooks and statuses as IN lists. */
export function matchSql(match: DeliveryMatch): MatchSql {
  const { where, params } = otherConditions(match);
  const webhooks = matchedWebhooks(match);
  if (webhooks.length > 0) {
    where.unshift(`${column(match, 'webhook_id')} ${inList(webhooks)}`);
    params.unshift(...webhooks);
  }
  const statuses = narrowingStatuses(match);
  if (statuses.length > 0) {
    where.push(`${column(match, 'status')} ${inList(statuses)}`);
    params.push(...statuses);
  }
  return { where, params };
}

export function whereClause(where: readonly string[]): string {
  return where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
}

/** Newest first; ties (one event's deliveries) by insertion. Names the page's columns, so it orders the joined page too. */
const SEARCH_ORDER = 'ORDER BY at DESC, rid DESC';

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * The rowids of one page of the match, newest first, read from an index only; the caller
 * joins the full rows for that page alone, so a deep offset skips index entries, not rows.
 *
 * Several statuses or webhooks become one arm per webhook and status, merged by SQLite in
 * created_at order (a compound SELECT's ORDER BY merges arms that each come sorted from
 * deliveries_status_created, deliveries_webhook or deliveries_webhook_status_created). A plain
 * `status IN (…)` would sort every matching row before the first page, which for common
 * statuses is most of the table. With an event id the match is a handful of rows, and a plain
 * query is cheapest.
 */
function pageRowidsSql(match: DeliveryMatch): SqlStatement {
  const rowids = ({ where }: MatchSql) => `SELECT rowid AS rid, created_at AS at FROM deliveries ${whereClause(where)}`;
  const statuses = narrowingStatuses(match);
  const webhooks = matchedWebhooks(match);
  if ((statuses.length < 2 && webhooks.length < 2) || match.eventId !== undefined) {
    const plain = matchSql(match);
    return { sql: `${rowids(plain)} ${SEARCH_ORDER} LIMIT ? OFFSET ?`, params: plain.params };
  }
  // Each arm is the match narrowed to one webhook and one status.
  const arms = (webhooks.length > 0 ? webhooks : [undefined]).flatMap((webhookId) =>
    (statuses.length > 0 ? statuses : [undefined]).map((status) =>
      matchSql({ ...match, webhookIds: undefined, webhookId, statuses: status === undefined ? undefined : [status] }),
    ),
  );
  return {
    sql: `${arms.map(rowids).join(' UNION ALL ')} ${SEARCH_ORDER} LIMIT ? OFFSET ?`,
    params: arms.flatMap((arm) => arm.params),
  };
}

/**
 * One page of full delivery rows (with their event's name and activity); `limit` and `offset`
 * are the last two parameters. CROSS JOIN keeps the page as the outer loop: the planner would
 * otherwise walk every delivery in created_at order and probe the page for each.
 */
export function searchPageSql(match: DeliveryMatch, limit: number, offset: number): SqlStatement {
  const page = pageRowidsSql(match);
  return {
    sql: `SELECT d.*, e.event_name, e.activity FROM (${page.sql}) p
          CROSS JOIN deliveries d ON d.rowid = p.rid JOIN events e ON e.id = d.event_id
          ${SEARCH_ORDER}`,
    params: [...page.params, limit, offset],
  };
}

/**
 * Exact, because the inspector's list is as tall as the total and scrolls to its end. It never
 * reads the table: with no condition SQLite counts the smallest index's entries, and otherwise
 * the same index as the page serves the count. Its cost grows with the matching rows (about
 * 20 ms for the 210,000 succeeded of 250,000 deliveries in bench/delivery-search.ts).
 */
export function searchCountSql(match: DeliveryMatch): SqlStatement {
  const { where, params } = matchSql(match);
  return { sql: `SELECT count(*) AS n FROM deliveries ${whereClause(where)}`, params };
}

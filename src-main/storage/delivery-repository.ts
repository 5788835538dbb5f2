import { atomically } from './atomically.ts';
import { newRowId } from './row-id.ts';
import { prepared } from './statement-cache.ts';
import type {
  Attempt,
  AttemptResponse,
  AttemptRoundTrigger,
  DeliveryMatch,
  DeliveryPage,
  DeliveryQuery,
  DeliveryStatus,
  DeliverySummary,
  TokenExchange,
} from '../../src-shared/domain/delivery.ts';
import type { AttemptRequest } from '../../src-shared/domain/http-message.ts';
import { entityStateJson } from '../../src-shared/domain/entity-state-json.ts';
import type { FiredEvent, SkippedWebhook, SkipReason } from '../../src-shared/domain/event.ts';
import type { EventReplay } from '../../src-shared/domain/event-replay.ts';
import type { Webhook } from '../../src-shared/domain/webhook.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { Db } from './database.ts';
import { matchSql, searchCountSql, searchPageSql, whereClause } from './delivery-search.ts';
import { fromJsonColumn, toJsonColumn } from './json-column.ts';
import { openHeaders, sealHeaders } from './sealed-headers.ts';
import { originOf } from '../../src-shared/domain/http-url.ts';

interface EventRow {
  id: string;
  vendor: string;
  entity: string;
  event_name: string;
  activity: string;
  entity_id: string;
  request_id: string;
  op_time: number;
  origin: string;
  previous_state: string | null;
  current_state: string | null;
  created_at: number;
  replay: string | null;
  replay_headers_sealed: Buffer | null;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  webhook_id: string;
  webhook_name: string;
  endpoint_url: string;
  endpoint_origin: string;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  round: number;
  round_trigger: AttemptRoundTrigger;
  round_first_attempt: number;
  created_at: number;
  updated_at: number;
  event_name: string;
  activity: string;
}

interface AttemptRow {
  id: string;
  delivery_id: string;
  number: number;
  round: number;
  round_trigger: AttemptRoundTrigger;
  scheduled_at: number;
  started_at: number;
  duration_ms: number;
  request_method: string;
  request_url: string;
  request_headers: string;
  request_headers_sealed: Buffer | null;
  request_body: string;
  response_status: number | null;
  response_headers: string | null;
  response_headers_sealed: Buffer | null;
  response_body: string | null;
  response_body_bytes: number | null;
  response_body_truncated: number;
  error: string | null;
  note: string | null;
  token_exchange: string | null;
}

/** What DELIVERY_SELECT joins in from the event. */
type EventNameColumns = 'event_name' | 'activity';

const deliverySelect = (indexedBy = '') => `
  SELECT d.*, e.event_name, e.activity FROM deliveries d ${indexedBy} JOIN events e ON e.id = d.event_id`;
const DELIVERY_SELECT = deliverySelect();

/**
 * Reads of the due queue name its index (partial: due deliveries only, in due order). Without
 * statistics the planner prefers deliveries_status_created, and then sorts every retrying
 * delivery on each claim, however far ahead its next try is.
 */
const DUE_QUEUE = 'INDEXED BY deliveries_due';
const DUE_DELIVERY_SELECT = deliverySelect(DUE_QUEUE);

function toReplay(json: string, sealed: Buffer | null, box: SecretBox): EventReplay {
  const replay = JSON.parse(json) as EventReplay;
  openHeaders(replay.request.headers, sealed, box);
  return replay;
}

/** A replay as stored: its request's credential headers sealed apart. */
export function storedReplay(replay: EventReplay | undefined, box: SecretBox): { json: string | null; sealed: Buffer | null } {
  if (!replay) return { json: null, sealed: null };
  const { headers, sealed } = sealHeaders(replay.request.headers, box);
  return { json: JSON.stringify({ ...replay, request: { ...replay.request, headers } }), sealed };
}

function toEvent(row: EventRow, box: SecretBox): FiredEvent {
  return {
    id: row.id,
    vendor: row.vendor as FiredEvent['vendor'],
    entity: row.entity,
    eventName: row.event_name,
    activity: row.activity,
    entityId: row.entity_id,
    requestId: row.request_id,
    opTime: row.op_time,
    origin: row.origin as FiredEvent['origin'],
    previousState: fromJsonColumn(row.previous_state),
    currentState: fromJsonColumn(row.current_state),
    createdAt: row.created_at,
    ...(row.replay === null ? {} : { replay: toReplay(row.replay, row.replay_headers_sealed, box) }),
  };
}

function toDelivery(row: DeliveryRow): DeliverySummary {
  return {
    id: row.id,
    eventId: row.event_id,
    webhookId: row.webhook_id,
    webhookName: row.webhook_name,
    eventName: row.event_name,
    activity: row.activity,
    endpointUrl: row.endpoint_url,
    status: row.status,
    attemptCount: row.attempt_count,
    nextAttemptAt: row.next_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toAttempt(row: AttemptRow, box: SecretBox): Attempt {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    number: row.number,
    round: row.round,
    roundTrigger: row.round_trigger,
    scheduledAt: row.scheduled_at,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    request: {
      method: row.request_method,
      url: row.request_url,
      headers: openHeaders(JSON.parse(row.request_headers) as AttemptRequest['headers'], row.request_headers_sealed, box),
      body: row.request_body,
    },
    response:
      row.response_status === null
        ? null
        : {
            status: row.response_status,
            headers: openHeaders(fromJsonColumn<AttemptResponse['headers']>(row.response_headers) ?? {}, row.response_headers_sealed, box),
            body: row.response_body ?? '',
            bodyBytes: row.response_body_bytes ?? Buffer.byteLength(row.response_body ?? ''),
            bodyTruncated: row.response_body_truncated === 1,
          },
    error: row.error,
    note: row.note,
    tokenExchange: fromJsonColumn<TokenExchange>(row.token_exchange),
  };
}

/** The round of tries a delivery is in: what started it, and the attempt number that opened it. */
export interface DeliveryRound {
  number: number;
  trigger: AttemptRoundTrigger;
  firstAttempt: number;
}

/** What the dispatcher needs to make one try. */
export interface ClaimedDelivery {
  delivery: DeliverySummary;
  /** The endpoint's origin, as the claim counted it (see OriginRoom). */
  origin: string;
  event: FiredEvent;
  round: DeliveryRound;
}

export interface AttemptRecord {
  deliveryId: string;
  number: number;
  round: number;
  roundTrigger: AttemptRoundTrigger;
  scheduledAt: number;
  startedAt: number;
  durationMs: number;
  request: AttemptRequest;
  response: AttemptResponse | null;
  error: string | null;
  note: string | null;
  /** Masked before it gets here (see token-exchange.ts): it holds no secret, so it is stored plain. */
  tokenExchange: TokenExchange | null;
}

/** Where a delivery goes: a webhook, or (an exact replay to a URL) no webhook, id ''. */
export type DeliveryTarget = Pick<Webhook, 'id' | 'name' | 'endpointUrl'>;

/** An attempt with the event it delivered (the source of a replay). */
export interface AttemptWithEvent {
  attempt: Attempt;
  event: FiredEvent;
}

/** Just enough of a delivery for a bulk operation to decide on it. */
export interface DeliveryState {
  rowid: number;
  id: string;
  status: DeliveryStatus;
}

/** How many more tries each endpoint origin may start now (the dispatcher's OriginSlots). */
export interface OriginRoom {
  /** Origins with no room: a claim passes over their deliveries. */
  full(): string[];
  roomAt(origin: string): number;
}

export interface DeliveryOutcome {
  status: DeliveryStatus;
  nextAttemptAt: number | null;
}

/**
 * How many of the last fired events are kept in memory for the dispatcher's claims and attempts.
 * Beyond a backlog this long, they read their events back from the table.
 */
const FIRED_EVENTS_KEPT = 1024;

/** Events, their deliveries and the deliveries' attempts: the outbox. */
export class DeliveryRepository {
  private readonly db: Db;
  /** Seals the credential headers of attempts and replays (see sealed-headers.ts). */
  private readonly box: SecretBox;
  /**
   * The last events written with deliveries, oldest first. Events never change once written, and
   * reading one back and parsing its states cost about as much as the rest of a claim. An event
   * whose write is rolled back may stay here, unused: claims start from delivery rows.
   */
  private readonly firedEvents = new Map<string, FiredEvent>();

  constructor(db: Db, box: SecretBox) {
    this.db = db;
    this.box = box;
  }

  /** The event and every delivery it causes are written together, or not at all. */
  /** The event, a delivery per target and the subscribed webhooks it skipped, all in one transaction. */
  insertEventWithDeliveries(event: FiredEvent, webhooks: DeliveryTarget[], now: number, skipped: readonly SkippedWebhook[] = []): DeliverySummary[] {
    const insertEvent = prepared(
      this.db,
      `INSERT INTO events (id, vendor, entity, event_name, activity, entity_id, request_id, op_time, origin, previous_state, current_state, created_at,
         replay_of, replay, replay_headers_sealed)
       VALUES (@id, @vendor, @entity, @eventName, @activity, @entityId, @requestId, @opTime, @origin, @previousState, @currentState, @createdAt,
         @replayOf, @replay, @replaySealed)`,
    );
    const insertDelivery = prepared(
      this.db,
      `INSERT INTO deliveries (id, event_id, webhook_id, webhook_name, endpoint_url, endpoint_origin, status, attempt_count, next_attempt_at,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    );
    const deliveries = webhooks.map(
      (webhook): DeliverySummary => ({
        id: newRowId(),
        eventId: event.id,
        webhookId: webhook.id,
        webhookName: webhook.name,
        eventName: event.eventName,
        activity: event.activity,
        endpointUrl: webhook.endpointUrl,
        status: 'pending',
        attemptCount: 0,
        nextAttemptAt: now,
        lastStatusCode: null,
        lastError: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const replay = storedReplay(event.replay, this.box);
    atomically(this.db, () => {
      insertEvent.run({
        ...event,
        previousState: event.previousState ? entityStateJson(event.previousState) : null,
        currentState: event.currentState ? entityStateJson(event.currentState) : null,
        replayOf: event.replay?.source.id ?? null,
        replay: replay.json,
        replaySealed: replay.sealed,
      });
      for (const delivery of deliveries) {
        const origin = originOf(delivery.endpointUrl);
        insertDelivery.run(delivery.id, event.id, delivery.webhookId, delivery.webhookName, delivery.endpointUrl, origin, now, now, now);
      }
      if (skipped.length > 0) this.insertSkips(event.id, skipped);
    });
    if (deliveries.length > 0) this.keepFiredEvent(event);
    return deliveries;
  }

  private insertSkips(eventId: string, skipped: readonly SkippedWebhook[]): void {
    const insert = prepared(this.db, 'INSERT INTO event_skips (event_id, position, webhook_id, webhook_name, reason, condition) VALUES (?, ?, ?, ?, ?, ?)');
    skipped.forEach((skip, position) => insert.run(eventId, position, skip.webhookId, skip.webhookName, skip.reason, toJsonColumn(skip.condition)));
  }

  /** The webhooks subscribed to an event that got no delivery, and why, in the order they were checked. */
  listSkipped(eventId: string): SkippedWebhook[] {
    const rows = prepared(this.db, 'SELECT webhook_id, webhook_name, reason, condition FROM event_skips WHERE event_id = ? ORDER BY position').all(eventId) as {
      webhook_id: string;
      webhook_name: string;
      reason: SkipReason;
      condition: string | null;
    }[];
    return rows.map((row) => {
      const condition = fromJsonColumn<SkippedWebhook['condition']>(row.condition);
      return { webhookId: row.webhook_id, webhookName: row.webhook_name, reason: row.reason, ...(condition ? { condition } : {}) };
    });
  }

  /** Every delivery of one event, oldest first. */
  listEventDeliveries(eventId: string): DeliverySummary[] {
    const rows = prepared(this.db, `${DELIVERY_SELECT} WHERE d.event_id = ? ORDER BY d.created_at, d.id`).all(eventId) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  /** What DELIVERY_SELECT's join adds, for a delivery read without it. */
  private eventNames(eventId: string): Pick<DeliveryRow, EventNameColumns> {
    const fired = this.firedEvents.get(eventId);
    if (fired) return { event_name: fired.eventName, activity: fired.activity };
    return prepared(this.db, 'SELECT event_name, activity FROM events WHERE id = ?').get(eventId) as Pick<DeliveryRow, EventNameColumns>;
  }

  private keepFiredEvent(event: FiredEvent): void {
    this.firedEvents.set(event.id, event);
    if (this.firedEvents.size > FIRED_EVENTS_KEPT) this.firedEvents.delete(this.firedEvents.keys().next().value!);
  }

  /**
   * Marks due deliveries in progress and hands them out in due order, at most `limit`, and no
   * more to an origin than `room` allows; a delivery is claimed once. Deliveries of full origins
   * stay due and unclaimed, and those of other origins behind them are claimed.
   *
   * Each read asks for what is still wanted, leaving out the origins known to be full. A read
   * either fills the claim, runs out of due deliveries, or meets an origin that just became full,
   * which the next read leaves out: so there are at most as many reads as origins filled, and one
   * when none is (the usual case, as cheap as a plain read in due order).
   */
  claimDue(now: number, limit: number, room: OriginRoom): ClaimedDelivery[] {
    return atomically(this.db, () => {
      const due = prepared(
        this.db,
        `${DUE_DELIVERY_SELECT}
         WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_at <= ?
           AND d.endpoint_origin NOT IN (SELECT value FROM json_each(?))
         ORDER BY d.next_attempt_at, d.created_at LIMIT ?`,
      );
      const claim = prepared(this.db, `UPDATE deliveries SET status = 'in_progress', updated_at = ? WHERE id = ? AND status IN ('pending', 'retrying')`);
      const full = new Set(room.full());
      const taken = new Map<string, number>();
      const claimed: ClaimedDelivery[] = [];
      for (let read = true; read && claimed.length < limit; ) {
        const wanted = limit - claimed.length;
        const rows = due.all(now, JSON.stringify([...full]), wanted) as DeliveryRow[];
        read = rows.length === wanted;
        for (const row of rows) {
          const origin = row.endpoint_origin;
          const count = taken.get(origin) ?? 0;
          if (full.has(origin) || count >= room.roomAt(origin)) {
            full.add(origin);
            continue;
          }
          taken.set(origin, count + 1);
          claim.run(now, row.id);
          claimed.push({
            delivery: { ...toDelivery(row), status: 'in_progress' as const, updatedAt: now },
            origin,
            event: this.firedEvents.get(row.event_id) ?? this.getEvent(row.event_id)!,
            round: { number: row.round, trigger: row.round_trigger, firstAttempt: row.round_first_attempt },
          });
        }
      }
      return claimed;
    });
  }

  /** Appends the attempt and moves the delivery to its next state in one transaction. */
  recordAttempt(record: AttemptRecord, outcome: DeliveryOutcome, now: number): DeliverySummary {
    const request = sealHeaders(record.request.headers, this.box);
    const response = record.response ? sealHeaders(record.response.headers, this.box) : null;
    return atomically(this.db, () => {
      prepared(
        this.db,
        `INSERT INTO attempts (id, delivery_id, number, round, round_trigger, scheduled_at, started_at, duration_ms, request_method,
             request_url, request_headers, request_headers_sealed, request_body, response_status, response_headers, response_headers_sealed,
             response_body, response_body_bytes, response_body_truncated, error, note, token_exchange)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        newRowId(),
        record.deliveryId,
        record.number,
        record.round,
        record.roundTrigger,
        record.scheduledAt,
        record.startedAt,
        record.durationMs,
        record.request.method,
        record.request.url,
        JSON.stringify(request.headers),
        request.sealed,
        record.request.body,
        record.response?.status ?? null,
        toJsonColumn(response?.headers ?? null),
        response?.sealed ?? null,
        record.response?.body ?? null,
        record.response?.bodyBytes ?? null,
        record.response?.bodyTruncated ? 1 : 0,
        record.error,
        record.note,
        toJsonColumn(record.tokenExchange),
      );
      const row = prepared(
        this.db,
        `UPDATE deliveries SET status = ?, attempt_count = attempt_count + 1, next_attempt_at = ?,
             last_status_code = ?, last_error = ?, updated_at = ? WHERE id = ? RETURNING *`,
      ).get(outcome.status, outcome.nextAttemptAt, record.response?.status ?? null, record.error, now, record.deliveryId) as Omit<
        DeliveryRow,
        EventNameColumns
      >;
      return toDelivery({ ...row, ...this.eventNames(row.event_id) });
    });
  }

  /** After a crash, tries that were in flight never finished: they are due again. */
  requeueInterrupted(now: number): number {
    return prepared(this.db, `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, updated_at = ? WHERE status = 'in_progress'`).run(now, now)
      .changes;
  }

  /**
   * The engine clock was put back by `-shiftMs` (or on): deliveries still to be tried move with
   * it, so each keeps what was left of its wait.
   */
  shiftSchedule(shiftMs: number): number {
    return prepared(
      this.db,
      `UPDATE deliveries SET next_attempt_at = next_attempt_at + ? WHERE status IN ('pending', 'retrying') AND next_attempt_at IS NOT NULL`,
    ).run(shiftMs).changes;
  }

  /** When the next delivery falls due, leaving out those to the `fullOrigins` (none by default). */
  nextDueAt(fullOrigins: readonly string[] = []): number | null {
    const row = (
      fullOrigins.length === 0
        ? prepared(this.db, `SELECT min(next_attempt_at) AS due FROM deliveries ${DUE_QUEUE} WHERE status IN ('pending', 'retrying')`).get()
        : prepared(
            this.db,
            `SELECT min(next_attempt_at) AS due FROM deliveries ${DUE_QUEUE}
             WHERE status IN ('pending', 'retrying') AND endpoint_origin NOT IN (SELECT value FROM json_each(?))`,
          ).get(JSON.stringify(fullOrigins))
    ) as { due: number | null };
    return row.due;
  }

  getEvent(id: string): FiredEvent | null {
    const row = prepared(this.db, 'SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
    return row ? toEvent(row, this.box) : null;
  }

  getDelivery(id: string): DeliverySummary | null {
    const row = prepared(this.db, `${DELIVERY_SELECT} WHERE d.id = ?`).get(id) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  }

  /** One page of the deliveries a search matches, newest first, and how many match in all. */
  listDeliveries({ match, offset, limit }: DeliveryQuery): DeliveryPage {
    const page = searchPageSql(match, limit, offset);
    const rows = prepared(this.db, page.sql).all(...page.params) as DeliveryRow[];
    const count = searchCountSql(match);
    const { n } = prepared(this.db, count.sql).get(...count.params) as { n: number };
    return { deliveries: rows.map(toDelivery), total: n, offset };
  }

  /** Every delivery the match covers now, as rowids (a bulk operation's snapshot of its selection). */
  rowidsMatching(match: DeliveryMatch): number[] {
    const { where, params } = matchSql(match);
    const rows = prepared(this.db, `SELECT rowid FROM deliveries ${whereClause(where)}`).all(...params) as {
      rowid: number;
    }[];
    return rows.map((row) => row.rowid);
  }

  /** Those of `ids` that exist, with their status (a bulk operation's chunk). */
  statesOf(ids: readonly string[]): DeliveryState[] {
    return prepared(this.db, 'SELECT rowid, id, status FROM deliveries WHERE id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(ids),
    ) as DeliveryState[];
  }

  statesAt(rowids: readonly number[]): DeliveryState[] {
    return prepared(this.db, 'SELECT rowid, id, status FROM deliveries WHERE rowid IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(rowids),
    ) as DeliveryState[];
  }

  // The updates below find their rows by rowid (the table's own key, no index to go through) and
  // check the status with `+status`, which keeps SQLite from reading every delivery in that status
  // through deliveries_status_created and testing it against the list instead.

  /**
   * Those at `rowids` whose status is one of `from` start a new round of tries, due now; the
   * attempt count goes on, so the round knows which attempt opened it. Returns the rowids changed.
   */
  startRound(rowids: readonly number[], from: readonly DeliveryStatus[], trigger: AttemptRoundTrigger, now: number): number[] {
    const rows = prepared(
      this.db,
      `UPDATE deliveries SET status = 'pending', next_attempt_at = @now, round = round + 1, round_trigger = @trigger,
           round_first_attempt = attempt_count + 1, updated_at = @now
         WHERE rowid IN (SELECT value FROM json_each(@rowids)) AND +status IN (SELECT value FROM json_each(@from))
         RETURNING rowid`,
    ).all({ rowids: JSON.stringify(rowids), from: JSON.stringify(from), trigger, now }) as { rowid: number }[];
    return rows.map((row) => row.rowid);
  }

  /** Failed deliveries among `rowids` become marked_successful: out of the failure queue, nothing sent. */
  markSuccessful(rowids: readonly number[], now: number): number[] {
    const rows = prepared(
      this.db,
      `UPDATE deliveries SET status = 'marked_successful', next_attempt_at = NULL, updated_at = ?
         WHERE rowid IN (SELECT value FROM json_each(?)) AND +status = 'failed'
         RETURNING rowid`,
    ).all(now, JSON.stringify(rowids)) as { rowid: number }[];
    return rows.map((row) => row.rowid);
  }

  deliveriesAt(rowids: readonly number[]): DeliverySummary[] {
    const rows = prepared(this.db, `${DELIVERY_SELECT} WHERE d.rowid IN (SELECT value FROM json_each(?)) ORDER BY d.rowid`).all(
      JSON.stringify(rowids),
    ) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  getAttempt(id: string): AttemptWithEvent | null {
    const row = prepared(this.db, 'SELECT a.*, d.event_id FROM attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE a.id = ?').get(id) as
      | (AttemptRow & { event_id: string })
      | undefined;
    return row ? { attempt: toAttempt(row, this.box), event: this.getEvent(row.event_id)! } : null;
  }

  listAttempts(deliveryId: string): Attempt[] {
    const rows = prepared(this.db, 'SELECT * FROM attempts WHERE delivery_id = ? ORDER BY number').all(deliveryId) as AttemptRow[];
    return rows.map((row) => toAttempt(row, this.box));
  }
}

import { randomUUID } from 'node:crypto';
import { prepared } from './statement-cache.ts';
import type {
  Attempt,
  AttemptRequest,
  AttemptResponse,
  DeliveryQuery,
  DeliveryStatus,
  DeliverySummary,
} from '../../src-shared/domain/delivery.ts';
import type { FiredEvent } from '../../src-shared/domain/event.ts';
import type { Webhook } from '../../src-shared/domain/webhook.ts';
import type { Db } from './database.ts';
import { fromJsonColumn, toJsonColumn } from './json-column.ts';

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
}

interface DeliveryRow {
  id: string;
  event_id: string;
  webhook_id: string;
  webhook_name: string;
  endpoint_url: string;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  event_name: string;
  activity: string;
}

interface AttemptRow {
  id: string;
  delivery_id: string;
  number: number;
  scheduled_at: number;
  started_at: number;
  duration_ms: number;
  request_method: string;
  request_url: string;
  request_headers: string;
  request_body: string;
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
  error: string | null;
}

const DELIVERY_SELECT = `
  SELECT d.*, e.event_name, e.activity FROM deliveries d JOIN events e ON e.id = d.event_id`;

function toEvent(row: EventRow): FiredEvent {
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

function toAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    number: row.number,
    scheduledAt: row.scheduled_at,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    request: {
      method: row.request_method,
      url: row.request_url,
      headers: JSON.parse(row.request_headers) as AttemptRequest['headers'],
      body: row.request_body,
    },
    response:
      row.response_status === null
        ? null
        : {
            status: row.response_status,
            headers: fromJsonColumn<AttemptResponse['headers']>(row.response_headers) ?? {},
            body: row.response_body ?? '',
          },
    error: row.error,
  };
}

/** What the dispatcher needs to make one try. */
export interface ClaimedDelivery {
  delivery: DeliverySummary;
  event: FiredEvent;
}

export interface AttemptRecord {
  deliveryId: string;
  number: number;
  scheduledAt: number;
  startedAt: number;
  durationMs: number;
  request: AttemptRequest;
  response: AttemptResponse | null;
  error: string | null;
}

export interface DeliveryOutcome {
  status: DeliveryStatus;
  nextAttemptAt: number | null;
}

/** Events, their deliveries and the deliveries' attempts: the outbox. */
export class DeliveryRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** The event and every delivery it causes are written together, or not at all. */
  insertEventWithDeliveries(event: FiredEvent, webhooks: Webhook[], now: number): DeliverySummary[] {
    const insertEvent = prepared(
      this.db,
      `INSERT INTO events (id, vendor, entity, event_name, activity, entity_id, request_id, op_time, origin, previous_state, current_state, created_at)
       VALUES (@id, @vendor, @entity, @eventName, @activity, @entityId, @requestId, @opTime, @origin, @previousState, @currentState, @createdAt)`,
    );
    const insertDelivery = prepared(
      this.db,
      `INSERT INTO deliveries (id, event_id, webhook_id, webhook_name, endpoint_url, status, attempt_count, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    );
    const ids: string[] = [];
    this.db.transaction(() => {
      insertEvent.run({
        ...event,
        previousState: toJsonColumn(event.previousState),
        currentState: toJsonColumn(event.currentState),
      });
      for (const webhook of webhooks) {
        const id = randomUUID();
        ids.push(id);
        insertDelivery.run(id, event.id, webhook.id, webhook.name, webhook.endpointUrl, now, now, now);
      }
    })();
    return ids.map((id) => this.getDelivery(id)!);
  }

  /** Marks due deliveries in progress and hands them out; a delivery is claimed once. */
  claimDue(now: number, limit: number): ClaimedDelivery[] {
    return this.db.transaction(() => {
      const rows = prepared(
          this.db,
          `${DELIVERY_SELECT}
           WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_at <= ?
           ORDER BY d.next_attempt_at, d.created_at LIMIT ?`,
        )
        .all(now, limit) as DeliveryRow[];
      const claim = prepared(
        this.db,
        `UPDATE deliveries SET status = 'in_progress', updated_at = ? WHERE id = ? AND status IN ('pending', 'retrying')`,
      );
      return rows.map((row) => {
        claim.run(now, row.id);
        return {
          delivery: { ...toDelivery(row), status: 'in_progress' as const, updatedAt: now },
          event: this.getEvent(row.event_id)!,
        };
      });
    })();
  }

  /** Appends the attempt and moves the delivery to its next state in one transaction. */
  recordAttempt(record: AttemptRecord, outcome: DeliveryOutcome, now: number): DeliverySummary {
    this.db.transaction(() => {
      prepared(
          this.db,
          `INSERT INTO attempts (id, delivery_id, number, scheduled_at, started_at, duration_ms, request_method, request_url,
             request_headers, request_body, response_status, response_headers, response_body, error)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          randomUUID(),
          record.deliveryId,
          record.number,
          record.scheduledAt,
          record.startedAt,
          record.durationMs,
          record.request.method,
          record.request.url,
          JSON.stringify(record.request.headers),
          record.request.body,
          record.response?.status ?? null,
          toJsonColumn(record.response?.headers ?? null),
          record.response?.body ?? null,
          record.error,
        );
      prepared(
          this.db,
          `UPDATE deliveries SET status = ?, attempt_count = attempt_count + 1, next_attempt_at = ?,
             last_status_code = ?, last_error = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          outcome.status,
          outcome.nextAttemptAt,
          record.response?.status ?? null,
          record.error,
          now,
          record.deliveryId,
        );
    })();
    return this.getDelivery(record.deliveryId)!;
  }

  /** After a crash, tries that were in flight never finished: they are due again. */
  requeueInterrupted(now: number): number {
    return prepared(this.db, `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, updated_at = ? WHERE status = 'in_progress'`)
      .run(now, now).changes;
  }

  nextDueAt(): number | null {
    const row = prepared(this.db, `SELECT min(next_attempt_at) AS due FROM deliveries WHERE status IN ('pending', 'retrying')`)
      .get() as { due: number | null };
    return row.due;
  }

  getEvent(id: string): FiredEvent | null {
    const row = prepared(this.db, 'SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
    return row ? toEvent(row) : null;
  }

  getDelivery(id: string): DeliverySummary | null {
    const row = prepared(this.db, `${DELIVERY_SELECT} WHERE d.id = ?`).get(id) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  }

  listDeliveries(filter: DeliveryQuery): DeliverySummary[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.webhookId) {
      where.push('d.webhook_id = ?');
      params.push(filter.webhookId);
    }
    if (filter.eventId) {
      where.push('d.event_id = ?');
      params.push(filter.eventId);
    }
    if (filter.status) {
      where.push('d.status = ?');
      params.push(filter.status);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = prepared(this.db, `${DELIVERY_SELECT} ${clause} ORDER BY d.created_at DESC, d.rowid DESC LIMIT ?`)
      .all(...params, filter.limit) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  listAttempts(deliveryId: string): Attempt[] {
    const rows = prepared(this.db, 'SELECT * FROM attempts WHERE delivery_id = ? ORDER BY number')
      .all(deliveryId) as AttemptRow[];
    return rows.map(toAttempt);
  }
}

import { randomUUID } from 'node:crypto';
import { prepared } from './statement-cache.ts';
import { atomically } from './atomically.ts';
import { originOf } from '../../src-shared/domain/http-url.ts';
import type { Webhook, WebhookDraft } from '../../src-shared/domain/webhook.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { RetryPolicy } from '../../src-shared/domain/retry-policy.ts';
import type { Db } from './database.ts';
import { fromJsonColumn, toJsonColumn } from './json-column.ts';
import type { SigningSecretSummary } from '../../src-shared/domain/webhook-signing.ts';

interface WebhookRow {
  id: string;
  vendor: string;
  name: string;
  events: string;
  endpoint_url: string;
  auth_profile_id: string | null;
  activities: string;
  include_data: number;
  enabled: number;
  description: string;
  trigger_condition: string;
  retry_policy: string | null;
  vendor_options: string;
  timeout_ms: number;
  signing_secrets: string;
  created_at: number;
  updated_at: number;
}

/** Webhook columns with the summaries of its signing secrets (oldest first) as a JSON array. */
const WEBHOOK_COLUMNS = `w.*, (
  SELECT json_group_array(json_object('id', s.id, 'hint', s.hint, 'createdAt', s.created_at))
  FROM (SELECT * FROM webhook_signing_secrets WHERE webhook_id = w.id ORDER BY created_at, rowid) s
) AS signing_secrets`;

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    vendor: row.vendor as VendorId,
    name: row.name,
    events: JSON.parse(row.events) as string[],
    endpointUrl: row.endpoint_url,
    authProfileId: row.auth_profile_id,
    activities: JSON.parse(row.activities) as string[],
    includeData: row.include_data === 1,
    enabled: row.enabled === 1,
    description: row.description,
    condition: row.trigger_condition,
    retryPolicy: fromJsonColumn<RetryPolicy>(row.retry_policy),
    vendorOptions: JSON.parse(row.vendor_options) as Record<string, string>,
    timeoutMs: row.timeout_ms,
    signingSecrets: JSON.parse(row.signing_secrets) as SigningSecretSummary[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toParams(draft: WebhookDraft) {
  return {
    vendor: draft.vendor,
    name: draft.name,
    events: JSON.stringify(draft.events),
    endpoint_url: draft.endpointUrl,
    auth_profile_id: draft.authProfileId,
    activities: JSON.stringify(draft.activities),
    include_data: draft.includeData ? 1 : 0,
    enabled: draft.enabled ? 1 : 0,
    description: draft.description,
    trigger_condition: draft.condition,
    retry_policy: toJsonColumn(draft.retryPolicy),
    vendor_options: JSON.stringify(draft.vendorOptions),
    timeout_ms: draft.timeoutMs,
  };
}

export class WebhookRepository {
  private readonly db: Db;
  /**
   * listSubscribedToEvent by vendor and event name. Every event fired asks, webhooks rarely change,
   * and every change goes through this class (one engine per data directory), which empties it.
   */
  private readonly subscribers = new Map<string, Webhook[]>();

  constructor(db: Db) {
    this.db = db;
  }

  list(): Webhook[] {
    const rows = prepared(this.db, `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w ORDER BY created_at, name`).all() as WebhookRow[];
    return rows.map(toWebhook);
  }

  get(id: string): Webhook | null {
    const row = prepared(this.db, `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE id = ?`).get(id) as WebhookRow | undefined;
    return row ? toWebhook(row) : null;
  }

  findByName(name: string): Webhook | null {
    const row = prepared(this.db, `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE name = ?`).get(name) as WebhookRow | undefined;
    return row ? toWebhook(row) : null;
  }

  insert(draft: WebhookDraft, now: number): Webhook {
    const id = randomUUID();
    prepared(
      this.db,
      `INSERT INTO webhooks (id, vendor, name, events, endpoint_url, auth_profile_id, activities, include_data, enabled, description,
           trigger_condition, retry_policy, vendor_options, timeout_ms, created_at, updated_at)
         VALUES (@id, @vendor, @name, @events, @endpoint_url, @auth_profile_id, @activities, @include_data, @enabled, @description,
           @trigger_condition, @retry_policy, @vendor_options, @timeout_ms, @now, @now)`,
    ).run({ id, now, ...toParams(draft) });
    this.subscribers.clear();
    return this.get(id)!;
  }

  update(id: string, draft: WebhookDraft, now: number): Webhook | null {
    const changed = atomically(this.db, () => {
      const result = prepared(
        this.db,
        `UPDATE webhooks SET vendor = @vendor, name = @name, events = @events, endpoint_url = @endpoint_url,
             auth_profile_id = @auth_profile_id, activities = @activities, include_data = @include_data,
             enabled = @enabled, description = @description, trigger_condition = @trigger_condition,
             retry_policy = @retry_policy, vendor_options = @vendor_options, timeout_ms = @timeout_ms, updated_at = @now
           WHERE id = @id`,
      ).run({ id, now, ...toParams(draft) });
      // A try goes to the webhook's URL as it is then: deliveries still waiting follow it, so the
      // inspector and the per-origin bound speak of the endpoint they will reach.
      prepared(
        this.db,
        `UPDATE deliveries SET endpoint_url = ?, endpoint_origin = ?
         WHERE webhook_id = ? AND status IN ('pending', 'retrying') AND endpoint_url <> ?`,
      ).run(draft.endpointUrl, originOf(draft.endpointUrl), id, draft.endpointUrl);
      return result.changes > 0;
    });
    this.subscribers.clear();
    return changed ? this.get(id) : null;
  }

  delete(id: string): boolean {
    this.subscribers.clear();
    return prepared(this.db, 'DELETE FROM webhooks WHERE id = ?').run(id).changes > 0;
  }

  /**
   * Webhooks subscribed to the event, enabled or not (firing says why a disabled one got nothing);
   * the matcher applies the rest. Read-only: the same array is handed out until a webhook changes.
   */
  listSubscribedToEvent(vendor: VendorId, eventName: string): readonly Webhook[] {
    const key = JSON.stringify([vendor, eventName]);
    let webhooks = this.subscribers.get(key);
    if (!webhooks) {
      const rows = prepared(
        this.db,
        `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w, json_each(w.events) e
           WHERE w.vendor = ? AND e.value = ? ORDER BY w.created_at`,
      ).all(vendor, eventName) as WebhookRow[];
      webhooks = rows.map(toWebhook);
      this.subscribers.set(key, webhooks);
    }
    return webhooks;
  }

  /** Adds a secret that signs from now on, beside any the webhook already has (rotation). */
  addSigningSecret(webhookId: string, sealedSecret: Buffer, hint: string, now: number): void {
    prepared(this.db, 'INSERT INTO webhook_signing_secrets (id, webhook_id, secret, hint, created_at) VALUES (?, ?, ?, ?, ?)').run(
      randomUUID(),
      webhookId,
      sealedSecret,
      hint,
      now,
    );
    this.subscribers.clear();
  }

  removeSigningSecret(webhookId: string, secretId: string): boolean {
    this.subscribers.clear();
    return prepared(this.db, 'DELETE FROM webhook_signing_secrets WHERE webhook_id = ? AND id = ?').run(webhookId, secretId).changes > 0;
  }

  /** The sealed secrets that sign the webhook's requests; only the signing step opens them. */
  sealedSigningSecrets(webhookId: string): Buffer[] {
    const rows = prepared(this.db, 'SELECT secret FROM webhook_signing_secrets WHERE webhook_id = ? ORDER BY created_at, rowid').all(webhookId) as {
      secret: Buffer;
    }[];
    return rows.map((row) => row.secret);
  }

  countUsingAuthProfile(authProfileId: string): number {
    const row = prepared(this.db, 'SELECT count(*) AS n FROM webhooks WHERE auth_profile_id = ?').get(authProfileId) as {
      n: number;
    };
    return row.n;
  }
}

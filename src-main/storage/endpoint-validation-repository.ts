import type { Db } from './database.ts';
import { prepared } from './statement-cache.ts';

/** An endpoint's consent, from its answer to the validation handshake. */
export interface EndpointConsent {
  endpointUrl: string;
  origin: string;
  /** WebHook-Allowed-Origin as answered: the origin itself, or `*`. */
  allowedOrigin: string;
  /** WebHook-Allowed-Rate as answered (requests per minute, or `*`); null when absent. */
  allowedRate: string | null;
  validatedAt: number;
}

interface ConsentRow {
  endpoint_url: string;
  origin: string;
  allowed_origin: string;
  allowed_rate: string | null;
  validated_at: number;
}

/** The endpoints that agreed to deliveries (CloudEvents webhook spec §4), per sending origin. */
export class EndpointValidationRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  get(endpointUrl: string, origin: string): EndpointConsent | null {
    const row = prepared(this.db, 'SELECT * FROM endpoint_validations WHERE endpoint_url = ? AND origin = ?').get(endpointUrl, origin) as
      | ConsentRow
      | undefined;
    return row
      ? { endpointUrl: row.endpoint_url, origin: row.origin, allowedOrigin: row.allowed_origin, allowedRate: row.allowed_rate, validatedAt: row.validated_at }
      : null;
  }

  save(consent: EndpointConsent): void {
    prepared(
      this.db,
      `INSERT INTO endpoint_validations (endpoint_url, origin, allowed_origin, allowed_rate, validated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(endpoint_url, origin) DO UPDATE SET
         allowed_origin = excluded.allowed_origin, allowed_rate = excluded.allowed_rate, validated_at = excluded.validated_at`,
    ).run(consent.endpointUrl, consent.origin, consent.allowedOrigin, consent.allowedRate, consent.validatedAt);
  }
}

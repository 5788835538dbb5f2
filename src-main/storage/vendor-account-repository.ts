import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { Db } from './database.ts';
import { prepared } from './statement-cache.ts';

interface VendorAccountRow {
  vendor: VendorId;
  settings: string;
  auth_profile_id: string | null;
  private_key: Buffer | null;
  public_key_pem: string | null;
  key_created_at: number | null;
  updated_at: number;
}

/** A vendor account as stored: the private key still sealed. */
export interface StoredVendorAccount {
  vendor: VendorId;
  settings: Record<string, string>;
  authProfileId: string | null;
  sealedPrivateKey: Buffer | null;
  publicKeyPem: string | null;
  keyCreatedAt: number | null;
  updatedAt: number;
}

function toAccount(row: VendorAccountRow): StoredVendorAccount {
  return {
    vendor: row.vendor,
    settings: JSON.parse(row.settings) as Record<string, string>,
    authProfileId: row.auth_profile_id,
    sealedPrivateKey: row.private_key,
    publicKeyPem: row.public_key_pem,
    keyCreatedAt: row.key_created_at,
    updatedAt: row.updated_at,
  };
}

/** One row per vendor that has anything set; a vendor without a row has an empty account. */
export class VendorAccountRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  get(vendor: VendorId): StoredVendorAccount | null {
    const row = prepared(this.db, 'SELECT * FROM vendor_accounts WHERE vendor = ?').get(vendor) as VendorAccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  /** One statement per change: the row is made by its first setting. */
  private upsert(vendor: VendorId, columns: Record<string, unknown>, now: number): void {
    const names = Object.keys(columns);
    prepared(
      this.db,
      `INSERT INTO vendor_accounts (vendor, ${names.join(', ')}, updated_at) VALUES (@vendor, ${names.map((name) => `@${name}`).join(', ')}, @now)
       ON CONFLICT(vendor) DO UPDATE SET ${names.map((name) => `${name} = excluded.${name}`).join(', ')}, updated_at = excluded.updated_at`,
    ).run({ vendor, now, ...columns });
  }

  setSettings(vendor: VendorId, settings: Record<string, string>, now: number): void {
    this.upsert(vendor, { settings: JSON.stringify(settings) }, now);
  }

  setAuthProfile(vendor: VendorId, authProfileId: string | null, now: number): void {
    this.upsert(vendor, { auth_profile_id: authProfileId }, now);
  }

  setKeyPair(vendor: VendorId, sealedPrivateKey: Buffer, publicKeyPem: string, now: number): void {
    this.upsert(vendor, { private_key: sealedPrivateKey, public_key_pem: publicKeyPem, key_created_at: now }, now);
  }

  /** A public key without its private half (from a workspace file): it verifies, it cannot sign. */
  setPublicKey(vendor: VendorId, publicKeyPem: string, now: number): void {
    this.upsert(vendor, { private_key: null, public_key_pem: publicKeyPem, key_created_at: now }, now);
  }

  countUsingAuthProfile(authProfileId: string): number {
    return (prepared(this.db, 'SELECT count(*) AS n FROM vendor_accounts WHERE auth_profile_id = ?').get(authProfileId) as { n: number }).n;
  }
}

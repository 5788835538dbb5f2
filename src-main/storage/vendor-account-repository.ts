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

  private ensure(vendor: VendorId, now: number): void {
    prepared(this.db, 'INSERT INTO vendor_accounts (vendor, updated_at) VALUES (?, ?) ON CONFLICT(vendor) DO NOTHING').run(vendor, now);
  }

  setSettings(vendor: VendorId, settings: Record<string, string>, now: number): void {
    this.ensure(vendor, now);
    prepared(this.db, 'UPDATE vendor_accounts SET settings = ?, updated_at = ? WHERE vendor = ?').run(JSON.stringify(settings), now, vendor);
  }

  setAuthProfile(vendor: VendorId, authProfileId: string | null, now: number): void {
    this.ensure(vendor, now);
    prepared(this.db, 'UPDATE vendor_accounts SET auth_profile_id = ?, updated_at = ? WHERE vendor = ?').run(authProfileId, now, vendor);
  }

  setKeyPair(vendor: VendorId, sealedPrivateKey: Buffer, publicKeyPem: string, now: number): void {
    this.ensure(vendor, now);
    prepared(
      this.db,
      'UPDATE vendor_accounts SET private_key = ?, public_key_pem = ?, key_created_at = ?, updated_at = ? WHERE vendor = ?',
    ).run(sealedPrivateKey, publicKeyPem, now, now, vendor);
  }

  countUsingAuthProfile(authProfileId: string): number {
    return (prepared(this.db, 'SELECT count(*) AS n FROM vendor_accounts WHERE auth_profile_id = ?').get(authProfileId) as { n: number }).n;
  }
}

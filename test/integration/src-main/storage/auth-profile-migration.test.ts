import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/storage/database.ts';
import { migrations } from '../../../../src-main/storage/migrations.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

describe('migration 6 rebuilds auth_profiles to allow oauth2', () => {
  it('keeps profiles and the webhooks and vendor accounts that reference them; references stay enforced', () => {
    const file = join(tempDir(), 'hooklab.sqlite');
    const before = openDatabase(
      file,
      migrations.filter((migration) => migration.version <= 5),
    );
    before.prepare("INSERT INTO auth_profiles (id, name, kind, username, secret, created_at) VALUES ('p1', 'alice', 'basic', 'alice', x'01', 1)").run();
    before
      .prepare(
        `INSERT INTO webhooks (id, vendor, name, events, endpoint_url, auth_profile_id, activities, include_data, enabled, description, created_at, updated_at)
         VALUES ('w1', 'sentinel-ems', 'hook', '[]', 'http://127.0.0.1:1/', 'p1', '[]', 1, 1, '', 1, 1)`,
      )
      .run();
    before.prepare("INSERT INTO vendor_accounts (vendor, auth_profile_id, updated_at) VALUES ('flexnet', 'p1', 1)").run();
    before.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, name, kind, username, hex(secret) AS secret, oauth_settings FROM auth_profiles').all()).toEqual([
      { id: 'p1', name: 'alice', kind: 'basic', username: 'alice', secret: '01', oauth_settings: null },
    ]);
    expect(db.prepare("SELECT auth_profile_id FROM webhooks WHERE id = 'w1'").get()).toEqual({ auth_profile_id: 'p1' });
    expect(() => db.prepare("DELETE FROM auth_profiles WHERE id = 'p1'").run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("UPDATE vendor_accounts SET auth_profile_id = 'missing' WHERE vendor = 'flexnet'").run()).toThrow(/FOREIGN KEY constraint failed/);

    db.prepare("INSERT INTO auth_profiles (id, name, kind, oauth_settings, created_at) VALUES ('p2', 'tokens', 'oauth2', '{}', 2)").run();
    expect(() => db.prepare("INSERT INTO auth_profiles (id, name, kind, created_at) VALUES ('p3', 'x', 'digest', 3)").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});

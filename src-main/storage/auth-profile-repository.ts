import { randomUUID } from 'node:crypto';
import { prepared } from './statement-cache.ts';
import type { AuthProfile, AuthProfileKind, OAuthClientSettings } from '../../src-shared/domain/auth-profile.ts';
import type { Db } from './database.ts';
import { fromJsonColumn, toJsonColumn } from './json-column.ts';

interface AuthProfileRow {
  id: string;
  name: string;
  kind: AuthProfileKind;
  username: string | null;
  secret: Buffer | null;
  oauth_settings: string | null;
  created_at: number;
}

/** A stored profile with its secret still sealed; only the auth step opens it. */
export interface SealedAuthProfile extends AuthProfile {
  sealedSecret: Buffer | null;
}

function toProfile(row: AuthProfileRow): SealedAuthProfile {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    username: row.username,
    oauth: fromJsonColumn<OAuthClientSettings>(row.oauth_settings),
    hasSecret: row.secret !== null,
    createdAt: row.created_at,
    sealedSecret: row.secret,
  };
}

export function publicAuthProfile({ sealedSecret: _sealed, ...profile }: SealedAuthProfile): AuthProfile {
  return profile;
}

export interface NewAuthProfile {
  name: string;
  kind: AuthProfileKind;
  username: string | null;
  oauth: OAuthClientSettings | null;
  sealedSecret: Buffer | null;
}

export class AuthProfileRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  list(): SealedAuthProfile[] {
    return (prepared(this.db, 'SELECT * FROM auth_profiles ORDER BY created_at, name').all() as AuthProfileRow[]).map(toProfile);
  }

  get(id: string): SealedAuthProfile | null {
    const row = prepared(this.db, 'SELECT * FROM auth_profiles WHERE id = ?').get(id) as AuthProfileRow | undefined;
    return row ? toProfile(row) : null;
  }

  findByName(name: string): SealedAuthProfile | null {
    const row = prepared(this.db, 'SELECT * FROM auth_profiles WHERE name = ?').get(name) as AuthProfileRow | undefined;
    return row ? toProfile(row) : null;
  }

  insert(profile: NewAuthProfile, now: number): SealedAuthProfile {
    const id = randomUUID();
    prepared(this.db, 'INSERT INTO auth_profiles (id, name, kind, username, secret, oauth_settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      profile.name,
      profile.kind,
      profile.username,
      profile.sealedSecret,
      toJsonColumn(profile.oauth),
      now,
    );
    return this.get(id)!;
  }

  /** Changes a profile in place (its users stay linked); without a new secret it keeps its own if the kind stays. */
  update(id: string, profile: NewAuthProfile): void {
    prepared(
      this.db,
      `UPDATE auth_profiles SET name = @name, kind = @kind, username = @username, oauth_settings = @oauth,
         secret = COALESCE(@secret, CASE WHEN kind = @kind THEN secret END)
       WHERE id = @id`,
    ).run({ id, name: profile.name, kind: profile.kind, username: profile.username, oauth: toJsonColumn(profile.oauth), secret: profile.sealedSecret });
  }

  delete(id: string): boolean {
    return prepared(this.db, 'DELETE FROM auth_profiles WHERE id = ?').run(id).changes > 0;
  }
}

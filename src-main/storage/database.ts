import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { migrations, type Migration } from './migrations.ts';

export type Db = Database.Database;

export const DATABASE_FILE = 'hooklab.sqlite';

/** Made owner-only before SQLite creates it: SQLite gives its -wal and -shm files the database's mode. */
function createPrivately(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

export function openDatabase(file: string, list: readonly Migration[] = migrations): Db {
  createPrivately(file);
  const db = new Database(file);
  // Every delivery writes about 11 KB (event state, attempt and capture bodies) and SQLite writes
  // each WAL frame with its own system calls: 8 KiB pages halve those calls against the default
  // 4 KiB. Only a new file takes it (before WAL mode writes the header); existing ones keep theirs.
  db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Savepoints (every write inside a group commit is one) journal the pages they change; on
  // disk that journal costs more writes than the transaction itself.
  db.pragma('temp_store = MEMORY');
  migrate(db, list);
  return db;
}

function migrate(db: Db, list: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `This data directory was written by a newer Hooklab (schema ${current}, this one knows ${latest}). Upgrade Hooklab or use another --data directory.`,
    );
  }
  for (const migration of list) {
    if (migration.version <= current) continue;
    // The pragma is a no-op inside a transaction, so it is switched around it.
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.rebuildsTables) checkForeignKeys(db, migration);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
}

function checkForeignKeys(db: Db, migration: Migration): void {
  const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (broken.length > 0) {
    const where = broken.map(({ table, parent }) => `${table} → ${parent}`).join(', ');
    throw new Error(`Migration ${migration.version} (${migration.name}) would leave broken references: ${where}`);
  }
}

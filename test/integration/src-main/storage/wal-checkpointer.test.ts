import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../../../src-main/storage/database.ts';
import { startWalCheckpointer } from '../../../../src-main/storage/wal-checkpointer.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

const ROWS = 2_000;

describe('WAL checkpoints on a worker thread', () => {
  it('committed rows reach the database file itself while the engine connection never checkpoints', async () => {
    const dir = tempDir();
    const file = join(dir, 'engine.sqlite');
    const db = openDatabase(file, [{ version: 1, name: 'rows', sql: 'CREATE TABLE rows (body TEXT NOT NULL)' }]);
    const checkpointer = startWalCheckpointer(db);
    onTestFinished(async () => {
      await checkpointer.stop();
      db.close();
    });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
    db.transaction(() => {
      for (let n = 0; n < ROWS; n += 1) insert.run(`row ${n} `.padEnd(500, '.'));
    })();

    // The database file alone, without its WAL: what a checkpoint has copied into it so far.
    const rowsInDatabaseFile = () => {
      const copy = join(dir, 'copy.sqlite');
      copyFileSync(file, copy);
      const reader = new Database(copy, { readonly: true });
      try {
        return reader.prepare('SELECT count(*) FROM rows').pluck().get() as number;
      } finally {
        reader.close();
      }
    };
    await waitFor(() => rowsInDatabaseFile() === ROWS, 'the worker to checkpoint the committed rows into the database file');
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase, type Db } from '../../../../src-main/storage/database.ts';
import { GroupCommit } from '../../../../src-main/storage/group-commit.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

/** A real SQLite file with one table, and a second connection that sees only what was committed. */
function notesDatabase() {
  const file = join(tempDir(), 'notes.sqlite');
  const db = openDatabase(file, [{ version: 1, name: 'notes', sql: 'CREATE TABLE notes (text TEXT NOT NULL UNIQUE)' }]);
  const observer = new Database(file, { readonly: true });
  onTestFinished(() => {
    observer.close();
    if (db.open) db.close();
  });
  const committed = () => observer.prepare('SELECT text FROM notes ORDER BY rowid').pluck().all() as string[];
  return { db, committed };
}

const addNote = (db: Db, text: string) => () => db.prepare('INSERT INTO notes (text) VALUES (?)').run(text).changes;

describe('group commit: writes asked for together share one commit, each still atomic and acknowledged only when on disk', () => {
  it('every write resolves with its own result, after the shared commit made it visible to other connections', async () => {
    const { db, committed } = notesDatabase();
    const commits = new GroupCommit(db);
    const seenOnResolve: string[][] = [];
    const writes = ['first', 'second', 'third'].map((text) =>
      commits.run(addNote(db, text)).then((changes) => {
        seenOnResolve.push(committed());
        return changes;
      }),
    );
    // Nothing is written before the batch commits.
    expect(committed()).toEqual([]);
    expect(await Promise.all(writes)).toEqual([1, 1, 1]);
    for (const seen of seenOnResolve) expect(seen).toEqual(['first', 'second', 'third']);
  });

  it('a write that throws is undone alone and only its caller sees the error; the others are committed', async () => {
    const { db, committed } = notesDatabase();
    const commits = new GroupCommit(db);
    const before = commits.run(addNote(db, 'kept before'));
    const failing = commits.run(() => {
      addNote(db, 'half-written')();
      return addNote(db, 'kept before')(); // UNIQUE violation: the whole write is rolled back
    });
    const after = commits.run(addNote(db, 'kept after'));
    await expect(failing).rejects.toThrow(/UNIQUE constraint failed: notes.text/);
    expect(await before).toBe(1);
    expect(await after).toBe(1);
    expect(committed()).toEqual(['kept before', 'kept after']);
  });

  it('a write still queued when the database closes is rejected, not dropped silently', async () => {
    const { db, committed } = notesDatabase();
    const commits = new GroupCommit(db);
    const queued = commits.run(addNote(db, 'too late'));
    db.close();
    commits.flush();
    await expect(queued).rejects.toThrow('The database was closed before this write was committed.');
    expect(committed()).toEqual([]);
  });

  it('a write tried out answers as it would, is undone, and leaves the writes beside it committed', async () => {
    const { db, committed } = notesDatabase();
    const commits = new GroupCommit(db);
    const kept = commits.run(addNote(db, 'kept'));
    const tried = commits.tryOut(() => {
      addNote(db, 'tried')();
      return db.prepare('SELECT count(*) FROM notes').pluck().get();
    });
    const failing = commits.tryOut(() => addNote(db, 'kept')());
    expect(await tried).toBe(2);
    await expect(failing).rejects.toThrow(/UNIQUE/);
    await kept;
    expect(committed()).toEqual(['kept']);
  });
});

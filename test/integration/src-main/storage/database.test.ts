import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/storage/database.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const ROWS_TABLE = [{ version: 1, name: 'rows', sql: 'CREATE TABLE rows (body TEXT NOT NULL)' }];

describe('openDatabase page size', () => {
  it('makes a new data file with 8 KiB pages, in WAL mode, that keeps them when opened again', () => {
    const file = join(tempDir(), 'new.sqlite');
    const db = openDatabase(file, ROWS_TABLE);
    db.prepare('INSERT INTO rows (body) VALUES (?)').run('kept');
    expect(db.pragma('page_size', { simple: true })).toBe(8192);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();

    const reopened = openDatabase(file, ROWS_TABLE);
    expect(reopened.pragma('page_size', { simple: true })).toBe(8192);
    expect(reopened.prepare('SELECT body FROM rows').pluck().all()).toEqual(['kept']);
    reopened.close();
  });

  it('opens a data file made with 4 KiB pages as it is: same pages, same rows, migrations applied', () => {
    const file = join(tempDir(), 'older.sqlite');
    const older = new Database(file);
    older.pragma('journal_mode = WAL');
    older.exec("CREATE TABLE rows (body TEXT NOT NULL); INSERT INTO rows (body) VALUES ('from before'); PRAGMA user_version = 1");
    older.close();

    const db = openDatabase(file, [...ROWS_TABLE, { version: 2, name: 'notes', sql: 'CREATE TABLE notes (text TEXT)' }]);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.prepare('SELECT body FROM rows').pluck().all()).toEqual(['from before']);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });
});

describe('openDatabase migrations', () => {
  it('applies numbered migrations with a gap in their numbers, in order, and records the last', () => {
    const file = join(tempDir(), 'gap.sqlite');
    const db = openDatabase(file, [...ROWS_TABLE, { version: 3, name: 'notes', sql: 'CREATE TABLE notes (text TEXT)' }]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(['notes', 'rows']);
    db.close();
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { prepared, STATEMENTS_KEPT } from '../../../../src-main/storage/statement-cache.ts';

describe('prepared statements: reused while in use, bounded in number', () => {
  it('keeps the statements in use and lets the least recently used go past the limit', () => {
    const db = new Database(':memory:');
    const first = prepared(db, 'SELECT 0');
    const inUse = prepared(db, 'SELECT 1');
    for (let shape = 2; shape < STATEMENTS_KEPT + 10; shape += 1) {
      prepared(db, `SELECT ${shape}`);
      if (shape % 50 === 0) expect(prepared(db, 'SELECT 1')).toBe(inUse);
    }
    expect(prepared(db, 'SELECT 1')).toBe(inUse);
    const again = prepared(db, 'SELECT 0');
    expect(again).not.toBe(first);
    expect(again.pluck().get()).toBe(0);
    db.close();
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyFileSecretBox } from '../../../../src-main/platform/key-file-secret-box.ts';
import { BinScriptRepository } from '../../../../src-main/storage/bin-script-repository.ts';
import { DATABASE_FILE, openDatabase } from '../../../../src-main/storage/database.ts';
import { binScriptSchema } from '../../../../src-shared/domain/bin-script.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const failing = binScriptSchema.parse({ status: 500, failFirst: 2 });

function openRepository(dataDir: string) {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  return { db, scripts: new BinScriptRepository(db, createKeyFileSecretBox(dataDir)) };
}

describe('bin scripts as the receiver reads them', () => {
  it('a script set in a write that is rolled back is never used; set for real, it answers and counts at once', () => {
    const { db, scripts } = openRepository(tempDir());
    const undo = new Error('rolled back');
    expect(() =>
      db.transaction(() => {
        scripts.set('orders', failing, 1);
        throw undo;
      })(),
    ).toThrow(undo);
    expect(scripts.get('orders')).toBeNull();
    expect(scripts.countRequest('orders')).toBe(0);

    scripts.set('orders', failing, 2);
    expect(scripts.get('orders')).toMatchObject({ status: 500, failFirst: 2 });
    expect([scripts.countRequest('orders'), scripts.countRequest('orders')]).toEqual([1, 2]);
    expect(scripts.get('elsewhere')).toBeNull();
    expect(scripts.countRequest('elsewhere')).toBe(0);
    db.close();
  });

  it('scripts stored by an earlier run are found by the next one', () => {
    const dataDir = tempDir();
    const first = openRepository(dataDir);
    // Asked before it had a script: the answer "none" must not outlive the set() that follows.
    expect(first.scripts.get('orders')).toBeNull();
    first.scripts.set('orders', failing, 1);
    first.db.close();

    const next = openRepository(dataDir);
    expect(next.scripts.get('orders')).toMatchObject({ status: 500 });
    expect(next.scripts.get('other')).toBeNull();
    next.db.close();
  });
});

import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { EventReplay } from '../../src-shared/domain/event-replay.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { scriptFromStored, storedScript } from './bin-script-repository.ts';
import type { Db } from './database.ts';
import { storedReplay } from './delivery-repository.ts';
import { sealHeaders } from './sealed-headers.ts';
import { SettingsRepository } from './settings-repository.ts';

/** Set once the rows an earlier Hooklab stored in plain text are sealed and the file rebuilt without them. */
const SEALED_SETTING = 'storage.credentialsSealed';
const SEALED = '1';
/** Sealed, but the old text may still lie in free pages: a stop before the rebuild resumes with it. */
const REBUILD_PENDING = 'rebuild-pending';
const PAGE_ROWS = 500;

/** One column that may hold credentials in plain text, and the column its sealed part goes to. */
interface PlainColumn {
  table: string;
  column: string;
  sealedColumn: string;
  /** The column's new text and sealed part; null when the value holds no credential. */
  seal(text: string, box: SecretBox): { text: string; sealed: Buffer } | null;
}

const sealHeaderColumn = (text: string, box: SecretBox) => {
  const { headers, sealed } = sealHeaders(JSON.parse(text) as HttpHeaders, box);
  return sealed && { text: JSON.stringify(headers), sealed };
};

const PLAIN_COLUMNS: readonly PlainColumn[] = [
  { table: 'attempts', column: 'request_headers', sealedColumn: 'request_headers_sealed', seal: sealHeaderColumn },
  { table: 'attempts', column: 'response_headers', sealedColumn: 'response_headers_sealed', seal: sealHeaderColumn },
  { table: 'captures', column: 'headers', sealedColumn: 'headers_sealed', seal: sealHeaderColumn },
  {
    table: 'events',
    column: 'replay',
    sealedColumn: 'replay_headers_sealed',
    seal: (text, box) => {
      const { json, sealed } = storedReplay(JSON.parse(text) as EventReplay, box);
      return sealed && { text: json!, sealed };
    },
  },
  {
    table: 'bin_scripts',
    column: 'script',
    sealedColumn: 'secrets',
    seal: (text, box) => {
      // Read as the repository reads it: headers an earlier Hooklab let in, and HTTP forbids, are dropped.
      const { script, secrets } = storedScript(scriptFromStored(JSON.parse(text) as object), box);
      return secrets && { text: script, sealed: secrets };
    },
  },
];

function sealColumn(db: Db, box: SecretBox, { table, column, sealedColumn, seal }: PlainColumn): number {
  const page = db.prepare(
    `SELECT rowid, ${column} AS text FROM ${table}
     WHERE rowid > ? AND ${column} IS NOT NULL AND ${sealedColumn} IS NULL ORDER BY rowid LIMIT ${PAGE_ROWS}`,
  );
  const update = db.prepare(`UPDATE ${table} SET ${column} = ?, ${sealedColumn} = ? WHERE rowid = ?`);
  let changed = 0;
  for (let after = 0; ; ) {
    const rows = page.all(after) as { rowid: number; text: string }[];
    if (rows.length === 0) return changed;
    for (const row of rows) {
      const result = seal(row.text, box);
      if (result) {
        update.run(result.text, result.sealed, row.rowid);
        changed += 1;
      }
    }
    after = rows.at(-1)!.rowid;
  }
}

/**
 * Seals the credentials an earlier Hooklab stored in plain text (migration 13 made the columns;
 * a migration cannot seal, it has no SecretBox). Runs once per data directory; returns how many
 * values (header sets, replays, bin scripts) it sealed. The old text would outlive its rows in free pages and the WAL, so after sealing
 * the file is rebuilt and the WAL emptied; a stop before that rebuild leaves it pending for the next open.
 */
export function sealPlainCredentials(db: Db, box: SecretBox, rebuild: (db: Db) => void = rebuildWithoutFreePages): number {
  const settings = new SettingsRepository(db);
  const state = settings.get(SEALED_SETTING);
  if (state === SEALED) return 0;
  const changed = db.transaction(() => {
    const sealed = PLAIN_COLUMNS.reduce((sum, column) => sum + sealColumn(db, box, column), 0);
    if (sealed > 0) settings.set(SEALED_SETTING, REBUILD_PENDING);
    return sealed;
  })();
  if (changed > 0 || state === REBUILD_PENDING) rebuild(db);
  settings.set(SEALED_SETTING, SEALED);
  return changed;
}

function rebuildWithoutFreePages(db: Db): void {
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

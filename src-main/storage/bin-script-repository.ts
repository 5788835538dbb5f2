import { binScriptSchema, type BinScript } from '../../src-shared/domain/bin-script.ts';
import { ensureBin } from './capture-repository.ts';
import type { Db } from './database.ts';
import { prepared } from './statement-cache.ts';

/** The scripted replies of receiver bins and how many requests each script has answered. */
export class BinScriptRepository {
  private readonly db: Db;
  /**
   * Scripts as last read, per bin (null: none set). The receiver reads the script of every request
   * it captures, and reading and parsing it cost as much as storing the capture; scripts change
   * only through set(), which drops its bin from here.
   */
  private readonly known = new Map<string, BinScript | null>();

  constructor(db: Db) {
    this.db = db;
  }

  get(bin: string): BinScript | null {
    const known = this.known.get(bin);
    if (known !== undefined) return known;
    const row = prepared(this.db, 'SELECT script FROM bin_scripts WHERE bin = ?').get(bin) as { script: string } | undefined;
    // Parsed, not cast: defaults for fields added after the script was stored.
    const script = row ? binScriptSchema.parse(JSON.parse(row.script)) : null;
    // What a transaction reads may yet be rolled back with it: only committed scripts are kept.
    if (!this.db.inTransaction) this.known.set(bin, script);
    return script;
  }

  all(): Map<string, BinScript> {
    const rows = prepared(this.db, 'SELECT bin, script FROM bin_scripts').all() as { bin: string; script: string }[];
    return new Map(rows.map((row) => [row.bin, binScriptSchema.parse(JSON.parse(row.script))]));
  }

  /** Creates the bin if needed; a new script starts counting requests from zero ("fail the first N" again). */
  set(bin: string, script: BinScript, now: number): void {
    this.db.transaction(() => {
      ensureBin(this.db, bin, now);
      prepared(
        this.db,
        `INSERT INTO bin_scripts (bin, script, requests_since_set, updated_at) VALUES (?, ?, 0, ?)
         ON CONFLICT(bin) DO UPDATE SET script = excluded.script, requests_since_set = 0, updated_at = excluded.updated_at`,
      ).run(bin, JSON.stringify(script), now);
    })();
    this.known.delete(bin);
  }

  /** Counts one more request answered under the bin's script; returns its 1-based number (0 without a script). */
  countRequest(bin: string): number {
    // Most bins have no script: nothing to count, and no write for every capture.
    if (this.known.get(bin) === null) return 0;
    const row = prepared(
      this.db,
      'UPDATE bin_scripts SET requests_since_set = requests_since_set + 1 WHERE bin = ? RETURNING requests_since_set',
    ).get(bin) as { requests_since_set: number } | undefined;
    return row?.requests_since_set ?? 0;
  }
}

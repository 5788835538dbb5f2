import { binScriptSchema, replyHeaderProblems, type BinScript } from '../../src-shared/domain/bin-script.ts';
import { ensureBin } from './capture-repository.ts';
import type { Db } from './database.ts';
import { prepared } from './statement-cache.ts';

/**
 * Parsed, not cast: defaults for fields added after the script was stored. Reply headers stored
 * before they were checked as HTTP requires are left out, as the receiver could never send them.
 */
function storedScript(text: string): BinScript {
  const stored = JSON.parse(text) as { headers?: Record<string, string> };
  const headers = Object.entries(stored.headers ?? {}).filter(([name, value]) => replyHeaderProblems(name, String(value)).length === 0);
  return binScriptSchema.parse({ ...stored, headers: Object.fromEntries(headers) });
}

/** The scripted replies of receiver bins and how many requests each script has answered. */
export class BinScriptRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  get(bin: string): BinScript | null {
    const row = prepared(this.db, 'SELECT script FROM bin_scripts WHERE bin = ?').get(bin) as { script: string } | undefined;
    return row ? storedScript(row.script) : null;
  }

  all(): Map<string, BinScript> {
    const rows = prepared(this.db, 'SELECT bin, script FROM bin_scripts').all() as { bin: string; script: string }[];
    return new Map(rows.map((row) => [row.bin, storedScript(row.script)]));
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
  }

  /** Counts one more request answered under the bin's script; returns its 1-based number (0 without a script). */
  countRequest(bin: string): number {
    const row = prepared(
      this.db,
      'UPDATE bin_scripts SET requests_since_set = requests_since_set + 1 WHERE bin = ? RETURNING requests_since_set',
    ).get(bin) as { requests_since_set: number } | undefined;
    return row?.requests_since_set ?? 0;
  }
}

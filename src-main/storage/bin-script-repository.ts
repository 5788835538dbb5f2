import { binScriptSchema, EXPECTED_AUTH_SECRET_FIELD, replyHeaderProblems, type BinScript } from '../../src-shared/domain/bin-script.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { ensureBin } from './capture-repository.ts';
import type { Db } from './database.ts';
import { isCredentialHeader } from './sealed-headers.ts';
import { prepared } from './statement-cache.ts';

interface ScriptRow {
  script: string;
  secrets: Buffer | null;
}

/**
 * The script as stored. What a request must carry (expected auth, signing secrets) and the reply
 * headers are sealed apart when any of them holds a secret; the rest stays readable.
 */
export function storedScript(script: BinScript, box: SecretBox): ScriptRow {
  const { expectedAuth, signingSecrets, headers, ...rest } = script;
  const holdsSecret = EXPECTED_AUTH_SECRET_FIELD[expectedAuth.kind] !== null || signingSecrets.length > 0 || Object.keys(headers).some(isCredentialHeader);
  if (!holdsSecret) return { script: JSON.stringify(script), secrets: null };
  return { script: JSON.stringify(rest), secrets: box.seal(JSON.stringify({ expectedAuth, signingSecrets, headers })) };
}

/**
 * A script as stored, parsed, not cast: defaults for fields added after it was stored. Reply
 * headers stored before they were checked as HTTP requires are left out, as the receiver could
 * never send them.
 */
export function scriptFromStored(stored: { headers?: Record<string, string> }): BinScript {
  const headers = Object.entries(stored.headers ?? {}).filter(([name, value]) => replyHeaderProblems(name, String(value)).length === 0);
  return binScriptSchema.parse({ ...stored, headers: Object.fromEntries(headers) });
}

function toScript(row: ScriptRow, box: SecretBox): BinScript {
  const plain = JSON.parse(row.script) as { headers?: Record<string, string> };
  return scriptFromStored(row.secrets === null ? plain : { ...plain, ...(JSON.parse(box.open(row.secrets)) as typeof plain) });
}

/** The scripted replies of receiver bins and how many requests each script has answered. */
export class BinScriptRepository {
  private readonly db: Db;
  private readonly box: SecretBox;
  /**
   * Scripts as last read, per bin. The receiver reads the script of every request it captures,
   * and reading and parsing it cost as much as storing the capture; scripts change only through
   * set(), which drops its bin from here.
   */
  private readonly known = new Map<string, BinScript>();
  /**
   * Every bin with a script, read once; also a bin whose set() was rolled back (read again, found
   * without). Any process may post to any bin name: a bin without a script costs neither a read
   * nor memory, however many names are tried.
   */
  private scriptedBins: Set<string> | null = null;

  constructor(db: Db, box: SecretBox) {
    this.db = db;
    this.box = box;
  }

  private scripted(): Set<string> {
    this.scriptedBins ??= new Set((prepared(this.db, 'SELECT bin FROM bin_scripts').all() as { bin: string }[]).map((row) => row.bin));
    return this.scriptedBins;
  }

  get(bin: string): BinScript | null {
    if (!this.scripted().has(bin)) return null;
    const known = this.known.get(bin);
    if (known !== undefined) return known;
    const row = prepared(this.db, 'SELECT script, secrets FROM bin_scripts WHERE bin = ?').get(bin) as ScriptRow | undefined;
    if (!row) return null;
    const script = toScript(row, this.box);
    // What a transaction reads may yet be rolled back with it: only committed scripts are kept.
    if (!this.db.inTransaction) this.known.set(bin, script);
    return script;
  }

  all(): Map<string, BinScript> {
    const rows = prepared(this.db, 'SELECT bin, script, secrets FROM bin_scripts').all() as (ScriptRow & { bin: string })[];
    return new Map(rows.map((row) => [row.bin, toScript(row, this.box)]));
  }

  /** Creates the bin if needed; a new script starts counting requests from zero ("fail the first N" again). */
  set(bin: string, script: BinScript, now: number): void {
    const stored = storedScript(script, this.box);
    this.db.transaction(() => {
      ensureBin(this.db, bin, now);
      prepared(
        this.db,
        `INSERT INTO bin_scripts (bin, script, secrets, requests_since_set, updated_at) VALUES (?, ?, ?, 0, ?)
         ON CONFLICT(bin) DO UPDATE SET script = excluded.script, secrets = excluded.secrets, requests_since_set = 0,
           updated_at = excluded.updated_at`,
      ).run(bin, stored.script, stored.secrets, now);
    })();
    this.known.delete(bin);
    this.scripted().add(bin);
  }

  /** Counts one more request answered under the bin's script; returns its 1-based number (0 without a script). */
  countRequest(bin: string): number {
    // Most bins have no script: nothing to count, and no write for every capture.
    if (!this.scripted().has(bin)) return 0;
    const row = prepared(this.db, 'UPDATE bin_scripts SET requests_since_set = requests_since_set + 1 WHERE bin = ? RETURNING requests_since_set').get(bin) as
      | { requests_since_set: number }
      | undefined;
    return row?.requests_since_set ?? 0;
  }
}

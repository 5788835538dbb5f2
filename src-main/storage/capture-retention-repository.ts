import {
  CAPTURE_RETENTION_DEFAULTS,
  captureRetentionLimitsSchema,
  type CaptureRetention,
  type CaptureRetentionLimit,
  type CaptureRetentionLimits,
  type CapturesPruned,
} from '../../src-shared/domain/capture-retention.ts';
import type { Db } from './database.ts';
import type { SettingsRepository } from './settings-repository.ts';
import { prepared } from './statement-cache.ts';

const SETTING = 'captures.retention';

interface TotalsRow {
  count: number;
  bytes: number;
  pruned_count: number;
  pruned_bytes: number;
}

/**
 * The workspace's capture limits (kept in settings) and their enforcement: the captures stored
 * longest ago go first. Totals come from capture_totals, which triggers keep exact.
 */
export class CaptureRetentionRepository {
  private readonly db: Db;
  private readonly settings: SettingsRepository;
  /**
   * Read on every request the receiver gets. Only this engine writes the setting (CLI commands
   * on a directory a running Hooklab owns go through its API), so the copy stays true.
   */
  private saved: CaptureRetentionLimits | null = null;

  constructor(db: Db, settings: SettingsRepository) {
    this.db = db;
    this.settings = settings;
  }

  limits(): CaptureRetentionLimits {
    if (this.saved === null) {
      const text = this.settings.get(SETTING);
      // Parsed, not cast: a limit added later takes its default.
      this.saved = captureRetentionLimitsSchema.parse({ ...CAPTURE_RETENTION_DEFAULTS, ...(text === null ? {} : JSON.parse(text)) });
    }
    return { ...this.saved };
  }

  setLimits(limits: CaptureRetentionLimits): void {
    this.settings.set(SETTING, JSON.stringify(limits));
    this.saved = null;
  }

  get(): CaptureRetention {
    const totals = prepared(this.db, 'SELECT count, bytes, pruned_count, pruned_bytes FROM capture_totals WHERE id = 1').get() as TotalsRow;
    return {
      ...this.limits(),
      storedCount: totals.count,
      storedBytes: totals.bytes,
      prunedCount: totals.pruned_count,
      prunedBytes: totals.pruned_bytes,
    };
  }

  /**
   * Deletes the oldest captures until the workspace is within its limits; null when it already
   * is. New captures prune a margin more, 1% of each limit they went over: a busy receiver then
   * prunes once per hundredth of its limit rather than once per capture, and each prune rewrites
   * the oldest pages of the table and its indexes, which cost as much again as the capture's own
   * write. Limits under 100 have no margin, and lowered limits are met exactly. The newest
   * capture is always kept: one alone over the size limit is refused before it is stored (413),
   * never stored and pruned at once. Call it inside the write that added captures.
   */
  prune(cause: CapturesPruned['cause']): CapturesPruned | null {
    const stored = this.get();
    const exceeded = (['maxCount', 'maxBytes'] as const).filter((limit) => over(stored, limit, 0, 0));
    if (exceeded.length === 0) return null;
    // What the captures left must be within: the limits, less a margin for those a capture went over.
    const target = { ...stored };
    if (cause === 'capture') for (const limit of exceeded) target[limit] -= pruneMargin(stored[limit]);
    let count = 0;
    let bytes = 0;
    let lastRowid: number | null = null;
    const oldest = prepared(this.db, 'SELECT rowid, stored_bytes FROM captures ORDER BY rowid LIMIT ?').iterate(stored.storedCount - 1) as IterableIterator<{
      rowid: number;
      stored_bytes: number;
    }>;
    for (const row of oldest) {
      count += 1;
      bytes += row.stored_bytes;
      lastRowid = row.rowid;
      if (!over(target, 'maxCount', count, bytes) && !over(target, 'maxBytes', count, bytes)) break;
    }
    if (lastRowid === null) return null;
    prepared(this.db, 'DELETE FROM captures WHERE rowid <= ?').run(lastRowid);
    prepared(this.db, 'UPDATE capture_totals SET pruned_count = pruned_count + ?, pruned_bytes = pruned_bytes + ? WHERE id = 1').run(count, bytes);
    return { count, bytes, exceeded, cause, retention: this.get() };
  }
}

/** How far under a limit a capture's prune goes when that capture went over it (see prune). */
function pruneMargin(limit: number): number {
  return Math.floor(limit / 100);
}

/** Whether `limit` is still exceeded once `count` captures of `bytes` are gone. */
function over(retention: CaptureRetention, limit: CaptureRetentionLimit, count: number, bytes: number): boolean {
  return limit === 'maxCount' ? retention.storedCount - count > retention.maxCount : retention.storedBytes - bytes > retention.maxBytes;
}

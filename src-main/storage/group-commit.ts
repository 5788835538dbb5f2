import { atomically } from './atomically.ts';
import type { Db } from './database.ts';

interface QueuedWrite {
  work: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: writes asked for during one turn of the event loop share one SQLite transaction.
 * A commit costs far more than the few rows each write adds (the WAL frames of every touched
 * index page, and the checkpoints they bring on), so with many deliveries in flight, committing
 * each fire, capture and attempt alone is most of the engine's work.
 *
 * Each write stays atomic (its own savepoint: one that throws is undone alone, and only its
 * caller sees the error), and its promise settles only after the shared COMMIT: a caller that
 * waits for it never reports, answers or builds on a write that is not on disk yet.
 */
export class GroupCommit {
  private readonly db: Db;
  private queue: QueuedWrite[] = [];
  private scheduled = false;
  private readonly commitAll: (batch: QueuedWrite[]) => Outcome[];

  constructor(db: Db) {
    this.db = db;
    this.commitAll = db.transaction((batch: QueuedWrite[]) =>
      batch.map((write): Outcome => {
        try {
          // Inside commitAll's transaction: a savepoint.
          return { ok: true, value: atomically(this.db, write.work) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** Runs `work` in the next shared transaction; resolves with its result once that has committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Runs `work` as `run` does, then undoes its writes (its savepoint rolls back): what it would
   * return or throw, with nothing written.
   */
  async tryOut<T>(work: () => T): Promise<T> {
    const undo = new Error('tried out, undone');
    let outcome: { value: T } | undefined;
    await this.run(() => {
      outcome = { value: work() };
      throw undo;
    }).catch((error: unknown) => {
      if (error !== undo) throw error;
    });
    return outcome!.value;
  }

  /** Commits what is queued now; also called before the database closes. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0 || !this.db.open) {
      for (const write of batch) write.reject(new Error('The database was closed before this write was committed.'));
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = this.commitAll(batch);
    } catch (error) {
      for (const write of batch) write.reject(error);
      return;
    }
    batch.forEach((write, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.error);
    });
  }
}

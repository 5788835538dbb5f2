import type { Db } from './database.ts';

type Runner = (work: () => unknown) => unknown;

const runners = new WeakMap<Db, Runner>();

/**
 * `db.transaction(work)()` without building a new transaction function per call (better-sqlite3
 * builds five wrappers each time, a measurable cost on the per-delivery writes). Inside an open
 * transaction it is a savepoint, as with `db.transaction`.
 */
export function atomically<T>(db: Db, work: () => T): T {
  let run = runners.get(db);
  if (!run) {
    run = db.transaction((inner: () => unknown) => inner());
    runners.set(db, run);
  }
  return run(work) as T;
}

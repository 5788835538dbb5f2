import type Database from 'better-sqlite3';

type Db = Database.Database;

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * Compiling SQL costs more than running these small statements, so each distinct text is
 * prepared once per connection. Dynamic SQL here varies over a handful of filter shapes only.
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

import type Database from 'better-sqlite3';

type Db = Database.Database;

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * Statements kept per connection. Dynamic SQL varies over a handful of filter shapes in use, but a
 * delivery search over many webhooks and statuses has hundreds of possible shapes, each a large
 * compound statement: the least recently used go once there are this many.
 */
export const STATEMENTS_KEPT = 256;

/** Compiling SQL costs more than running these small statements, so each text is prepared once and kept while in use. */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement) {
    // Moved to the end: a Map keeps insertion order, so the first key is the least recently used.
    cache.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (cache.size >= STATEMENTS_KEPT) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, statement);
  return statement;
}

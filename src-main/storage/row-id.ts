import * as crypto from 'node:crypto';

/**
 * Ids of the rows Hooklab writes at delivery rate (deliveries, attempts, captures). A UUIDv7
 * starts with the time, so each insert lands on the last page of its primary-key index (and of
 * the indexes keyed by it) rather than on a random one: far fewer pages per commit. Runtimes
 * without randomUUIDv7 (Node < 24.16) get random v4 ids: the same format, slower inserts.
 * Event ids stay v4: receivers see them, and Sentinel's are v4.
 */
export const newRowId: () => string = crypto.randomUUIDv7 ?? crypto.randomUUID;

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database.ts';

/** How often the worker copies the WAL into the database file. */
const CHECKPOINT_INTERVAL_MS = 100;
/** SQLite's default: what the engine's own connection goes back to if the worker is lost. */
const AUTOCHECKPOINT_PAGES = 1000;

// Plain CommonJS run with `eval`, so it needs no file of its own in the Electron bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Stops the worker and closes its connection (before the engine's own connection closes). */
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the engine's thread. A checkpoint copies committed pages into the
 * database file and fsyncs it; run by the engine's connection (SQLite's default, after the commit
 * that crosses 1000 WAL pages) it stalls deliveries, the receiver and the API for milliseconds at
 * a time. In WAL mode a checkpoint runs alongside the writer, so the engine's connection stops
 * checkpointing and a worker thread with its own connection does it every 100 ms. Durability is
 * unchanged: commits still reach the WAL before they are acknowledged, and checkpoints still
 * fsync. If the worker dies, the engine's connection checkpoints again as before.
 */
export function startWalCheckpointer(db: Db): WalCheckpointer {
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: db.name,
      intervalMs: CHECKPOINT_INTERVAL_MS,
    },
  });
  // Never keeps the process alive on its own.
  worker.unref();
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      if (!stopping && db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      resolve();
    });
  });
  worker.on('error', () => {
    // Reported through 'exit', which restores the engine's own checkpoints.
  });
  return {
    async stop() {
      stopping = true;
      // Unreferenced, the worker's exit would not keep this process alive long enough to see it.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}

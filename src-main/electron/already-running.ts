/**
 * How a second launch on a workspace whose desktop app is open says so before it exits 0.
 * scripts/start.js reads it to tell that exit from a crash at startup (which it falls back from).
 */
export const ALREADY_RUNNING_PREFIX = 'hooklab: the desktop app is already running for';

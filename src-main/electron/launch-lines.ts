// What the desktop app tells scripts/start.js about its startup, as lines it prints. start.js
// imports this file (Node runs it with types stripped), so both sides spell the lines once.

/** Printed to stdout once the window shows: from here on an exit is the user closing the app. */
export const WINDOW_OPEN_PREFIX = 'hooklab: the desktop app is open on';

/** Printed to stderr by a second launch on a workspace whose window is open; it then exits 0. */
export const ALREADY_RUNNING_PREFIX = 'hooklab: the desktop app is already running for';

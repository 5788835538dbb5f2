import type { ErrorPayload } from '../errors.ts';

/** What an IPC handler returns: Electron would flatten a thrown error to its message. */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

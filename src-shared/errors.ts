/**
 * Errors cross every boundary (IPC, HTTP, CLI) as plain data: `{ code, message, details? }`.
 * `AppError` is the thrown form; `toErrorPayload` turns anything thrown into the data form.
 */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unauthorized' | 'forbidden' | 'unavailable' | 'internal';

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }

  static fromPayload(payload: ErrorPayload): AppError {
    return new AppError(payload.code, payload.message, payload.details);
  }
}

/** Electron prefixes errors thrown in ipcMain handlers; the user must never see that prefix. */
const ELECTRON_INVOKE_PREFIX = /^Error invoking remote method '[^']+': (?:Error: )?/;

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  if (isErrorPayload(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message.replace(ELECTRON_INVOKE_PREFIX, '') };
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return typeof value === 'object' && value !== null && typeof (value as ErrorPayload).code === 'string' && typeof (value as ErrorPayload).message === 'string';
}

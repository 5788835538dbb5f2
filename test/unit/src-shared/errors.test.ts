import { describe, expect, it } from 'vitest';
import { AppError, isErrorPayload, toErrorPayload } from '../../../src-shared/errors.ts';

describe('errors cross boundaries as { code, message, details? }', () => {
  it('an AppError keeps its code, message and details', () => {
    const payload = toErrorPayload(new AppError('conflict', 'name taken', { field: 'name' }));
    expect(payload).toEqual({ code: 'conflict', message: 'name taken', details: { field: 'name' } });
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    const back = AppError.fromPayload(payload);
    expect(back).toBeInstanceOf(AppError);
    expect(back.toPayload()).toEqual(payload);
  });

  it('no details key when there are none', () => {
    expect(Object.keys(toErrorPayload(new AppError('not_found', 'gone')))).toEqual(['code', 'message']);
  });

  it('Electron\'s "Error invoking remote method" prefix never reaches the user', () => {
    const raw = new Error("Error invoking remote method 'hooklab:call:getDelivery': Error: database is locked");
    expect(toErrorPayload(raw)).toEqual({ code: 'internal', message: 'database is locked' });
  });

  it('anything else thrown becomes an internal error with its text', () => {
    expect(toErrorPayload(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined' });
    expect(toErrorPayload('plain string')).toEqual({ code: 'internal', message: 'plain string' });
    expect(toErrorPayload({ code: 'not_found', message: 'as data' })).toEqual({ code: 'not_found', message: 'as data' });
  });

  it('recognizes the payload shape', () => {
    expect(isErrorPayload({ code: 'internal', message: 'm' })).toBe(true);
    expect(isErrorPayload({ code: 'internal' })).toBe(false);
    expect(isErrorPayload(null)).toBe(false);
    expect(isErrorPayload('internal')).toBe(false);
  });
});

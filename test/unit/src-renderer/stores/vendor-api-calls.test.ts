import { describe, expect, it } from 'vitest';
import { VENDOR_API_LOG_SIZE, type VendorApiCall } from '../../../../src-shared/domain/vendor-api.ts';
import { mergedCalls } from '../../../../src-renderer/src/stores/vendor-api-calls.ts';

function call(id: string, at: number): VendorApiCall {
  return {
    id,
    vendor: 'flexnet',
    at,
    durationMs: 1,
    method: 'GET',
    url: '/notifications/health/status',
    requestHeaders: {},
    requestBody: '',
    status: 200,
    responseHeaders: {},
    responseBody: '{"status":"UP"}',
  };
}

describe('the live log of vendor API calls, from the engine’s list and the live feed', () => {
  it('holds each call once, newest first, whichever source brought it', () => {
    const listed = [call('b', 20), call('a', 10)];
    const live = [call('c', 30), call('b', 20)];
    expect(mergedCalls(listed, live).map((entry) => entry.id)).toEqual(['c', 'b', 'a']);
    expect(mergedCalls([call('d', 40)], mergedCalls(listed, live)).map((entry) => entry.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('keeps as many as the engine does, dropping the oldest', () => {
    const full = Array.from({ length: VENDOR_API_LOG_SIZE }, (_, index) => call(`old-${index}`, VENDOR_API_LOG_SIZE - index));
    const merged = mergedCalls([call('new', VENDOR_API_LOG_SIZE + 1)], full);
    expect(merged).toHaveLength(VENDOR_API_LOG_SIZE);
    expect(merged[0].id).toBe('new');
    expect(merged.at(-1)?.id).toBe(`old-${VENDOR_API_LOG_SIZE - 2}`);
  });
});

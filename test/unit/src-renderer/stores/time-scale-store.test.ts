import { describe, expect, it } from 'vitest';
import { engineClockOffset, vendorNow } from '../../../../src-renderer/src/stores/time-scale-store.ts';

const HOUR = 3_600_000;

describe('the engine clock as the UI runs it forward', () => {
  it('the offset from real time grows at scale − 1 from the engine’s own reading, whatever the renderer’s clock says', () => {
    // Read by the engine two hours ahead; the renderer's clock is an hour off from the engine's machine time.
    const reading = { vendorNow: 10 * HOUR, realNow: 8 * HOUR, readAt: 7 * HOUR };
    expect(engineClockOffset({ scale: 1, reading }, 7 * HOUR + 5000)).toBe(2 * HOUR);
    expect(engineClockOffset({ scale: 60, reading }, 7 * HOUR + 1000)).toBe(2 * HOUR + 59_000);
    expect(vendorNow({ scale: 60, reading }, 7 * HOUR + 1000)).toBe(10 * HOUR + 60_000);
  });

  it('is unknown before the first reading', () => {
    expect(engineClockOffset({ scale: null, reading: null })).toBeNull();
  });
});

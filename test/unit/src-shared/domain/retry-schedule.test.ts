import { describe, expect, it } from 'vitest';
import { formatDurationNotation, parseDurationNotation } from '../../../../src-shared/domain/duration-notation.ts';
import { retryDelayRanges } from '../../../../src-shared/domain/retry-schedule.ts';

describe('retry schedules as people read and write them', () => {
  it('reads and writes the duration notation', () => {
    expect(['30s', '2m', '1.5h', '1 d', 'soon', '5'].map(parseDurationNotation)).toEqual([30_000, 120_000, 5_400_000, 86_400_000, null, null]);
    expect([90_000, 120_000, 3_600_000, 1500].map(formatDurationNotation)).toEqual(['90s', '2m', '1h', '1.5s']);
  });

  it('previews exponential backoff with its cap, and the range jitter leaves each wait in', () => {
    const delays = retryDelayRanges({ kind: 'exponential', baseMs: 10_000, factor: 3, maxMs: 60_000, jitter: 0.5, retries: 4 });
    expect(delays.map((delay) => delay.longestMs)).toEqual([10_000, 30_000, 60_000, 60_000]);
    expect(delays[0].shortestMs).toBe(5000);
    expect(retryDelayRanges({ kind: 'fixed', intervalsMs: [300_000, 900_000] })).toEqual([
      { shortestMs: 300_000, longestMs: 300_000 },
      { shortestMs: 900_000, longestMs: 900_000 },
    ]);
  });
});

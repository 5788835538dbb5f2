import { describe, expect, it } from 'vitest';
import type { Attempt, AttemptRoundTrigger } from '../../../../../src-shared/domain/delivery.ts';
import { attemptRounds } from '../../../../../src-renderer/src/features/deliveries/attempt-rounds.ts';

function attempt(number: number, round: number, roundTrigger: AttemptRoundTrigger): Attempt {
  return {
    id: `a${number}`,
    deliveryId: 'd1',
    number,
    round,
    roundTrigger,
    scheduledAt: number * 1000,
    startedAt: number * 1000,
    durationMs: 5,
    request: { method: 'POST', url: 'http://127.0.0.1:9/hook', headers: {}, body: '{}' },
    response: { status: 500, headers: {}, body: '', bodyBytes: 0, bodyTruncated: false },
    error: 'Endpoint answered HTTP 500',
    note: null,
    tokenExchange: null,
  };
}

describe('attempt rounds', () => {
  it('groups tries by what started them, newest round and newest try first, numbering manual retries', () => {
    const rounds = attemptRounds([
      attempt(1, 1, 'fired'),
      attempt(2, 1, 'fired'),
      attempt(3, 2, 'manual_retry'),
      attempt(4, 3, 'manual_retry'),
      attempt(5, 3, 'manual_retry'),
      attempt(6, 4, 'redelivery'),
    ]);
    expect(rounds.map((round) => round.label)).toEqual(['Re-delivery', 'Manual retry 2', 'Manual retry 1', 'Fired']);
    expect(rounds[1].attempts.map((a) => a.number)).toEqual([5, 4]);
  });

  it('numbers re-deliveries once there are several', () => {
    const rounds = attemptRounds([attempt(1, 1, 'fired'), attempt(2, 2, 'redelivery'), attempt(3, 3, 'redelivery')]);
    expect(rounds.map((round) => round.label)).toEqual(['Re-delivery 2', 'Re-delivery 1', 'Fired']);
  });
});

import type { Attempt, AttemptRoundTrigger } from '../../../../src-shared/domain/delivery.ts';

export interface AttemptRound {
  round: number;
  trigger: AttemptRoundTrigger;
  /** "Fired", "Manual retry 1", "Re-delivery". */
  label: string;
  /** Newest first. */
  attempts: Attempt[];
}

const TRIGGER_NAMES: Record<AttemptRoundTrigger, string> = {
  fired: 'Fired',
  manual_retry: 'Manual retry',
  redelivery: 'Re-delivery',
};

/**
 * A delivery's tries grouped by what started them, newest round first. Manual retries are
 * numbered; re-deliveries only when there is more than one.
 */
export function attemptRounds(attempts: readonly Attempt[]): AttemptRound[] {
  const byRound = new Map<number, Attempt[]>();
  for (const attempt of attempts) byRound.set(attempt.round, [...(byRound.get(attempt.round) ?? []), attempt]);
  const oldestFirst = [...byRound.entries()].sort(([a], [b]) => a - b);
  const totals = new Map<AttemptRoundTrigger, number>();
  for (const [, group] of oldestFirst) totals.set(group[0].roundTrigger, (totals.get(group[0].roundTrigger) ?? 0) + 1);
  const seen = new Map<AttemptRoundTrigger, number>();
  const rounds = oldestFirst.map(([round, group]): AttemptRound => {
    const trigger = group[0].roundTrigger;
    const nth = (seen.get(trigger) ?? 0) + 1;
    seen.set(trigger, nth);
    const numbered = trigger === 'manual_retry' || (trigger === 'redelivery' && (totals.get(trigger) ?? 0) > 1);
    return {
      round,
      trigger,
      label: numbered ? `${TRIGGER_NAMES[trigger]} ${nth}` : TRIGGER_NAMES[trigger],
      attempts: [...group].sort((a, b) => b.number - a.number),
    };
  });
  return rounds.reverse();
}

import type { DeliverySummary, Attempt } from '../../../../src-shared/domain/delivery.ts';
import { formatTimestamp, formatUntil } from '../../format/time-format.ts';
import { useVendorNow } from '../../stores/use-vendor-now.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { attemptRounds } from './attempt-rounds.ts';
import { AttemptView } from './AttemptView.tsx';
import { EngineTimestamp } from '../ui/TimeKind.tsx';

/** The try the engine has scheduled and not made yet, counting down in vendor time. */
function PendingAttempt({ number, dueAt }: { number: number; dueAt: number }) {
  const now = useVendorNow();
  return (
    <div className="attempt attempt-pending" role="status" data-testid="attempt-pending">
      <span className="attempt-number">#{number}</span>
      <span className="pill pill-muted">Scheduled</span>
      <span className="small">
        due <EngineTimestamp text={formatTimestamp(dueAt)} />
        {now !== null && <strong className="attempt-countdown"> · {formatUntil(dueAt - now)}</strong>}
      </span>
    </div>
  );
}

/** Every try of a delivery, newest first, grouped by the round that made it (fired, manual retry, re-delivery). */
export function AttemptTimeline({ delivery, attempts }: { delivery: DeliverySummary; attempts: readonly Attempt[] }) {
  const rounds = attemptRounds(attempts);
  const newest = attempts.reduce<Attempt | null>((latest, attempt) => (!latest || attempt.number > latest.number ? attempt : latest), null);
  const waiting = (delivery.status === 'retrying' || delivery.status === 'pending') && delivery.nextAttemptAt !== null;

  if (rounds.length === 0 && !waiting) {
    return delivery.status === 'pending' || delivery.status === 'in_progress' ? (
      <EmptyState title="Not sent yet">The dispatcher picks this delivery up in a moment.</EmptyState>
    ) : (
      <EmptyState title="No tries recorded">This delivery has no attempts on record.</EmptyState>
    );
  }
  return (
    <div className="timeline" data-testid="attempt-timeline">
      {waiting && <PendingAttempt number={(newest?.number ?? 0) + 1} dueAt={delivery.nextAttemptAt!} />}
      {rounds.map((round) => (
        <section key={round.round} className="round" aria-label={round.label} data-testid="attempt-round" data-trigger={round.trigger}>
          <h4 className="round-title">
            {round.label}
            <span className="count">{round.attempts.length}</span>
          </h4>
          {round.attempts.map((attempt) => (
            <AttemptView key={attempt.id} attempt={attempt} newest={attempt.id === newest?.id} />
          ))}
        </section>
      ))}
    </div>
  );
}

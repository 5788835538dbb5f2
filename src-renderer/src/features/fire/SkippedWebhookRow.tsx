import { SKIP_LABELS, type SkippedWebhook } from '../../../../src-shared/domain/event.ts';
import { ConditionTraceView } from '../conditions/ConditionTraceView.tsx';

const SKIP_WHY: Record<SkippedWebhook['reason'], string> = {
  disabled: 'The webhook is disabled: it gets no deliveries until enabled.',
  activity_filtered: 'Its activity filter does not include this activity.',
  condition_false: 'Its trigger condition is false for this state.',
};

/** A subscribed webhook that got nothing: why, and for a false condition how each clause evaluated. */
export function SkippedWebhookRow({ skip }: { skip: SkippedWebhook }) {
  const line = (
    <>
      <span className="row-ellipsis">{skip.webhookName}</span>
      <span className="pill pill-muted" title={SKIP_WHY[skip.reason]}>
        {SKIP_LABELS[skip.reason]}
      </span>
    </>
  );
  if (!skip.condition) {
    return (
      <li className="fired-skip" data-testid="fired-skip" data-reason={skip.reason}>
        <div className="fired-skip-line">{line}</div>
      </li>
    );
  }
  return (
    <li className="fired-skip" data-testid="fired-skip" data-reason={skip.reason}>
      <details>
        <summary className="fired-skip-line" title="Show how the condition evaluated">
          {line}
        </summary>
        <div className="fired-skip-trace">
          {skip.condition.trace ? <ConditionTraceView trace={skip.condition.trace} diagnostics={[]} /> : <code className="small">{skip.condition.text}</code>}
        </div>
      </details>
    </li>
  );
}

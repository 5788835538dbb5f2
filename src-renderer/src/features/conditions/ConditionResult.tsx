import type { ConditionEvaluation } from '../../../../src-shared/domain/condition.ts';

/** The overall answer: would this payload reach the webhook? */
export function ConditionResult({ evaluation, stale }: { evaluation: ConditionEvaluation | null; stale: boolean }) {
  const result = evaluation?.result;
  const [tone, text] =
    evaluation === null
      ? ['muted', 'Evaluating…']
      : result === null
        ? ['danger', `${evaluation.diagnostics.length} error${evaluation.diagnostics.length === 1 ? '' : 's'}`]
        : result
          ? ['success', 'Matches: the webhook fires']
          : ['warning', 'No match: the webhook does not fire'];
  return (
    <span
      className={`pill pill-${tone} condition-result${stale ? ' is-stale' : ''}`}
      role="status"
      data-testid="condition-result"
      data-result={result === undefined ? 'pending' : String(result)}
    >
      {text}
    </span>
  );
}

import { useEffect, useState } from 'react';
import type { ConditionEvaluation } from '../../../../src-shared/domain/condition.ts';
import { appApi } from '../../api/app-api.ts';
import { toUiError, type UiError } from '../../api/ui-error.ts';

const DEBOUNCE_MS = 120;

export interface ConditionEvaluationState {
  evaluation: ConditionEvaluation | null;
  error: UiError | null;
  /** An edit is waiting for its evaluation; the shown one belongs to an earlier text. */
  stale: boolean;
}

/**
 * Evaluates the condition against the payload with the engine's own evaluator, shortly after
 * the last edit; typing never waits for it, and answers to older edits are dropped.
 */
export function useConditionEvaluation(condition: string, payload: Record<string, unknown> | null): ConditionEvaluationState {
  const [state, setState] = useState<ConditionEvaluationState>({ evaluation: null, error: null, stale: true });

  useEffect(() => {
    if (payload === null) return;
    let current = true;
    setState((previous) => ({ ...previous, stale: true }));
    const timer = setTimeout(() => {
      appApi()
        .evaluateCondition({ condition, payload })
        .then(
          (evaluation) => current && setState({ evaluation, error: null, stale: false }),
          (error: unknown) => current && setState({ evaluation: null, error: toUiError(error), stale: false }),
        );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [condition, payload]);

  return state;
}

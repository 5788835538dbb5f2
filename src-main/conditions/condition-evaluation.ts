import { emptyConditionGroup } from '../../src-shared/conditions/condition-builder.ts';
import type { ConditionEvaluation, ConditionTrace } from '../../src-shared/domain/condition.ts';
import { cachedCondition } from './condition-cache.ts';
import { conditionHolds } from './condition-compiler.ts';
import { toConditionBuilder } from './condition-to-builder.ts';
import { misspelledPathWarnings } from './condition-path-hints.ts';
import { traceCondition } from './condition-trace.ts';

/**
 * What the editor, the API and `hooklab condition test` show for a condition against a payload
 * (the entity's current state): the result, why (the trace), errors, and the builder view.
 */
export function evaluateCondition(condition: string, payload: unknown): ConditionEvaluation {
  const compiled = cachedCondition(condition);
  switch (compiled.kind) {
    case 'empty':
      return { result: true, diagnostics: [], warnings: [], trace: null, builder: emptyConditionGroup() };
    case 'invalid':
      return { result: null, diagnostics: compiled.diagnostics, warnings: [], trace: null, builder: null, builderNote: 'the expression has errors' };
    case 'valid': {
      const session = compiled.program.session(payload);
      return {
        result: session.matches(),
        diagnostics: [],
        warnings: misspelledPathWarnings(compiled.text, compiled.root, session, payload),
        trace: traceCondition(compiled.text, compiled.root, session),
        ...toConditionBuilder(compiled.root),
      };
    }
  }
}

/** The engine's question: does this event's current state pass the webhook's condition? */
export function conditionMatches(condition: string, currentState: unknown): boolean {
  return conditionHolds(cachedCondition(condition), currentState);
}

/**
 * How each clause evaluated, for a webhook that firing skipped because its condition was false.
 * Only skipped webhooks pay for it: matching itself stays one jexl evaluation.
 */
export function explainCondition(condition: string, currentState: unknown): ConditionTrace | null {
  const compiled = cachedCondition(condition);
  return compiled.kind === 'valid' ? traceCondition(compiled.text, compiled.root, compiled.program.session(currentState)) : null;
}

import { lazy, Suspense, useMemo, useState } from 'react';
import { emptyConditionGroup, printCondition, pruneConditionGroup } from '../../../../src-shared/conditions/condition-builder.ts';
import { listPayloadPaths } from '../../../../src-shared/conditions/payload-paths.ts';
import type { ConditionGroup } from '../../../../src-shared/domain/condition.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { ConditionResult } from './ConditionResult.tsx';
import { ConditionTraceView } from './ConditionTraceView.tsx';
import { useConditionEvaluation } from './use-condition-evaluation.ts';

// Monaco loads with the first condition editor shown, not at startup.
const ConditionEditor = lazy(() => import('../../editor/ConditionEditor.tsx'));

type Mode = 'text' | 'builder';

export interface ConditionWorkbenchProps {
  condition: string;
  onChange(condition: string): void;
  /** The payload the condition is tried against, live; null while there is none. */
  sample: Record<string, unknown> | null;
  editorLines?: number;
}

/**
 * A trigger condition as text (Monaco) or as builder rows, tried against the sample on every
 * edit by the engine's evaluator, with the overall result and a trace per clause.
 */
export function ConditionWorkbench({ condition, onChange, sample, editorLines }: ConditionWorkbenchProps) {
  const [mode, setMode] = useState<Mode>('text');
  const [builderGroup, setBuilderGroup] = useState<ConditionGroup>(emptyConditionGroup);
  /** The text the Builder tab was refused for; the note about it shows until the text changes. */
  const [refusedFor, setRefusedFor] = useState<string | null>(null);
  const { evaluation, error, stale } = useConditionEvaluation(condition, sample);
  const paths = useMemo(() => (sample ? listPayloadPaths(sample).map(({ path }) => path) : []), [sample]);
  const diagnostics = evaluation?.diagnostics ?? [];
  const warnings = evaluation?.warnings ?? [];

  const builderBlocked = condition.trim() !== '' && !stale && evaluation !== null && evaluation.builder === null;
  const hasErrors = diagnostics.length > 0;

  const switchMode = (next: Mode) => {
    if (next === 'builder') {
      if (builderBlocked) {
        setRefusedFor(condition);
        return;
      }
      setBuilderGroup(condition.trim() === '' ? emptyConditionGroup() : (evaluation?.builder ?? emptyConditionGroup()));
    }
    setMode(next);
  };

  const editBuilder = (group: ConditionGroup) => {
    setBuilderGroup(group);
    onChange(printCondition(pruneConditionGroup(group)));
  };

  return (
    <div className="condition-workbench" data-testid="condition-workbench">
      <div className="condition-toolbar">
        <Tabs
          label="Condition view"
          tabs={[
            { id: 'text', label: 'Expression' },
            { id: 'builder', label: 'Builder' },
          ]}
          selectedId={mode}
          onSelect={(id) => switchMode(id as Mode)}
        >
          {mode === 'text' ? (
            <Suspense fallback={<pre className="code-viewer-fallback">{condition}</pre>}>
              <ConditionEditor
                value={condition}
                onChange={onChange}
                diagnostics={diagnostics}
                warnings={warnings}
                sample={sample}
                label="Trigger condition"
                lines={editorLines}
              />
            </Suspense>
          ) : (
            <>
              <ConditionBuilder group={builderGroup} onChange={editBuilder} paths={paths} />
              <pre className="code-raw condition-preview" role="region" aria-label="Expression" data-testid="builder-expression">
                {condition || '(no condition)'}
              </pre>
            </>
          )}
        </Tabs>
      </div>
      {builderBlocked && mode === 'text' && (!hasErrors || refusedFor === condition) && (
        <p className="field-hint" data-testid="builder-note">
          {hasErrors
            ? 'The builder shows valid expressions only: fix the error below first.'
            : `The builder cannot show this expression${evaluation?.builderNote ? `: ${evaluation.builderNote}` : ''}. Keep editing it as text.`}
        </p>
      )}
      {error && <ErrorBanner error={error} />}
      <div className="condition-outcome">
        <ConditionResult evaluation={sample ? evaluation : null} stale={stale} />
        {!sample && <span className="muted small">Choose a sample payload to try the condition on.</span>}
      </div>
      {evaluation && <ConditionTraceView trace={evaluation.trace} diagnostics={diagnostics} warnings={warnings} />}
    </div>
  );
}

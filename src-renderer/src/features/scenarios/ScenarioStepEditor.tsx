import { lazy, Suspense, useState } from 'react';
import { DURATION_NOTATION_HINT } from '../../../../src-shared/domain/duration-notation.ts';
import { findCatalogEvent, vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { fieldMessageId, FormField } from '../ui/FormField.tsx';
import type { DraftStep } from './scenario-draft.ts';

const JsonEditor = lazy(() => import('../../editor/JsonEditor.tsx'));

/** The step's fields an error can name, as in `steps[2].eventName`. */
export const STEP_FIELDS = ['vendor', 'eventName', 'activity', 'delayMs', 'stateEdits'] as const;
export type StepField = (typeof STEP_FIELDS)[number];

export interface ScenarioStepEditorProps {
  index: number;
  count: number;
  step: DraftStep;
  errors: Partial<Record<StepField, string>>;
  onChange(step: DraftStep): void;
  onMove(offset: -1 | 1): void;
  onRemove(): void;
}

/** One step of a user scenario: its event (fixed; add another step to fire a different one), activity, delay and state edits. */
export function ScenarioStepEditor({ index, count, step, errors, onChange, onMove, onRemove }: ScenarioStepEditorProps) {
  const [editsOpen, setEditsOpen] = useState(step.stateEdits.trim() !== '' || Boolean(errors.stateEdits));
  const event = findCatalogEvent(step.vendor, step.eventName);
  const control = (field: StepField) => `scenario-step-${index}-${field}`;
  const eventError = errors.eventName ?? errors.vendor;

  return (
    <li
      className={`step-editor${Object.keys(errors).length > 0 ? ' has-error' : ''}`}
      data-testid="step-editor"
      aria-label={`Step ${index + 1}: ${step.eventName}`}
    >
      <div className="step-editor-head">
        <span className="timeline-marker" aria-hidden="true">
          {index + 1}
        </span>
        <div className="step-editor-event">
          <span className="timeline-event">{step.eventName}</span>
          <span className="muted small">{vendorCatalogs[step.vendor].label}</span>
          {eventError && (
            <span className="field-error" data-testid={`${control('eventName')}-error`}>
              {eventError}
            </span>
          )}
        </div>
        <div className="step-editor-actions">
          <button
            type="button"
            className="icon-button"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={`Move step ${index + 1} up`}
            title="Move up"
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={`Move step ${index + 1} down`}
            title="Move down"
          >
            ↓
          </button>
          <button type="button" className="button button-danger-quiet button-small" onClick={onRemove} aria-label={`Remove step ${index + 1}`}>
            Remove
          </button>
        </div>
      </div>
      <div className="form-row step-editor-fields">
        <FormField htmlFor={control('delayMs')} label="Delay before" error={errors.delayMs} hint={`Vendor time: ${DURATION_NOTATION_HINT}`}>
          <input
            id={control('delayMs')}
            className="input"
            value={step.delay}
            aria-invalid={Boolean(errors.delayMs) || undefined}
            aria-describedby={fieldMessageId(control('delayMs'))}
            onChange={(change) => onChange({ ...step, delay: change.target.value })}
            data-testid="step-delay"
          />
        </FormField>
        <FormField htmlFor={control('activity')} label="Activity" error={errors.activity}>
          <select
            id={control('activity')}
            className="input"
            value={step.activity}
            aria-describedby={fieldMessageId(control('activity'))}
            onChange={(change) => onChange({ ...step, activity: change.target.value })}
          >
            {(event?.activities ?? [step.activity]).map((activity) => (
              <option key={activity} value={activity}>
                {activity}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <button type="button" className="link-button small" aria-expanded={editsOpen} onClick={() => setEditsOpen((open) => !open)}>
        {editsOpen ? '▾' : '▸'} State edits {step.stateEdits.trim() !== '' && '(set)'}
      </button>
      {editsOpen && (
        <div className="step-editor-edits">
          <p className="field-hint">A JSON merge patch on the generated current state, e.g. {'{"entitlement": {"status": "DISABLED"}}'}; empty for none.</p>
          <Suspense fallback={<pre className="code-viewer-fallback">{step.stateEdits}</pre>}>
            <JsonEditor
              value={step.stateEdits}
              onChange={(text) => onChange({ ...step, stateEdits: text })}
              label={`State edits of step ${index + 1}`}
              height={140}
            />
          </Suspense>
          {errors.stateEdits && (
            <span className="field-error" data-testid={`${control('stateEdits')}-error`}>
              {errors.stateEdits}
            </span>
          )}
        </div>
      )}
    </li>
  );
}

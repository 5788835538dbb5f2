import { useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../../src-shared/contracts/contract-kit.ts';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { firstEventOf } from '../../../../src-shared/vendors/catalogs.ts';
import { placeIssues, toUiError } from '../../api/ui-error.ts';
import { useScenarios } from '../../stores/scenario-store.ts';
import { CATALOG_PICKER_HINT, CatalogEventPicker } from '../catalog/CatalogEventPicker.tsx';
import { ErrorList } from '../ui/ErrorList.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { Section } from '../ui/Section.tsx';
import { submitOnModEnter, SUBMIT_SHORTCUT_LABEL } from '../ui/submit-shortcut.ts';
import { draftToInput, moveStep, newDraftStep, type ScenarioDraft } from './scenario-draft.ts';
import { ScenarioStepEditor, STEP_FIELDS, type StepField } from './ScenarioStepEditor.tsx';
import { VendorSelect } from '../catalog/VendorSelect.tsx';

const SCENARIO_LABELS = { name: 'Name', description: 'Description', seed: 'Seed', steps: 'Steps' };

/** Labels for every field an issue can name, steps included (`steps[1].delayMs`). */
function fieldLabels(stepCount: number): Record<string, string> {
  const labels: Record<string, string> = { ...SCENARIO_LABELS };
  const stepLabels: Record<StepField, string> = { vendor: 'Vendor', eventName: 'Event', activity: 'Activity', delayMs: 'Delay', stateEdits: 'State edits' };
  for (let index = 0; index < stepCount; index += 1) {
    for (const field of STEP_FIELDS) labels[`steps[${index}].${field}`] = stepLabels[field];
  }
  return labels;
}

export interface ScenarioEditorProps {
  draftKey: string;
  draft: ScenarioDraft;
  onChange(draft: ScenarioDraft): void;
  /** Leaves the editor, dropping the draft. */
  onClose(): void;
}

/** The editor of a user scenario; edits live in a draft the store keeps until saved or discarded. */
export function ScenarioEditor({ draftKey, draft, onChange, onClose }: ScenarioEditorProps) {
  const save = useScenarios((state) => state.save);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [addVendor, setAddVendor] = useState<VendorId>(draft.steps.at(-1)?.vendor ?? 'sentinel-ems');
  const [addEvent, setAddEvent] = useState(() => firstEventOf(addVendor).eventName);

  const placed = placeIssues(issues, fieldLabels(draft.steps.length));
  const errorOf = (path: string) => placed.fields[path] ?? null;
  const stepErrors = (index: number) =>
    Object.fromEntries(STEP_FIELDS.flatMap((field) => (errorOf(`steps[${index}].${field}`) ? [[field, errorOf(`steps[${index}].${field}`)]] : [])));
  // Edits move the steps around: issues that name steps by position no longer hold.
  const update = (next: ScenarioDraft) => {
    setIssues([]);
    onChange(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = draftToInput(draft);
    if ('issues' in built) {
      setIssues(built.issues);
      return;
    }
    setSaving(true);
    try {
      await save(draftKey, built.input);
      setIssues([]);
    } catch (error) {
      const uiError = toUiError(error);
      setIssues(uiError.issues.length > 0 ? uiError.issues : [{ path: '', message: uiError.message }]);
    } finally {
      setSaving(false);
    }
  };

  const addStep = () => {
    update({ ...draft, steps: [...draft.steps, newDraftStep(addVendor, addEvent)] });
  };

  return (
    <form className="detail" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate data-testid="scenario-editor">
      <header className="detail-header">
        <div className="detail-title">
          <h2>{draft.id ? `Edit ${draft.name || 'scenario'}` : 'New scenario'}</h2>
        </div>
      </header>
      <div className="detail-body">
        <ErrorList messages={placed.general} testId="scenario-form-error" />
        <Section title="About">
          <FormField htmlFor="scenario-name" label="Name" required error={errorOf('name')} counter={{ length: draft.name.length, max: 100 }}>
            <input
              id="scenario-name"
              className="input"
              value={draft.name}
              aria-invalid={Boolean(errorOf('name')) || undefined}
              aria-describedby={fieldMessageId('scenario-name')}
              onChange={(change) => update({ ...draft, name: change.target.value })}
            />
          </FormField>
          <FormField htmlFor="scenario-description" label="Description" error={errorOf('description')} counter={{ length: draft.description.length, max: 500 }}>
            <textarea
              id="scenario-description"
              className="input textarea"
              rows={2}
              value={draft.description}
              aria-describedby={fieldMessageId('scenario-description')}
              onChange={(change) => update({ ...draft, description: change.target.value })}
            />
          </FormField>
          <FormField
            htmlFor="scenario-seed"
            label="Seed"
            error={errorOf('seed')}
            hint="Every step generates its entities from it: same seed, same ids, every run."
          >
            <input
              id="scenario-seed"
              className="input input-small"
              inputMode="numeric"
              value={draft.seed}
              aria-describedby={fieldMessageId('scenario-seed')}
              onChange={(change) => update({ ...draft, seed: change.target.value })}
            />
          </FormField>
        </Section>
        <Section title="Steps" count={draft.steps.length}>
          {errorOf('steps') && (
            <p className="field-error" data-testid="scenario-steps-error">
              {errorOf('steps')}
            </p>
          )}
          {draft.steps.length === 0 && <p className="muted">No steps yet: pick an event below and add it. Steps fire in order, each after its delay.</p>}
          <ol className="plain-list step-editors">
            {draft.steps.map((step, index) => (
              <ScenarioStepEditor
                key={step.key}
                index={index}
                count={draft.steps.length}
                step={step}
                errors={stepErrors(index)}
                onChange={(changed) => update({ ...draft, steps: draft.steps.map((candidate, at) => (at === index ? changed : candidate)) })}
                onMove={(offset) => update({ ...draft, steps: moveStep(draft.steps, index, offset) })}
                onRemove={() => update({ ...draft, steps: draft.steps.filter((_, at) => at !== index) })}
              />
            ))}
          </ol>
          <div className="add-step" data-testid="add-step">
            <h4>Add a step</h4>
            <FormField htmlFor="add-step-vendor" label="Vendor">
              <VendorSelect
                id="add-step-vendor"
                value={addVendor}
                onChange={(vendor) => {
                  setAddVendor(vendor);
                  setAddEvent(firstEventOf(vendor).eventName);
                }}
              />
            </FormField>
            <FormField htmlFor="add-step-event" label="Event" hint={CATALOG_PICKER_HINT}>
              <CatalogEventPicker id="add-step-event" vendor={addVendor} value={addEvent} onChange={(eventName) => setAddEvent(eventName)} />
            </FormField>
            <button type="button" className="button" onClick={addStep} data-testid="add-step-button">
              Add “{addEvent}”
            </button>
          </div>
        </Section>
      </div>
      <footer className="detail-footer">
        <button type="submit" className="button button-primary" disabled={saving} data-testid="scenario-save">
          {saving ? 'Saving…' : draft.id ? 'Save changes' : 'Create scenario'}
          <kbd>{SUBMIT_SHORTCUT_LABEL}</kbd>
        </button>
        <button type="button" className="button" onClick={onClose}>
          {draft.id ? 'Discard changes' : 'Cancel'}
        </button>
        <span className="detail-footer-status">Edits are kept as a draft when you switch scenarios.</span>
      </footer>
    </form>
  );
}

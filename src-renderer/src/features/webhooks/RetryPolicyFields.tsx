import { useEffect } from 'react';
import { retryPolicySchema } from '../../../../src-shared/domain/retry-policy.ts';
import { retryDelayRanges, type RetryDelayRange } from '../../../../src-shared/domain/retry-schedule.ts';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { formatSpan } from '../../format/time-format.ts';
import { useDeliveryRules } from '../../stores/delivery-rules-store.ts';
import { OutcomeRulesTable } from '../delivery-rules/OutcomeRulesTable.tsx';
import { exactDelays, RetryScheduleList } from '../delivery-rules/RetryScheduleList.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';
import { retryPolicyOf, type RetryField, type RetryFormValues, type RetryMode } from './retry-policy-form.ts';

export interface RetryPolicyFieldsProps {
  vendor: VendorId;
  values: RetryFormValues;
  errorOf(field: RetryField): string | undefined;
  onChange(patch: Partial<RetryFormValues>, field: RetryField | null): void;
  onBlur(field: RetryField): void;
  controlId(field: RetryField): string;
}

type TextKey = Exclude<keyof RetryFormValues, 'mode'>;

const MODES: ReadonlyArray<{ mode: RetryMode; label: string }> = [
  { mode: 'vendor', label: 'Vendor default' },
  { mode: 'fixed', label: 'Custom intervals' },
  { mode: 'exponential', label: 'Exponential backoff' },
];

const EXPONENTIAL_FIELDS: ReadonlyArray<{ key: TextKey; field: RetryField; label: string; hint: string; mono?: boolean }> = [
  { key: 'base', field: 'retryBase', label: 'First delay', hint: 'Before retry 1', mono: true },
  { key: 'factor', field: 'retryFactor', label: 'Factor', hint: 'Each wait × this' },
  { key: 'cap', field: 'retryCap', label: 'Cap', hint: 'No wait is longer', mono: true },
  { key: 'jitter', field: 'retryJitter', label: 'Jitter', hint: '0–1: share randomised away' },
  { key: 'retries', field: 'retryCount', label: 'Retries', hint: 'After the first try' },
];

/** The schedule the form's values make, or null while they are not a valid policy. */
function customDelays(values: RetryFormValues): RetryDelayRange[] | null {
  const parsed = retryPolicySchema.safeParse(retryPolicyOf(values));
  return parsed.success ? retryDelayRanges(parsed.data) : null;
}

/** When a failed try is retried: the vendor's schedule, or the webhook's own; with a preview. */
export function RetryPolicyFields({ vendor, values, errorOf, onChange, onBlur, controlId }: RetryPolicyFieldsProps) {
  const rules = useDeliveryRules((state) => state.rules);
  const vendorDefault = rules?.vendorDefaults.find((candidate) => candidate.vendor === vendor) ?? null;

  useEffect(() => {
    void useDeliveryRules.getState().load();
  }, []);

  const delays = values.mode === 'vendor' ? (vendorDefault ? exactDelays(vendorDefault.scheduleMs) : null) : customDelays(values);
  const vendorLabel = vendorDefault ? `Vendor default (${vendorDefault.scheduleMs.map(formatSpan).join(', ')})` : 'Vendor default';

  const textInput = (key: TextKey, field: RetryField, mono = false, placeholder?: string) => {
    const error = errorOf(field);
    return (
      <input
        id={controlId(field)}
        className={`input${mono ? ' mono' : ''}`}
        value={values[key]}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={fieldMessageId(controlId(field))}
        onChange={(change) => onChange({ [key]: change.target.value }, field)}
        onBlur={() => onBlur(field)}
      />
    );
  };

  return (
    <div className="retry-policy" data-testid="retry-policy">
      <fieldset className="form-fieldset">
        <legend>When a try fails</legend>
        <SegmentedRadio
          label="Retry policy"
          options={MODES.map(({ mode, label }) => ({ value: mode, label: mode === 'vendor' ? vendorLabel : label }))}
          value={values.mode}
          onChange={(mode) => onChange({ mode }, null)}
        />
      </fieldset>

      {values.mode === 'vendor' && vendorDefault && <p className="field-hint">{vendorDefault.source}.</p>}
      {values.mode === 'fixed' && (
        <FormField
          htmlFor={controlId('retryIntervals')}
          label="Intervals"
          error={errorOf('retryIntervals')}
          hint="One wait per retry, each counted from the try before; s, m, h or d."
        >
          {textInput('intervals', 'retryIntervals', true, '30s, 2m, 10m')}
        </FormField>
      )}
      {values.mode === 'exponential' && (
        <div className="retry-exponential">
          {EXPONENTIAL_FIELDS.map(({ key, field, label, hint, mono }) => (
            <FormField key={key} htmlFor={controlId(field)} label={label} error={errorOf(field)} hint={hint}>
              {textInput(key, field, mono)}
            </FormField>
          ))}
        </div>
      )}

      <div className="retry-preview" aria-live="polite">
        <h4>Schedule</h4>
        {delays ? <RetryScheduleList delays={delays} testId="retry-preview" /> : <p className="muted small">Fix the fields above to see the schedule.</p>}
      </div>

      {rules && (
        <details className="rules-disclosure">
          <summary>Which responses are retried</summary>
          <OutcomeRulesTable outcomes={rules.outcomes} />
          <p className="field-hint">A manual retry gives a failed delivery up to {rules.manualRetryAttempts} new tries, spaced like this schedule.</p>
        </details>
      )}
    </div>
  );
}

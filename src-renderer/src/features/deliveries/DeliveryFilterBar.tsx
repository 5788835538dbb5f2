import { useEffect, useState, type ReactNode } from 'react';
import { useDeliveryList } from '../../stores/delivery-list-store.ts';
import { useTimeScale, vendorNow } from '../../stores/time-scale-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { fieldMessageId } from '../ui/FormField.tsx';
import {
  filterErrors,
  filterValuesOf,
  matchOf,
  sameMatch,
  TIME_PRESETS,
  toLocalInput,
  type DeliveryFilterField,
  type DeliveryFilterValues,
} from './delivery-filter-form.ts';
import { StatusChips } from './StatusChips.tsx';

/** Typing an event id searches once the typing pauses. */
const TYPING_PAUSE_MS = 300;

const controlId = (field: DeliveryFilterField) => `delivery-filter-${field}`;

function FilterField({ field, label, error, children }: { field: DeliveryFilterField; label: string; error?: string; children: ReactNode }) {
  return (
    <div className={`filter-field${error ? ' has-error' : ''}`}>
      <label htmlFor={controlId(field)}>{label}</label>
      {children}
      {error && (
        <span id={fieldMessageId(controlId(field))} className="field-error" role="alert" data-testid={`${controlId(field)}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** The search: webhook, event id, statuses and a time range; the list follows every change. */
export function DeliveryFilterBar({ onSearch, actions }: { onSearch(): void; actions: ReactNode }) {
  const match = useDeliveryList((state) => state.match);
  const searchError = useDeliveryList((state) => state.searchError);
  const webhooks = useWebhooks((state) => state.webhooks);
  const [values, setValues] = useState<DeliveryFilterValues>(() => filterValuesOf(match));
  const errors = searchError ? filterErrors(searchError.issues) : {};

  // The search changed elsewhere (a link from the Fire page widened it): show it.
  useEffect(() => {
    setValues((current) => (sameMatch(matchOf(current), match) ? current : filterValuesOf(match)));
  }, [match]);

  const apply = (next: DeliveryFilterValues) => {
    setValues(next);
    void useDeliveryList
      .getState()
      .search(matchOf(next))
      .then((accepted) => accepted && onSearch());
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on typing in the event id field only (see the last line); the other fields apply at once.
  useEffect(() => {
    if (values.eventId.trim() === (match.eventId ?? '')) return;
    const timer = setTimeout(() => apply(values), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // Only typing in the event id field waits for a pause; every other field applies at once.
  }, [values.eventId]);

  const change = (patch: Partial<DeliveryFilterValues>) => apply({ ...values, ...patch });
  const preset = (spanMs: number | null) => {
    const now = vendorNow(useTimeScale.getState());
    change({ from: spanMs === null || now === null ? '' : toLocalInput(now - spanMs), to: '' });
  };
  const invalid = (field: DeliveryFilterField) => ({
    'aria-invalid': Boolean(errors[field]) || undefined,
    'aria-describedby': errors[field] ? fieldMessageId(controlId(field)) : undefined,
  });

  const timeInput = (field: 'from' | 'to') => (
    <input
      id={controlId(field)}
      type="datetime-local"
      className="input input-small"
      value={values[field]}
      onChange={(event) => change({ [field]: event.target.value })}
      {...invalid(field)}
    />
  );

  return (
    <div className="filter-bar" role="search" aria-label="Search deliveries" data-testid="delivery-filters">
      <FilterField field="webhookId" label="Webhook" error={errors.webhookId}>
        <select
          id={controlId('webhookId')}
          className="input input-small"
          value={values.webhookId}
          onChange={(event) => change({ webhookId: event.target.value })}
          {...invalid('webhookId')}
        >
          <option value="">All webhooks</option>
          {webhooks.map((webhook) => (
            <option key={webhook.id} value={webhook.id}>
              {webhook.name}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField field="eventId" label="Event id" error={errors.eventId}>
        <input
          id={controlId('eventId')}
          type="search"
          className="input input-small mono filter-event-id"
          placeholder="Any event"
          spellCheck={false}
          value={values.eventId}
          onChange={(event) => setValues({ ...values, eventId: event.target.value })}
          {...invalid('eventId')}
        />
      </FilterField>
      <FilterField field="from" label="Created from (engine time)" error={errors.from}>
        {timeInput('from')}
      </FilterField>
      <FilterField field="to" label="to" error={errors.to}>
        <div className="filter-range-end">
          {timeInput('to')}
          <div className="segmented" role="group" aria-label="Time presets">
            {TIME_PRESETS.map(({ label, title, spanMs }) => (
              <button key={label} type="button" title={title} onClick={() => preset(spanMs)}>
                {label}
              </button>
            ))}
          </div>
        </div>
      </FilterField>
      <FilterField field="statuses" label="Status" error={errors.statuses}>
        <StatusChips id={controlId('statuses')} value={values.statuses} onChange={(statuses) => change({ statuses })} />
      </FilterField>
      <div className="filter-bar-actions">{actions}</div>
    </div>
  );
}

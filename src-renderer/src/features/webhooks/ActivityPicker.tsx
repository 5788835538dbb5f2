import { useId, useState } from 'react';
import { fieldMessageId } from '../ui/FormField.tsx';

export interface ActivityPickerProps {
  /** DOM id of the group; its message (error or hint) hangs off it. */
  id: string;
  /** The chosen event's activities, in catalog order. */
  activities: readonly string[];
  all: boolean;
  selected: readonly string[];
  error?: string;
  onChange(all: boolean, selected: string[]): void;
}

/** Lists longer than this get a filter box: "Entitlement Updated" has over thirty activities. */
const FILTER_THRESHOLD = 10;

/** The activity filter: every activity of the event, or only those ticked. */
export function ActivityPicker({ id, activities, all, selected, error, onChange }: ActivityPickerProps) {
  const [query, setQuery] = useState('');
  const radioName = useId();
  const chosen = new Set(selected);
  const needle = query.trim().toLowerCase();
  const shown = needle ? activities.filter((activity) => activity.toLowerCase().includes(needle)) : activities;

  const toggle = (activity: string, on: boolean) => {
    // Keep catalog order, so what is saved reads like the vendor's list.
    onChange(
      false,
      activities.filter((candidate) => (candidate === activity ? on : chosen.has(candidate))),
    );
  };

  return (
    <fieldset
      id={id}
      className={`form-field activity-picker${error ? ' has-error' : ''}`}
      aria-describedby={fieldMessageId(id)}
      aria-invalid={Boolean(error) || undefined}
    >
      <legend>Activities</legend>
      <div className="radio-row">
        <label className="radio">
          <input type="radio" name={radioName} checked={all} onChange={() => onChange(true, [])} />
          All activities <span className="muted">({activities.length})</span>
        </label>
        <label className="radio">
          <input type="radio" name={radioName} checked={!all} onChange={() => onChange(false, [...selected])} />
          Only these
          {!all && <span className="muted"> ({selected.length} chosen)</span>}
        </label>
      </div>
      {!all && (
        <div className="activity-box">
          {activities.length > FILTER_THRESHOLD && (
            <div className="activity-box-toolbar">
              <input
                type="search"
                className="input input-small"
                placeholder="Filter activities"
                aria-label="Filter activities"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
              <button type="button" className="button button-small" onClick={() => onChange(false, [...activities])}>
                Select all
              </button>
              <button type="button" className="button button-small" onClick={() => onChange(false, [])}>
                Clear
              </button>
            </div>
          )}
          <div className="activity-grid">
            {shown.map((activity) => (
              <label key={activity} className="checkbox">
                <input type="checkbox" checked={chosen.has(activity)} onChange={(event) => toggle(activity, event.target.checked)} />
                {activity}
              </label>
            ))}
            {shown.length === 0 && <p className="muted small">No activity matches “{query}”.</p>}
          </div>
        </div>
      )}
      <div id={fieldMessageId(id)} className="form-field-message" aria-live="polite">
        {error ? (
          <span className="field-error" data-testid={`${id}-error`}>
            {error}
          </span>
        ) : (
          <span className="field-hint">A delivery is made only when the event's activity is one of these.</span>
        )}
      </div>
    </fieldset>
  );
}

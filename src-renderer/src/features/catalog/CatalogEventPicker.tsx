import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { catalogEvents, vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { fieldMessageId } from '../ui/FormField.tsx';
import { searchCatalog, type CatalogMatch } from './catalog-search.ts';

/** The keys the picker answers to, for the hint under its field. */
export const CATALOG_PICKER_HINT = 'Type to search; ↑ ↓ move, Enter picks, Esc clears the search.';

export interface CatalogEventPickerProps {
  /** DOM id of the search box, which the field's label names. */
  id: string;
  vendor: VendorId;
  value: string;
  invalid?: boolean;
  /** `activity` is set when the event was found by one of its activities. */
  onChange(eventName: string, activity?: string): void;
  onBlur?(): void;
}

/**
 * Scrolls only the list, never the page around it (scrollIntoView would move the form too), and
 * keeps the option clear of the sticky entity heading.
 */
function revealWithin(list: HTMLElement, option: HTMLElement): void {
  const heading = list.querySelector<HTMLElement>('.catalog-entity')?.offsetHeight ?? 0;
  const top = option.offsetTop - heading;
  const bottom = option.offsetTop + option.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}

/**
 * The vendor's events grouped by entity, with a search box over entities, events and activities.
 * Focus stays in the box (a combobox over an always-open list): arrows move, Enter picks, Esc clears.
 */
export function CatalogEventPicker({ id, vendor, value, invalid, onChange, onBlur }: CatalogEventPickerProps) {
  const catalog = vendorCatalogs[vendor];
  const [query, setQuery] = useState('');
  const groups = useMemo(() => searchCatalog(catalog, query), [catalog, query]);
  const shown = useMemo(() => groups.flatMap((group) => group.matches), [groups]);
  const everyEvent = useMemo(() => catalogEvents(vendor).map((event) => event.name), [vendor]);
  // Unfiltered, the cursor starts on the chosen event; typing puts it on the first match, so
  // "type, Enter" picks that.
  const [active, setActive] = useState(() => everyEvent.indexOf(value));
  const [cursorFor, setCursorFor] = useState(value);
  if (cursorFor !== value) {
    // Another webhook opened in the same form: show its event.
    setCursorFor(value);
    if (query.trim() === '') setActive(everyEvent.indexOf(value));
  }
  const optionId = (index: number) => `${id}-option-${index}`;

  // Only when the cursor or the list moves: a live update elsewhere must not scroll the list back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the groups are the trigger (a new list), not an input.
  useEffect(() => {
    const list = document.getElementById(`${id}-list`);
    const option = document.getElementById(optionId(active));
    if (list && option) revealWithin(list, option);
  }, [active, groups]);

  const search = (text: string, chosen = value) => {
    setQuery(text);
    setActive(text.trim() === '' ? everyEvent.indexOf(chosen) : 0);
  };

  const pick = (match: CatalogMatch) => {
    onChange(match.event.name, match.activities[0]);
    search('', match.event.name);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      if (shown.length > 0) setActive((current) => (current < 0 ? (move > 0 ? 0 : shown.length - 1) : (current + move + shown.length) % shown.length));
    } else if (event.key === 'Enter' && !(event.ctrlKey || event.metaKey)) {
      // Enter picks here and must not submit the form; Ctrl/⌘+Enter is left to the form's shortcut.
      event.preventDefault();
      if (shown[active]) pick(shown[active]);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      event.stopPropagation();
      search('');
    }
  };

  // Options are numbered through the groups, as `shown` lists them.
  let nextPosition = 0;
  return (
    <div className="catalog-picker">
      <input
        id={id}
        type="text"
        className="input"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown[active] ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={fieldMessageId(id)}
        placeholder={`Search ${everyEvent.length} events by entity, name or activity`}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(change) => search(change.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <div id={`${id}-list`} className="catalog-list" role="listbox" aria-label={`${catalog.label} events`}>
        {groups.map((group) => (
          <div key={group.entity} role="group" aria-label={group.entity}>
            <div className="catalog-entity" aria-hidden="true">
              {group.entity}
              {group.note && <span className="muted"> ({group.note})</span>}
            </div>
            {group.matches.map((match) => {
              const position = nextPosition++;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: an ARIA listbox with aria-activedescendant: focus and keys stay in the search box, options are pointed at, not focused.
                <div
                  key={match.event.name}
                  id={optionId(position)}
                  role="option"
                  aria-selected={match.event.name === value}
                  className={`catalog-option${position === active ? ' active' : ''}`}
                  // Keep focus in the search box, where the keys work.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(match)}
                >
                  <span className="catalog-option-name">{match.event.name}</span>
                  <span className="muted small">
                    {match.event.operation} · {match.event.activities.length} {match.event.activities.length === 1 ? 'activity' : 'activities'}
                  </span>
                  {match.activities.length > 0 && (
                    <span className="catalog-option-activities small">
                      {match.activities.length === 1 ? 'activity' : 'activities'}: {match.activities.join(', ')}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
        {groups.length === 0 && <p className="muted small catalog-empty">No entity, event or activity matches “{query}”.</p>}
      </div>
    </div>
  );
}

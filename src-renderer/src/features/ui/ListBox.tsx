import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { rowDomId, useListNavigation } from './list-navigation.ts';

export interface ListBoxProps<T> {
  /** DOM id of the list; row ids derive from it. */
  id: string;
  label: string;
  items: readonly T[];
  itemId(item: T): string;
  selectedId: string | null;
  onSelect(id: string): void;
  renderItem(item: T): ReactNode;
  className?: string;
  testId?: string;
  /** Keys other than navigation, pressed with an item selected (e.g. Delete). */
  onItemKey?(key: string, id: string): void;
}

/**
 * A single-selection list that is one tab stop: arrow keys, Home and End move the selection,
 * and the focused row is announced through aria-activedescendant.
 */
export function ListBox<T>({ id, label, items, itemId, selectedId, onSelect, renderItem, className, testId, onItemKey }: ListBoxProps<T>) {
  const ids = useMemo(() => items.map(itemId), [items, itemId]);
  const navigate = useListNavigation(id, ids, selectedId, onSelect);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    navigate(event);
    if (!event.defaultPrevented && onItemKey && selectedId !== null && ids.includes(selectedId)) onItemKey(event.key, selectedId);
  };
  const active = selectedId !== null && ids.includes(selectedId) ? rowDomId(id, selectedId) : undefined;

  return (
    <div
      id={id}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={active}
      className={`listbox${className ? ` ${className}` : ''}`}
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      {items.map((item, index) => {
        const rowId = ids[index];
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: an ARIA listbox with aria-activedescendant: focus and keys stay on the list, options are pointed at, not focused.
          <div
            key={rowId}
            id={rowDomId(id, rowId)}
            role="option"
            aria-selected={rowId === selectedId}
            className="listbox-row"
            data-testid={testId ? `${testId}-row` : undefined}
            onClick={() => onSelect(rowId)}
          >
            {renderItem(item)}
          </div>
        );
      })}
    </div>
  );
}

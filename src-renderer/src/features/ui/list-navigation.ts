import { useCallback, useEffect, type KeyboardEvent } from 'react';

/** The DOM id of a row, so the list can point `aria-activedescendant` at it. */
export function rowDomId(listId: string, itemId: string): string {
  return `${listId}-row-${itemId}`;
}

/**
 * Where a navigation key moves the position in a list of `count` rows (-1: nothing chosen yet),
 * or null for keys that do not navigate. Page keys move by what one screen shows.
 */
export function navigationTarget(key: string, current: number, count: number, pageRows = 10): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, last);
    case 'ArrowUp':
      return current < 0 ? 0 : Math.max(current - 1, 0);
    case 'PageDown':
      return Math.min(Math.max(current, 0) + pageRows, last);
    case 'PageUp':
      return Math.max(current - pageRows, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/**
 * Arrow, page, Home and End keys move the selection of a focusable list (role=listbox); the
 * selected row is kept in view.
 */
export function useListNavigation(listId: string, ids: readonly string[], selectedId: string | null, onSelect: (id: string) => void) {
  useEffect(() => {
    if (!selectedId) return;
    document.getElementById(rowDomId(listId, selectedId))?.scrollIntoView({ block: 'nearest' });
  }, [listId, selectedId]);

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const current = selectedId ? ids.indexOf(selectedId) : -1;
      const next = navigationTarget(event.key, current, ids.length);
      if (next === null) return;
      event.preventDefault();
      if (next !== current) onSelect(ids[next]);
    },
    [ids, selectedId, onSelect],
  );
}

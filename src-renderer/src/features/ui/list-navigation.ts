import { useCallback, useEffect, type KeyboardEvent } from 'react';

/** The DOM id of a row, so the list can point `aria-activedescendant` at it. */
export function rowDomId(listId: string, itemId: string): string {
  return `${listId}-row-${itemId}`;
}

/**
 * Arrow keys, Home and End move the selection of a focusable list (role=listbox); the
 * selected row is kept in view.
 */
export function useListNavigation(
  listId: string,
  ids: readonly string[],
  selectedId: string | null,
  onSelect: (id: string) => void,
) {
  useEffect(() => {
    if (!selectedId) return;
    document.getElementById(rowDomId(listId, selectedId))?.scrollIntoView({ block: 'nearest' });
  }, [listId, selectedId]);

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (ids.length === 0) return;
      const current = selectedId ? ids.indexOf(selectedId) : -1;
      let next: number;
      switch (event.key) {
        case 'ArrowDown':
          next = Math.min(current + 1, ids.length - 1);
          break;
        case 'ArrowUp':
          next = current < 0 ? 0 : Math.max(current - 1, 0);
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = ids.length - 1;
          break;
        default:
          return;
      }
      event.preventDefault();
      if (next !== current) onSelect(ids[next]);
    },
    [ids, selectedId, onSelect],
  );
}

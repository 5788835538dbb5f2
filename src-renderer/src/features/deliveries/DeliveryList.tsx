import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useBulk } from '../../stores/bulk-store.ts';
import { useDeliveryDetail } from '../../stores/delivery-detail-store.ts';
import { useDeliveryList } from '../../stores/delivery-list-store.ts';
import { rowAt } from '../../stores/delivery-window.ts';
import { navigationTarget, rowDomId } from '../ui/list-navigation.ts';
import { DeliveryRow } from './DeliveryRow.tsx';
import { formatCount } from '../../format/count-format.ts';

const LIST_ID = 'delivery-list';
/** Fixed: positions are computed, never measured, so 100,000 rows cost what 20 do. */
export const DELIVERY_ROW_HEIGHT = 68;
/** Pages are asked for once scrolling pauses this long, not for every row dragged past. */
const SCROLL_PAUSE_MS = 60;

export interface DeliveryListProps {
  /** Enter: move to the open delivery's detail. */
  onOpen(): void;
  /** Lets the page scroll the list (to the top after a new search or "show new"). */
  scrollerRef?: (scrollToTop: () => void) => void;
}

/**
 * The search result, virtualised: only the rows in view (and a few around) are in the DOM, and
 * only the pages they need are fetched. One tab stop; arrow, page, Home and End keys move the
 * position, the open delivery follows it, Space ticks it, Enter moves to its detail.
 */
export function DeliveryList({ onOpen, scrollerRef }: DeliveryListProps) {
  const list = useDeliveryList((state) => state.window);
  const cursor = useDeliveryList((state) => state.cursor);
  const selectedId = useDeliveryDetail((state) => state.selectedId);
  const checked = useBulk((state) => state.checked);
  const allMatching = useBulk((state) => state.allMatching);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: list.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => DELIVERY_ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    scrollerRef?.(() => virtualizer.scrollToOffset(0));
  }, [scrollerRef, virtualizer]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new total or shift means the loaded rows moved: load the visible range again.
  useEffect(() => {
    if (last < 0) return;
    const timer = setTimeout(() => useDeliveryList.getState().ensureRange(first, last), SCROLL_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [first, last, list.total, list.shift]);

  // The open delivery follows the keyboard position once that row has loaded.
  const cursorRow = cursor === null ? null : rowAt(list, cursor);
  useEffect(() => {
    if (cursorRow && cursorRow.id !== useDeliveryDetail.getState().selectedId) useDeliveryDetail.getState().select(cursorRow.id);
  }, [cursorRow]);

  const moveTo = (index: number) => {
    useDeliveryList.getState().setCursor(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (selectedId) onOpen();
      return;
    }
    if (event.key === ' ' && cursorRow && cursor !== null) {
      event.preventDefault();
      useBulk.getState().toggle(cursor, cursorRow.id, event.shiftKey);
      return;
    }
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / DELIVERY_ROW_HEIGHT) - 1);
    const next = navigationTarget(event.key, cursor ?? -1, list.total, pageRows);
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  return (
    <div
      ref={scrollRef}
      id={LIST_ID}
      role="listbox"
      tabIndex={0}
      aria-label="Deliveries"
      aria-activedescendant={cursor === null ? undefined : rowDomId(LIST_ID, String(cursor))}
      className="listbox virtual-list"
      data-testid="delivery-list"
      onKeyDown={onKeyDown}
      onScroll={(event) => useDeliveryList.getState().setAtTop(event.currentTarget.scrollTop < DELIVERY_ROW_HEIGHT / 2)}
    >
      <div className="virtual-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const delivery = rowAt(list, item.index);
          const common = {
            id: rowDomId(LIST_ID, String(item.index)),
            'aria-posinset': item.index + 1,
            'aria-setsize': list.total,
            style: { transform: `translateY(${item.start}px)`, height: DELIVERY_ROW_HEIGHT },
          } as const;
          if (!delivery) {
            return (
              // biome-ignore lint/a11y/useFocusableInteractive: an ARIA listbox with aria-activedescendant: rows are pointed at, not focused.
              <div
                key={item.key}
                {...common}
                role="option"
                aria-selected={false}
                aria-busy
                className="listbox-row delivery-row is-loading"
                data-testid="delivery-list-placeholder"
              >
                <span className="skeleton" aria-hidden="true" />
                <span className="muted small">Loading row {formatCount(item.index + 1)}…</span>
              </div>
            );
          }
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: an ARIA listbox with aria-activedescendant: focus and keys stay on the list, rows are pointed at, not focused.
            <div
              key={item.key}
              {...common}
              role="option"
              aria-selected={delivery.id === selectedId}
              className={`listbox-row delivery-row${item.index === cursor ? ' is-cursor' : ''}`}
              data-testid="delivery-list-row"
              data-delivery-id={delivery.id}
              onClick={(event) => {
                if (event.shiftKey) useBulk.getState().toggle(item.index, delivery.id, true);
                useDeliveryList.getState().setCursor(item.index);
                useDeliveryDetail.getState().select(delivery.id);
              }}
            >
              <DeliveryRow
                delivery={delivery}
                checked={allMatching || checked.has(delivery.id)}
                onCheck={(range) => useBulk.getState().toggle(item.index, delivery.id, range)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

import type { DeliveryPage, DeliverySummary } from '../../../src-shared/domain/delivery.ts';

/**
 * A newest-first search as far as it is loaded. Rows are known by position; the engine is asked
 * for the pages the user scrolls to, so a list of 100,000 holds only the few thousand around the
 * viewport. New deliveries arrive at the top, which moves every position down: `shift` counts
 * those moves so a page asked for before one lands where it belongs.
 */
export interface DeliveryWindow {
  /** Rows the list shows: the engine's count, plus what was prepended since. */
  total: number;
  /** Position → delivery id, for the positions loaded. */
  ids: ReadonlyMap<number, string>;
  byId: ReadonlyMap<string, DeliverySummary>;
  /** New matching deliveries kept off screen while the user is scrolled down; newest first. */
  held: readonly DeliverySummary[];
  /** Rows prepended since the search started. */
  shift: number;
  /** Creation time of the newest delivery seen; a change to an older one is not a new row. */
  newestAt: number | null;
}

export const EMPTY_WINDOW: DeliveryWindow = { total: 0, ids: new Map(), byId: new Map(), held: [], shift: 0, newestAt: null };

/** Where a requested page goes: its first position, and the shift when it was asked for. */
export interface PageTarget {
  index: number;
  shift: number;
  limit: number;
}

/** The engine's offset for a position: held deliveries are above it there, not here. */
export function engineOffset(window: DeliveryWindow, index: number): number {
  return index + window.held.length;
}

function newest(current: number | null, deliveries: readonly DeliverySummary[]): number | null {
  return deliveries.reduce<number | null>((max, delivery) => (max === null || delivery.createdAt > max ? delivery.createdAt : max), current);
}

export function placePage(window: DeliveryWindow, page: DeliveryPage, target: PageTarget): DeliveryWindow {
  const moved = window.shift - target.shift;
  const first = target.index + moved;
  const ids = new Map(window.ids);
  const byId = new Map(window.byId);
  page.deliveries.forEach((delivery, offset) => {
    ids.set(first + offset, delivery.id);
    const known = byId.get(delivery.id);
    // The live feed may already have brought a newer state than this page read.
    if (!known || known.updatedAt <= delivery.updatedAt) byId.set(delivery.id, delivery);
  });
  let total = Math.max(0, page.total + moved - window.held.length);
  // A short page is the end of the list, whatever a count taken a moment apart says.
  if (page.deliveries.length < target.limit) total = Math.min(total, first + page.deliveries.length);
  for (const index of ids.keys()) if (index >= total) ids.delete(index);
  return { ...window, ids, byId, total, newestAt: newest(window.newestAt, page.deliveries) };
}

/** Puts deliveries (newest first) above every row. */
export function prepend(window: DeliveryWindow, deliveries: readonly DeliverySummary[]): DeliveryWindow {
  if (deliveries.length === 0) return window;
  const count = deliveries.length;
  const ids = new Map<number, string>();
  const byId = new Map(window.byId);
  deliveries.forEach((delivery, index) => {
    ids.set(index, delivery.id);
    byId.set(delivery.id, delivery);
  });
  for (const [index, id] of window.ids) ids.set(index + count, id);
  return {
    ...window,
    ids,
    byId,
    total: window.total + count,
    shift: window.shift + count,
    newestAt: newest(window.newestAt, deliveries),
  };
}

export function releaseHeld(window: DeliveryWindow): DeliveryWindow {
  return prepend({ ...window, held: [] }, window.held);
}

export interface ChangeContext {
  matches(delivery: DeliverySummary): boolean;
  /** At the top the user sees new rows arrive; further down they wait in `held`. */
  atTop: boolean;
}

function replaceById(list: DeliverySummary[], delivery: DeliverySummary): boolean {
  const index = list.findIndex((candidate) => candidate.id === delivery.id);
  if (index < 0) return false;
  list[index] = delivery;
  return true;
}

/**
 * Live changes: known rows are updated where they are (even when they no longer match, so a row
 * does not vanish under the pointer); new matching deliveries go on top, or are held.
 */
export function applyChanges(window: DeliveryWindow, changes: readonly DeliverySummary[], context: ChangeContext): DeliveryWindow {
  const byId = new Map(window.byId);
  const held = [...window.held];
  const fresh: DeliverySummary[] = [];
  for (const delivery of changes) {
    const known = byId.get(delivery.id);
    if (known) {
      if (known.updatedAt <= delivery.updatedAt) byId.set(delivery.id, delivery);
    } else if (!replaceById(held, delivery) && !replaceById(fresh, delivery)) {
      const older = window.newestAt !== null && delivery.createdAt < window.newestAt;
      if (!older && context.matches(delivery)) fresh.push(delivery);
    }
  }
  // The feed brings them oldest first; the list is newest first.
  const arrived = fresh.reverse().sort((a, b) => b.createdAt - a.createdAt);
  const updated: DeliveryWindow = { ...window, byId, held };
  if (context.atTop && held.length === 0) return prepend(updated, arrived);
  return { ...updated, held: [...arrived, ...held], newestAt: newest(window.newestAt, arrived) };
}

/** Starts of the `size`-row blocks that have an unloaded position within [first, last]. */
export function missingBlocks(window: DeliveryWindow, first: number, last: number, size: number): number[] {
  const end = Math.min(last, window.total - 1);
  const blocks: number[] = [];
  for (let block = Math.floor(Math.max(first, 0) / size) * size; block <= end; block += size) {
    for (let index = Math.max(block, first); index <= Math.min(block + size - 1, end); index += 1) {
      if (!window.ids.has(index)) {
        blocks.push(block);
        break;
      }
    }
  }
  return blocks;
}

/** Forgets rows more than `margin` positions away from [first, last]; scrolling back loads them again. */
export function evictFar(window: DeliveryWindow, first: number, last: number, margin: number): DeliveryWindow {
  const ids = new Map<number, string>();
  for (const [index, id] of window.ids) if (index >= first - margin && index <= last + margin) ids.set(index, id);
  if (ids.size === window.ids.size) return window;
  const kept = new Set(ids.values());
  const byId = new Map([...window.byId].filter(([id]) => kept.has(id)));
  return { ...window, ids, byId };
}

export function rowAt(window: DeliveryWindow, index: number): DeliverySummary | null {
  const id = window.ids.get(index);
  return id === undefined ? null : (window.byId.get(id) ?? null);
}

export function indexOfId(window: DeliveryWindow, id: string): number | null {
  for (const [index, candidate] of window.ids) if (candidate === id) return index;
  return null;
}

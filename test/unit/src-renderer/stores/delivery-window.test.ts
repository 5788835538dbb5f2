import { describe, expect, it } from 'vitest';
import type { DeliveryPage, DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import {
  applyChanges,
  EMPTY_WINDOW,
  engineOffset,
  evictFar,
  missingBlocks,
  placePage,
  releaseHeld,
  rowAt,
  type DeliveryWindow,
} from '../../../../src-renderer/src/stores/delivery-window.ts';

function delivery(n: number, patch: Partial<DeliverySummary> = {}): DeliverySummary {
  return {
    id: `d${n}`,
    eventId: `e${n}`,
    webhookId: 'w1',
    webhookName: 'Hook',
    eventName: 'Entitlement Added',
    activity: 'Add Entitlement',
    endpointUrl: 'http://127.0.0.1:9/hook',
    status: 'succeeded',
    attemptCount: 1,
    nextAttemptAt: null,
    lastStatusCode: 200,
    lastError: null,
    createdAt: 1000 + n,
    updatedAt: 1000 + n,
    ...patch,
  };
}

/** The engine's answer for a newest-first list of deliveries numbered newest..1. */
function page(newest: number, offset: number, limit: number): DeliveryPage {
  const deliveries = [];
  for (let n = newest - offset; n > Math.max(newest - offset - limit, 0); n -= 1) deliveries.push(delivery(n));
  return { deliveries, total: newest, offset };
}

const ids = (window: DeliveryWindow, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => rowAt(window, from + index)?.id ?? null);
const everything = { matches: () => true };

describe('a newest-first list loaded page by page', () => {
  it('places pages by position and learns the total from the engine', () => {
    let window = placePage(EMPTY_WINDOW, page(250, 0, 100), { index: 0, shift: 0, limit: 100 });
    window = placePage(window, page(250, 200, 100), { index: 200, shift: 0, limit: 100 });
    expect(window.total).toBe(250);
    expect(ids(window, 0, 1)).toEqual(['d250', 'd249']);
    expect(ids(window, 249, 249)).toEqual(['d1']);
    expect(missingBlocks(window, 90, 210, 100)).toEqual([100]);
  });

  it('ends where a short page ends, even when a count taken a moment before said more', () => {
    const window = placePage(EMPTY_WINDOW, { deliveries: [delivery(2), delivery(1)], total: 5, offset: 0 }, { index: 0, shift: 0, limit: 100 });
    expect(window.total).toBe(2);
    expect(missingBlocks(window, 0, 50, 100)).toEqual([]);
  });

  it('shows new deliveries on top at once while the user is at the top, moving every row down', () => {
    const loaded = placePage(EMPTY_WINDOW, page(10, 0, 5), { index: 0, shift: 0, limit: 5 });
    const window = applyChanges(loaded, [delivery(11), delivery(12)], { ...everything, atTop: true });
    expect(ids(window, 0, 3)).toEqual(['d12', 'd11', 'd10', 'd9']);
    expect(window.total).toBe(12);
    // A page asked for before they arrived lands below them, where its rows now are.
    const later = placePage(window, page(10, 5, 5), { index: 5, shift: loaded.shift, limit: 5 });
    expect(ids(later, 6, 8)).toEqual(['d6', 'd5', 'd4']);
  });

  it('holds new deliveries while the user is scrolled down, and asks the engine past them', () => {
    const loaded = placePage(EMPTY_WINDOW, page(10, 0, 5), { index: 0, shift: 0, limit: 5 });
    const window = applyChanges(loaded, [delivery(11), delivery(12)], { ...everything, atTop: false });
    expect(ids(window, 0, 0)).toEqual(['d10']);
    expect(window.held.map((held) => held.id)).toEqual(['d12', 'd11']);
    expect(engineOffset(window, 5)).toBe(7);
    expect(ids(releaseHeld(window), 0, 2)).toEqual(['d12', 'd11', 'd10']);
  });

  it('updates a loaded row where it is, even when it no longer matches, and leaves older unloaded ones to their page', () => {
    const loaded = placePage(EMPTY_WINDOW, page(10, 0, 5), { index: 0, shift: 0, limit: 5 });
    const onlySucceeded = { matches: (d: DeliverySummary) => d.status === 'succeeded', atTop: true };
    const window = applyChanges(
      loaded,
      [delivery(9, { status: 'failed', updatedAt: 5000 }), delivery(2, { status: 'succeeded', updatedAt: 5000 }), delivery(11, { status: 'failed' })],
      onlySucceeded,
    );
    expect(rowAt(window, 1)?.status).toBe('failed');
    expect(window.total).toBe(10);
    expect(window.held).toEqual([]);
  });

  it('keeps the newer state when a page read before a live change arrives after it', () => {
    const loaded = placePage(EMPTY_WINDOW, page(3, 0, 5), { index: 0, shift: 0, limit: 5 });
    const changed = applyChanges(loaded, [delivery(3, { status: 'failed', updatedAt: 9000 })], { ...everything, atTop: true });
    expect(rowAt(placePage(changed, page(3, 0, 5), { index: 0, shift: 0, limit: 5 }), 0)?.status).toBe('failed');
  });

  it('forgets rows far from the viewport, and asks for them again when they come back', () => {
    const loaded = [0, 100, 200, 300].reduce((window, index) => placePage(window, page(400, index, 100), { index, shift: 0, limit: 100 }), EMPTY_WINDOW);
    const window = evictFar(loaded, 300, 320, 50);
    expect(window.ids.size).toBe(121);
    expect(window.byId.has('d400')).toBe(false);
    expect(missingBlocks(window, 0, 10, 100)).toEqual([0]);
  });
});

import type { FlexnetCategory, FlexnetEventType } from '../../../src-shared/vendors/flexnet/catalog.ts';
import type { EntityState, GeneratedEntity } from '../vendor-profile.ts';
import type { FlexnetEntitlement } from './entitlement-state.ts';

interface Changes {
  /** The entity as its CREATE event reports it, when that differs from the generated one. */
  created?(state: EntityState, now: number): void;
  /** What an UPDATE visibly changes. */
  updated(state: EntityState, now: number): void;
}

const CHANGES: Readonly<Record<FlexnetCategory, Changes>> = {
  ENT: {
    // A new entitlement has every seat free.
    created(state) {
      for (const line of (state as unknown as FlexnetEntitlement).lineItems) line.exactAvailableCount = line.copies;
    },
    // Seed 001's line item sample: 10 copies, 9 available. An update that consumes a seat is a
    // "line item event": its body's lineItems is not empty.
    updated(state) {
      const line = (state as unknown as FlexnetEntitlement).lineItems[0];
      if (line) line.exactAvailableCount = String(Math.max(0, Number(line.exactAvailableCount) - 1));
    },
  },
  PROD: {
    updated(state) {
      const feature = (state.features as { count: string }[])[0];
      if (feature) feature.count = String(Number(feature.count) * 2);
    },
  },
  DEVICE: {
    // Seed 001's device CREATE sample: lastUpdated is the event's timeStamp.
    created(state, now) {
      state.lastUpdated = String(now);
    },
    updated(state, now) {
      state.notes = 'Moved to the backup license server';
      state.lastUpdated = String(now);
    },
  },
};

/**
 * The states an event reports: a CREATE the new entity, an UPDATE the entity before and after a
 * visible change. DELETE (a Hooklab assumption) has only the previous state: the entity as last
 * known, which is also what its body carries.
 */
export function flexnetStates(category: FlexnetCategory, eventType: FlexnetEventType, generated: EntityState, now: number): Omit<GeneratedEntity, 'entityId'> {
  const changes = CHANGES[category];
  if (eventType === 'DELETE') return { previousState: generated, currentState: null };
  const currentState = structuredClone(generated);
  if (eventType === 'CREATE') {
    changes.created?.(currentState, now);
    return { previousState: null, currentState };
  }
  changes.updated(currentState, now);
  return { previousState: generated, currentState };
}

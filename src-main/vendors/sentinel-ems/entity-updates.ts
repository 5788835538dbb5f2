import type { CatalogEvent } from '../../../src-shared/domain/vendor.ts';
import type { EntityState } from '../vendor-profile.ts';
import { sentinelMinute } from './sentinel-faker.ts';

export interface StatePair {
  previousState: EntityState | null;
  currentState: EntityState | null;
}

interface StateChange {
  /** The state the entity must have had for the activity to make sense (e.g. disabled before "Enable"). */
  from?: string;
  to: string;
}

const TOGGLES: Readonly<Record<string, StateChange>> = {
  Enable: { from: 'DISABLE', to: 'ENABLE' },
  Disable: { from: 'ENABLE', to: 'DISABLE' },
  Close: { from: 'ENABLE', to: 'CLOSE' },
};

const BY_ACTIVITY: Readonly<Record<string, StateChange>> = {
  'Mark as Revoked': { to: 'REVOKED' },
  'Mark as Bulk Revoked': { to: 'REVOKED' },
  'Custom Revocation': { to: 'REVOKED' },
  'Submit Revocation Proofs': { to: 'REVOCATION_PENDING' },
  'Confirm Revocation': { from: 'REVOCATION_PENDING', to: 'REVOKED' },
  'Reject Revocation': { from: 'REVOCATION_PENDING', to: 'ENABLE' },
  'User Locked': { from: 'ACTIVE', to: 'LOCKED' },
};

/** The provisioning request events each name one step of the request's life. */
const BY_EVENT: Readonly<Record<string, StateChange>> = {
  'Provisioning Request Sent': { from: 'PENDING', to: 'SENT' },
  'Provisioning Completed': { from: 'SENT', to: 'COMPLETED' },
  'Provisioning Failed': { from: 'SENT', to: 'FAILED' },
  'Provisioning Request Dispatch Failed': { from: 'PENDING', to: 'DISPATCH_FAILED' },
};

type Fields = Record<string, unknown>;

/**
 * Deletes are activities of the "… Updated" events (the table has no Delete operation): "Delete
 * Partner" of "Partner Updated" deletes the partner, while "Delete Partner User" or "Delete
 * Entitlement" of "Product Updated" only change an association.
 */
export function isDeleteActivity(eventName: string, activity: string): boolean {
  const suffix = ' Updated';
  return eventName.endsWith(suffix) && activity === `Delete ${eventName.slice(0, -suffix.length)}`;
}

/** The entity's record: each state is `{"<entity>": {...}}`. */
export function rootOf(state: EntityState): Fields {
  return Object.values(state)[0] as Fields;
}

/** The record a toggle like "Disable Product Key" acts on: the first product key, or the entity itself. */
function toggleTarget(entity: Fields, noun: string): Fields {
  const keys = (entity.productKeys as { productKey?: Fields[] } | undefined)?.productKey;
  return noun === 'Product Key' && keys?.[0] ? keys[0] : entity;
}

function applyChange(before: Fields, after: Fields, change: StateChange): void {
  if (change.from !== undefined) before.state = change.from;
  after.state = change.to;
}

/**
 * Previous and current state of an update: the current differs from the previous as the
 * activity says (a toggle flips the state, a revocation revokes, "Add Activation" consumes a
 * seat); any other activity shows at least as a new modification stamp. Seed 002: the current
 * state "is blank for "Delete" events".
 */
export function updateEntity(event: CatalogEvent, activity: string, generated: EntityState, now: number): StatePair {
  // `generated` is fresh and the caller's: it becomes the previous state as it is.
  const previousState = generated;
  if (isDeleteActivity(event.name, activity)) return { previousState, currentState: null };
  const currentState = structuredClone(generated);
  const before = rootOf(previousState);
  const after = rootOf(currentState);
  after.lastModifiedBy = 'admin';
  after.lastModifiedDate = sentinelMinute(now);
  const toggle = /^(Enable|Disable|Close) (.+)$/.exec(activity);
  if (toggle) applyChange(toggleTarget(before, toggle[2]!), toggleTarget(after, toggle[2]!), TOGGLES[toggle[1]!]!);
  const change = BY_ACTIVITY[activity] ?? BY_EVENT[event.name];
  if (change) applyChange(before, after, change);
  const keys = (after.productKeys as { productKey?: { availableQuantity: number }[] } | undefined)?.productKey;
  if (activity === 'Add Activation' && keys?.[0]) keys[0].availableQuantity = Math.max(0, keys[0].availableQuantity - 1);
  return { previousState, currentState };
}

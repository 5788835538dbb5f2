import type { CatalogEvent } from '../../../src-shared/domain/vendor.ts';
import type { EntityState, GeneratedEntity } from '../vendor-profile.ts';
import { daysAfter, seededFaker, type GenerationContext } from '../seeded-faker.ts';
import {
  daysUntil,
  generateCustomer,
  generateEntitlement,
  generateEntitlementGroup,
  generateSeat,
  generateUsageSummary,
  zentitleTime,
} from './zentitle2-entities.ts';

interface EntityKind {
  generate(context: GenerationContext): EntityState;
  /** The field holding the entity's id: the envelope's `resourceId`. */
  idField: string;
}

/** Keyed by the catalog's entity names. A seat is known by its activation. */
const ENTITY_KINDS: Readonly<Record<string, EntityKind>> = {
  Customer: { generate: generateCustomer, idField: 'customerId' },
  Entitlement: { generate: generateEntitlement, idField: 'entitlementId' },
  'Entitlement maintenance': { generate: generateEntitlement, idField: 'entitlementId' },
  Seat: { generate: generateSeat, idField: 'activationId' },
  'Entitlement group': { generate: generateEntitlementGroup, idField: 'entitlementGroupId' },
  Usage: { generate: generateUsageSummary, idField: 'entitlementId' },
};

type StatePair = Pick<GeneratedEntity, 'previousState' | 'currentState'>;
type Transition = (state: EntityState, context: GenerationContext) => StatePair;

/** A term ending at `expiresAt`, maintenance with it; `daysToExpire` always counts to the term's end. */
function withExpiry(state: EntityState, expiresAt: number, now: number): EntityState {
  return { ...state, expiresAt: zentitleTime(expiresAt), daysToExpire: daysUntil(expiresAt, now), maintenanceExpiresAt: zentitleTime(expiresAt) };
}

/** Reminders and expiries report the entity as it is; there is no before. */
const notice =
  (change: (state: EntityState, now: number) => EntityState): Transition =>
  (state, { now }) => ({
    previousState: null,
    currentState: change(state, now),
  });

const expiresIn = (days: number) => notice((state, now) => withExpiry(state, daysAfter(now, days), now));
const maintenanceExpiresIn = (days: number) => notice((state, now) => ({ ...state, maintenanceExpiresAt: zentitleTime(daysAfter(now, days)) }));

/** How each event changes its entity; events not listed are creates (current state only). */
const TRANSITIONS: Readonly<Record<string, Transition>> = {
  'customer.updated': (state) => ({ previousState: state, currentState: { ...state, disabled: true } }),
  'entitlement.created': notice((state) => ({ ...state, activatedAt: null })),
  'entitlement.activated': (state, { now }) => ({
    previousState: { ...state, activatedAt: null },
    currentState: withExpiry({ ...state, activatedAt: zentitleTime(now) }, daysAfter(now, 365), now),
  }),
  'entitlement.updated': (state, { now }) => ({
    previousState: state,
    currentState: withExpiry(state, daysAfter(Date.parse(state.expiresAt as string), 30), now),
  }),
  'entitlement.renewed': (state, { now }) => ({
    previousState: withExpiry(state, daysAfter(now, 7), now),
    currentState: withExpiry(state, daysAfter(now, 7 + 365), now),
  }),
  'entitlement.provision': notice((state) => state),
  'entitlement.expires30days': expiresIn(30),
  'entitlement.expires7days': expiresIn(7),
  'entitlement.expires1day': expiresIn(1),
  'entitlement.expired': expiresIn(0),
  'entitlement.maintenance.expires30days': maintenanceExpiresIn(30),
  'entitlement.maintenance.expires7days': maintenanceExpiresIn(7),
  'entitlement.maintenance.expires1day': maintenanceExpiresIn(1),
  'entitlement.maintenance.expired': notice((state, now) => ({
    ...state,
    maintenanceExpiresAt: zentitleTime(now),
    maintenanceExpiredAt: zentitleTime(now),
  })),
  'entitlement.seat.activated': notice((state, now) => ({ ...state, activatedAt: zentitleTime(now) })),
  'entitlement.seat.deactivated': (state, { now }) => ({
    previousState: state,
    currentState: { ...state, seatsUsed: Math.max(0, (state.seatsUsed as number) - 1), deactivatedAt: zentitleTime(now), leaseExpiry: null },
  }),
  'entitlement.group.updated': (state, { seed }) => ({
    previousState: state,
    currentState: {
      ...state,
      entitlementIds: [...(state.entitlementIds as string[]), seededFaker(seed, 'zentitle2.group.added').string.uuid()],
    },
  }),
};

export function generateZentitle2Entity(event: CatalogEvent, context: GenerationContext): GeneratedEntity {
  const kind = ENTITY_KINDS[event.entity];
  if (!kind) throw new Error(`no Zentitle2 generator for entity "${event.entity}"`);
  const state = kind.generate(context);
  const { previousState, currentState } = TRANSITIONS[event.name]?.(state, context) ?? { previousState: null, currentState: state };
  return { entityId: state[kind.idField] as string, previousState, currentState };
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogEvents, findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { zentitle2Profile } from '../../../../../src-main/vendors/zentitle2/zentitle2-profile.ts';

const DAY = 86_400_000;
/** The generators date entities from the clock; a fixed one makes the dates comparable. */
const NOW = Date.UTC(2025, 6, 23, 10, 1, 33, 437);

function generate(eventName: string, seed = 7, entityId?: string) {
  const event = findCatalogEvent('zentitle2', eventName)!;
  return zentitle2Profile.generateEntity(event, { activity: event.activities[0]!, seed, entityId });
}

const current = (eventName: string, seed = 7) => generate(eventName, seed).currentState as Record<string, unknown>;
const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('Zentitle2 entity generators', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('give every event a state; the same seed gives the same entity, another seed another', () => {
    for (const event of catalogEvents('zentitle2')) {
      const first = generate(event.name, 1);
      expect(first.currentState, event.name).not.toBeNull();
      expect(generate(event.name, 1).entityId).toBe(first.entityId);
      expect(generate(event.name, 2).entityId).not.toBe(first.entityId);
    }
  });

  it('carry the spec’s fields: customer, entitlement and seat', () => {
    expect(Object.keys(current('customer.created'))).toEqual(['customerId', 'name', 'disabled']);
    expect(Object.keys(current('entitlement.created'))).toEqual([
      'entitlementId',
      'activatedAt',
      'expiresAt',
      'daysToExpire',
      'maintenanceExpiresAt',
      'maintenanceExpiredAt',
    ]);
    const seat = current('entitlement.seat.activated');
    expect(Object.keys(seat)).toEqual([
      'entitlementId',
      'activationId',
      'seatId',
      'seatName',
      'seatsUsed',
      'isOverdraftSeat',
      'activatedAt',
      'deactivatedAt',
      'leaseExpiry',
    ]);
    expect(seat).toMatchObject({ isOverdraftSeat: false, deactivatedAt: null, activatedAt: expect.stringMatching(isoTime) });
  });

  it('name the same entitlement and customer across events fired with one seed', () => {
    const entitlementId = generate('entitlement.updated').entityId;
    expect(current('entitlement.seat.activated').entitlementId).toBe(entitlementId);
    expect(current('entitlement.usage.summary').entitlementId).toBe(entitlementId);
    expect(current('entitlement.maintenance.expired').entitlementId).toBe(entitlementId);
    expect(current('entitlement.group.created')).toMatchObject({ customerId: generate('customer.created').entityId, entitlementIds: [entitlementId] });
    expect(generate('entitlement.seat.activated').entityId).toBe(current('entitlement.seat.activated').activationId);
  });

  it('use a given entity id for the entity fired', () => {
    expect(generate('customer.updated', 7, 'cust-1')).toMatchObject({ entityId: 'cust-1', currentState: { customerId: 'cust-1' } });
    expect(generate('entitlement.seat.deactivated', 7, 'act-1').currentState).toMatchObject({ activationId: 'act-1' });
  });

  it('show what each event changed', () => {
    const activated = generate('entitlement.activated');
    expect(activated.previousState).toMatchObject({ activatedAt: null });
    expect((activated.currentState as { activatedAt: string }).activatedAt).toMatch(isoTime);

    const deactivated = generate('entitlement.seat.deactivated');
    const [before, after] = [deactivated.previousState, deactivated.currentState] as Record<string, unknown>[];
    expect(before).toMatchObject({ deactivatedAt: null });
    expect(after).toMatchObject({ seatsUsed: Math.max(0, (before!.seatsUsed as number) - 1), deactivatedAt: expect.stringMatching(isoTime) });

    expect(generate('customer.updated')).toMatchObject({ previousState: { disabled: false }, currentState: { disabled: true } });
    const renewed = generate('entitlement.renewed');
    expect(Date.parse((renewed.currentState as { expiresAt: string }).expiresAt) - Date.parse((renewed.previousState as { expiresAt: string }).expiresAt)).toBe(
      365 * DAY,
    );
  });

  it('date the expiry reminders as their codes say', () => {
    expect(current('entitlement.expires30days').daysToExpire).toBe(30);
    expect(current('entitlement.expires7days').daysToExpire).toBe(7);
    expect(current('entitlement.expires1day').daysToExpire).toBe(1);
    expect(current('entitlement.expired').daysToExpire).toBe(0);
    const reminder = current('entitlement.maintenance.expires7days');
    expect(Math.round((Date.parse(reminder.maintenanceExpiresAt as string) - NOW) / DAY)).toBe(7);
    expect(reminder.maintenanceExpiredAt).toBeNull();
    const expired = current('entitlement.maintenance.expired');
    expect(expired.maintenanceExpiredAt).toMatch(isoTime);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogEvents, findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { cloudEventsCatalog } from '../../../../../src-shared/vendors/cloudevents/catalog.ts';
import { cloudEventsProfile } from '../../../../../src-main/vendors/cloudevents/cloudevents-profile.ts';

const generate = (type: string, seed: number, entityId?: string) =>
  cloudEventsProfile.generateEntity(findCatalogEvent('cloudevents', type)!, { activity: type.split('.').at(-1)!, seed, entityId });

describe('CloudEvents catalog and generators', () => {
  // Generated times are relative to now: "same seed, same entity" holds at one moment.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2025, 6, 23, 10, 1, 33, 437));
  });
  afterEach(() => vi.useRealTimers());

  it('event types are reverse-DNS CloudEvents types, grouped by entity, and marked as an assumption', () => {
    const types = catalogEvents('cloudevents').map((event) => event.name);
    expect(types.length).toBeGreaterThanOrEqual(10);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(/^com\.hooklab\.licensing\.[a-z]+\.[a-z]+$/);
    expect(cloudEventsCatalog.note).toMatch(/event types are a Hooklab assumption/);
    expect(cloudEventsProfile.retryPolicySource).toContain('assumption');
    expect(cloudEventsCatalog.accountFields.map((field) => [field.key, field.default])).toEqual([['source', '/hooklab/licensing']]);
  });

  it.each(catalogEvents('cloudevents').map((event) => [event.name, event] as const))('%s: generates a state of its kind', (type, event) => {
    const generated = generate(type, 7);
    expect(generated).toEqual(generate(type, 7));
    const state = generated.currentState ?? generated.previousState;
    expect(state?.id).toBe(generated.entityId);
    if (event.operation === 'Create') expect(generated.previousState).toBeNull();
    if (event.operation === 'Delete') expect(generated.currentState).toBeNull();
    if (event.operation === 'Update') expect(generated.currentState).not.toEqual(generated.previousState);
  });

  it('one seed, one story: the seat, license and usage belong to the entitlement, which belongs to the customer', () => {
    const customer = generate('com.hooklab.licensing.customer.created', 42).currentState!;
    const entitlement = generate('com.hooklab.licensing.entitlement.created', 42).currentState!;
    expect(entitlement.customerId).toBe(customer.id);
    for (const type of ['seat.activated', 'license.issued', 'usage.recorded']) {
      expect(generate(`com.hooklab.licensing.${type}`, 42).currentState!.entitlementId).toBe(entitlement.id);
    }
    expect(generate('com.hooklab.licensing.customer.created', 43).entityId).not.toBe(customer.id);
    expect(generate('com.hooklab.licensing.seat.activated', 42, 'seat_mine').currentState!.id).toBe('seat_mine');
  });

  it('updates change what their type says', () => {
    const expired = generate('com.hooklab.licensing.entitlement.expired', 1);
    expect([expired.previousState!.status, expired.currentState!.status]).toEqual(['active', 'expired']);
    const exceeded = generate('com.hooklab.licensing.usage.exceeded', 1).currentState!;
    expect(Number(exceeded.quantity)).toBeGreaterThan(Number(exceeded.limit));
  });
});

import { describe, expect, it } from 'vitest';
import { retrySchedule } from '../../../../../src-main/engine/retry-policy.ts';
import { generateDevice } from '../../../../../src-main/vendors/flexnet/device-state.ts';
import { generateEntitlement } from '../../../../../src-main/vendors/flexnet/entitlement-state.ts';
import { flexnetProfile } from '../../../../../src-main/vendors/flexnet/flexnet-profile.ts';
import { generateProduct } from '../../../../../src-main/vendors/flexnet/product-state.ts';
import { retryPolicySchema } from '../../../../../src-shared/domain/retry-policy.ts';
import { catalogEvents, findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';

const NOW = Date.UTC(2023, 3, 25, 5, 24, 27, 304);
const DAY = 86_400_000;
const MINUTE = 60_000;
const at = (seed: number) => ({ seed, now: NOW });

interface LineItem {
  activationId: string;
  copies: string;
  exactAvailableCount: string;
  startDate: string;
  expirationDate: string | null;
  products: { name: string; version: string }[];
}
interface Entitlement {
  entitlementId: string;
  soldToAccount: string;
  accounts: string[];
  lineItems: LineItem[];
}

function fire(eventName: string, seed: number, entityId?: string) {
  return flexnetProfile.generateEntity(findCatalogEvent('flexnet', eventName)!, { activity: eventName, seed, entityId });
}

const ids = (state: Record<string, unknown> | null) => (state as unknown as Entitlement).lineItems.map((line) => line.activationId);

describe('FlexNet entity generators', () => {
  it('the same seed gives the same entity; another seed another one', () => {
    for (const generate of [generateEntitlement, generateProduct, generateDevice]) {
      expect(generate(at(42))).toEqual(generate(at(42)));
      expect(generate(at(43))).not.toEqual(generate(at(42)));
    }
  });

  it('entitlements look like seed 001: sold to one of their accounts, ACT- activation ids, midnight dates, seats within copies', () => {
    const expirations = new Set<string>();
    for (let seed = 1; seed <= 20; seed += 1) {
      const entitlement = generateEntitlement(at(seed)) as unknown as Entitlement;
      expect(entitlement.entitlementId).toMatch(/^[1-9]\d{3}$/);
      expect(entitlement.accounts).toContain(entitlement.soldToAccount);
      expect(entitlement.lineItems.length).toBeGreaterThan(0);
      for (const line of entitlement.lineItems) {
        expect(line.activationId).toMatch(/^ACT-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-fA-F]{4}-[0-9a-f]{3}$/);
        expect(Number(line.exactAvailableCount)).toBeGreaterThan(0);
        expect(Number(line.exactAvailableCount)).toBeLessThanOrEqual(Number(line.copies));
        expect(Number(line.startDate) % DAY).toBe(0);
        expect(Number(line.startDate)).toBeLessThan(NOW);
        expect(line.products.length).toBeGreaterThan(0);
        expirations.add(line.expirationDate === null ? 'null' : 'date');
      }
    }
    // Unset is null, not missing and not "": perpetual lines have no expiration date.
    expect(expirations).toEqual(new Set(['null', 'date']));
  });

  it("an entitlement's line items name products that PROD events of the same seed describe", () => {
    const offered = [0, 1, 2].map((index) => generateProduct(at(5), index)).map((product) => ({ name: product.productName, version: product.version }));
    const named = (generateEntitlement(at(5)) as unknown as Entitlement).lineItems.flatMap((line) => line.products);
    for (const product of named) expect(offered).toContainEqual(product);
    const fired = fire('PROD CREATE', 5).currentState!;
    expect({ name: fired.productName, version: fired.version }).toEqual(offered[0]);
  });

  it('devices carry every field of the seed sample, unset ones null', () => {
    const device = generateDevice(at(3));
    expect(device).toMatchObject({ deviceName: device.deviceId, id: null, identity: '', notes: null, errorMessage: null, idtype: 'ETHERNET' });
    expect(Number(device.lastUpdated)).toBeLessThan(NOW);
  });
});

describe('FlexNet events: states and ids', () => {
  it('CREATE, UPDATE and DELETE of one seed are about the same entity, with the same ids', () => {
    const created = fire('ENT CREATE', 11);
    const updated = fire('ENT UPDATE', 11);
    const deleted = fire('ENT DELETE', 11);
    expect(updated.entityId).toBe(created.entityId);
    expect(deleted.entityId).toBe(created.entityId);
    expect(ids(updated.previousState)).toEqual(ids(created.currentState));
    expect(ids(deleted.previousState)).toEqual(ids(created.currentState));
    expect(created.currentState!.entitlementId).toBe(created.entityId);
  });

  it('a given entity id is the entity, whatever the seed: events fired for entitlement 3395 agree', () => {
    const updated = fire('ENT UPDATE', 1, '3395');
    const deleted = fire('ENT DELETE', 2, '3395');
    expect(updated.entityId).toBe('3395');
    expect(updated.currentState!.entitlementId).toBe('3395');
    expect(deleted.previousState).toEqual(updated.previousState);
    expect(fire('ENT UPDATE', 1, '3396').previousState).not.toEqual(updated.previousState);
    expect(fire('DEVICE CREATE', 1, 'test_device').currentState).toMatchObject({ deviceName: 'test_device', deviceId: 'test_device' });
    expect(fire('PROD UPDATE', 1, '1676').entityId).toBe('1676');
  });

  it('CREATE has no previous state; a new entitlement has every seat free and a new device is updated now', () => {
    const entitlement = fire('ENT CREATE', 4);
    expect(entitlement.previousState).toBeNull();
    for (const line of (entitlement.currentState as unknown as Entitlement).lineItems) expect(line.exactAvailableCount).toBe(line.copies);
    const device = fire('DEVICE CREATE', 4);
    expect(device.previousState).toBeNull();
    expect(Number(device.currentState!.lastUpdated)).toBeGreaterThan(NOW);
  });

  it('UPDATE gives the state before and after a visible change', () => {
    const entitlement = fire('ENT UPDATE', 6);
    const [before] = (entitlement.previousState as unknown as Entitlement).lineItems;
    const [after] = (entitlement.currentState as unknown as Entitlement).lineItems;
    expect(Number(after!.exactAvailableCount)).toBe(Number(before!.exactAvailableCount) - 1);
    expect({ ...after, exactAvailableCount: before!.exactAvailableCount }).toEqual(before);

    const product = fire('PROD UPDATE', 6);
    const [featureBefore] = product.previousState!.features as { count: string }[];
    const [featureAfter] = product.currentState!.features as { count: string }[];
    expect(Number(featureAfter!.count)).toBe(Number(featureBefore!.count) * 2);

    const device = fire('DEVICE UPDATE', 6);
    expect(device.previousState!.notes).toBeNull();
    expect(device.currentState!.notes).toEqual(expect.any(String));
    expect(Number(device.currentState!.lastUpdated)).toBeGreaterThan(Number(device.previousState!.lastUpdated));
  });

  it('DELETE (assumed) has the last known state as previous state and no current state', () => {
    for (const name of ['ENT DELETE', 'PROD DELETE', 'DEVICE DELETE']) {
      const deleted = fire(name, 9);
      expect(deleted.currentState, name).toBeNull();
      expect(deleted.previousState, name).not.toBeNull();
    }
  });

  it('generates an entity for every catalog event', () => {
    for (const event of catalogEvents('flexnet')) {
      const generated = flexnetProfile.generateEntity(event, { activity: event.activities[0]!, seed: 1 });
      expect(generated.currentState ?? generated.previousState, event.name).not.toBeNull();
    }
  });
});

describe('FlexNet default retry policy', () => {
  it('is a valid policy of 3 retries backing off 1, 4 and 16 minutes, and says it is an assumption', () => {
    expect(retryPolicySchema.parse(flexnetProfile.retryPolicy)).toEqual(flexnetProfile.retryPolicy);
    expect(retrySchedule(flexnetProfile.retryPolicy)).toEqual([1 * MINUTE, 4 * MINUTE, 16 * MINUTE]);
    expect(flexnetProfile.retryPolicySource).toContain('assumption');
  });
});

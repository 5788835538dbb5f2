import { describe, expect, it } from 'vitest';
import { findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { retryPolicySchema } from '../../../../../src-shared/domain/retry-policy.ts';
import { sentinelProfile, sentinelRetryPolicy } from '../../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';

const added = findCatalogEvent('sentinel-ems', 'Entitlement Added')!;
const updated = findCatalogEvent('sentinel-ems', 'Entitlement Updated')!;

type Entitlement = {
  id: string;
  state: string;
  customer: { name: string; identifier: string };
  contact: { externalId: string };
  marketGroup: { name: string };
  productKeys: { productKey: { item: { itemProduct: { product: { nameVersion: { name: string } } } } }[] };
};
const entitlementOf = (state: Record<string, unknown> | null) => (state as { entitlement: Entitlement }).entitlement;

describe('Sentinel EMS generated entitlements', () => {
  it('the same seed gives the same entitlement, so demo runs are reproducible', () => {
    const a = sentinelProfile.generateEntity(added, { activity: 'Add Entitlement', seed: 42 });
    const b = sentinelProfile.generateEntity(added, { activity: 'Add Entitlement', seed: 42 });
    const c = sentinelProfile.generateEntity(added, { activity: 'Add Entitlement', seed: 43 });
    expect(entitlementOf(a.currentState).customer).toEqual(entitlementOf(b.currentState).customer);
    expect(a.entityId).toBe(b.entityId);
    expect(c.entityId).not.toBe(a.entityId);
  });

  it('a create has no previous state; the entity id is the entitlement id', () => {
    const generated = sentinelProfile.generateEntity(added, { activity: 'Add Entitlement', seed: 1 });
    expect(generated.previousState).toBeNull();
    expect(entitlementOf(generated.currentState).id).toBe(generated.entityId);
  });

  it('a given entity id is kept', () => {
    const generated = sentinelProfile.generateEntity(updated, { activity: 'Update Entitlement', seed: 1, entityId: 'ENT-1' });
    expect(generated.entityId).toBe('ENT-1');
    expect(entitlementOf(generated.previousState).id).toBe('ENT-1');
    expect(entitlementOf(generated.currentState).id).toBe('ENT-1');
  });

  it('an update carries the state before and after; Disable Entitlement disables it', () => {
    const generated = sentinelProfile.generateEntity(updated, { activity: 'Disable Entitlement', seed: 7 });
    expect(entitlementOf(generated.previousState).state).toBe('ENABLE');
    expect(entitlementOf(generated.currentState).state).toBe('DISABLE');
  });

  it('carries every path the seed trigger-condition examples address', () => {
    const e = entitlementOf(sentinelProfile.generateEntity(added, { activity: 'Add Entitlement', seed: 3 }).currentState);
    // entitlement.customer.name, .customer.identifier, .state, .contact.externalId, .marketGroup.name,
    // .productKeys.productKey[*].item.itemProduct.product.nameVersion.name (seed 002, "Trigger Conditions")
    expect(typeof e.customer.name).toBe('string');
    expect(typeof e.customer.identifier).toBe('string');
    expect(e.state).toBe('ENABLE');
    expect(typeof e.contact.externalId).toBe('string');
    expect(['APAC', 'EMEA', 'NA', 'LATAM']).toContain(e.marketGroup.name);
    expect(e.productKeys.productKey.length).toBeGreaterThan(0);
    for (const key of e.productKeys.productKey) expect(typeof key.item.itemProduct.product.nameVersion.name).toBe('string');
  });
});

describe('Sentinel EMS retry policy (seed 002, "Retry Mechanism")', () => {
  it('up to three automatic retries, the whole sequence within about one hour', () => {
    expect(sentinelProfile.retryPolicy).toBe(sentinelRetryPolicy);
    const { intervalsMs } = sentinelRetryPolicy;
    expect(sentinelRetryPolicy.kind).toBe('fixed');
    expect(intervalsMs).toHaveLength(3);
    expect(intervalsMs.every((ms) => ms > 0)).toBe(true);
    expect(intervalsMs.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(60 * 60_000);
  });

  it('is a policy a webhook could also give itself', () => {
    expect(retryPolicySchema.parse(sentinelRetryPolicy)).toEqual(sentinelRetryPolicy);
  });

  it('says that the spacing is an assumption (the seed gives no intervals)', () => {
    expect(sentinelProfile.retryPolicySource).toMatch(/assumption/i);
  });
});

import { describe, expect, it } from 'vitest';
import { generateActivation, generateLicenseGrant, generateSentinelKey } from '../../../../../src-main/vendors/sentinel-ems/activation-state.ts';
import { generateProduct } from '../../../../../src-main/vendors/sentinel-ems/catalog-item-state.ts';
import { entitlementOf, generateEntitlement } from '../../../../../src-main/vendors/sentinel-ems/entitlement-state.ts';
import { generateSentinelEntity, hasEntityGenerator } from '../../../../../src-main/vendors/sentinel-ems/entity-generators.ts';
import { generateContact, generateCustomer } from '../../../../../src-main/vendors/sentinel-ems/party-state.ts';
import { sentinelProfile } from '../../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import { sentinelCatalog } from '../../../../../src-shared/vendors/sentinel-ems/catalog.ts';
import { catalogEvents } from '../../../../../src-shared/vendors/catalogs.ts';

const NOW = Date.UTC(2025, 6, 23, 10, 1, 33, 437);
const at = (seed: number) => ({ seed, now: NOW });
type Ref = { id: string };
const rootOf = (state: Record<string, unknown> | null) => Object.values(state ?? {})[0] as Record<string, unknown>;

describe('Sentinel EMS entity generators', () => {
  it('every entity of the catalog has a generator, and each state is {"<entity>": {id, ...}}', () => {
    for (const { name } of sentinelCatalog.entities) {
      expect(hasEntityGenerator(name), name).toBe(true);
      const state = generateSentinelEntity(name, at(5));
      expect(Object.keys(state), name).toHaveLength(1);
      expect(rootOf(state).id, name).toEqual(expect.any(String));
    }
    expect(hasEntityGenerator('constructor')).toBe(false);
    expect(() => generateSentinelEntity('Widget', at(5))).toThrow('no Sentinel EMS generator for entity "Widget"');
  });

  it('names the contact for the "User" entity and the user for "Vendor User", as seed 002 says', () => {
    expect(Object.keys(generateSentinelEntity('User', at(1)))).toEqual(['contact']);
    expect(Object.keys(generateSentinelEntity('Vendor User', at(1)))).toEqual(['user']);
    expect(Object.keys(generateSentinelEntity('Channel Partner', at(1)))).toEqual(['channelPartner']);
  });

  it('the same seed gives the same entity; another seed another one', () => {
    for (const { name } of sentinelCatalog.entities) {
      expect(generateSentinelEntity(name, at(42)), name).toEqual(generateSentinelEntity(name, at(42)));
      expect(rootOf(generateSentinelEntity(name, at(43))).id, name).not.toBe(rootOf(generateSentinelEntity(name, at(42))).id);
    }
  });

  it('ids are consistent across entities of one seed: activations, grants and keys name their entitlement and product key', () => {
    const entitlement = entitlementOf(generateEntitlement(at(9)));
    const [firstKey] = entitlement.productKeys.productKey;
    for (const key of entitlement.productKeys.productKey) expect(key.entitlementId).toBe(entitlement.id);
    for (const state of [generateActivation(at(9)), generateLicenseGrant(at(9)), generateSentinelKey(at(9))]) {
      expect(rootOf(state)).toMatchObject({
        entitlement: { id: entitlement.id, eId: entitlement.eId },
        productKey: { id: firstKey!.id, pkId: firstKey!.pkId },
      });
    }
    const activation = rootOf(generateActivation(at(9)));
    expect((activation.customer as Ref).id).toBe(entitlement.customer.id);
    expect((activation.contact as Ref).id).toBe(entitlement.contact.id);
  });

  it('an entitlement\'s customer, contact and first product are the ones "Customer Added", "Contact Added" and "Product Added" send for that seed', () => {
    const entitlement = entitlementOf(generateEntitlement(at(11)));
    const customer = rootOf(generateCustomer(at(11)));
    const contact = rootOf(generateContact(at(11)));
    expect(entitlement.customer).toMatchObject({ id: customer.id, name: customer.name, identifier: customer.identifier });
    expect(entitlement.contact).toMatchObject({ id: contact.id, emailId: contact.emailId, externalId: contact.externalId });
    expect((contact.customer as Ref).id).toBe(customer.id);
    expect(entitlement.productKeys.productKey[0]!.item.itemProduct.product.id).toBe(rootOf(generateProduct(at(11))).id);
  });

  it('every event and activity of the catalog generates: creates have no previous state, updates have both or a blank current on delete', () => {
    for (const event of catalogEvents('sentinel-ems')) {
      for (const activity of event.activities) {
        const label = `${event.name} / ${activity}`;
        const generated = sentinelProfile.generateEntity(event, { activity, seed: 3 });
        const present = generated.currentState ?? generated.previousState;
        expect(rootOf(present).id, label).toBe(generated.entityId);
        if (event.operation === 'Create') expect(generated.previousState, label).toBeNull();
        if (generated.previousState && generated.currentState) expect(generated.currentState, label).not.toEqual(generated.previousState);
      }
    }
  });

  it('a given entity id is kept on the fired entity', () => {
    for (const event of catalogEvents('sentinel-ems')) {
      const generated = sentinelProfile.generateEntity(event, { activity: event.activities[0]!, seed: 1, entityId: 'GIVEN-1' });
      expect(generated.entityId, event.name).toBe('GIVEN-1');
      expect(rootOf(generated.currentState ?? generated.previousState).id, event.name).toBe('GIVEN-1');
    }
  });
});

import type { EntityState } from '../vendor-profile.ts';
import { entitlementOf, firstProductKey, generateEntitlement } from './entitlement-state.ts';
import { seededFaker, type GenerationContext } from '../seeded-faker.ts';
import { auditHead } from './sentinel-faker.ts';

/** Provisioning: plans and methods, their associations with entitlements, and the requests sent. */

function named(root: string, names: readonly string[]) {
  return ({ seed, entityId, now }: GenerationContext): EntityState => {
    const faker = seededFaker(seed, root);
    return { [root]: { ...auditHead(faker, entityId, now), name: faker.helpers.arrayElement(names), description: '', state: 'ENABLE' } };
  };
}

export const generateProvisioningMethod = named('provisioningMethod', ['REST Push', 'SFTP Drop', 'Email']);
export const generateProvisioningPlan = named('provisioningPlan', ['On Activation', 'Nightly', 'Manual']);

function planAndMethod(seed: number, now: number) {
  const { provisioningPlan } = generateProvisioningPlan({ seed, now }) as { provisioningPlan: { id: string; name: string } };
  const { provisioningMethod } = generateProvisioningMethod({ seed, now }) as { provisioningMethod: { id: string; name: string } };
  return {
    provisioningPlan: { id: provisioningPlan.id, name: provisioningPlan.name },
    provisioningMethod: { id: provisioningMethod.id, name: provisioningMethod.name },
  };
}

export function generateProvisioningAssociation({ seed, entityId, now }: GenerationContext): EntityState {
  const entitlement = entitlementOf(generateEntitlement({ seed, now }));
  const refs = planAndMethod(seed, now);
  const faker = seededFaker(seed, 'provisioningAssociation');
  return {
    provisioningAssociation: {
      ...auditHead(faker, entityId, now),
      entitlement: { id: entitlement.id, eId: entitlement.eId },
      ...refs,
    },
  };
}

export function generateProvisioningRequest({ seed, entityId, now }: GenerationContext): EntityState {
  const entitlement = entitlementOf(generateEntitlement({ seed, now }));
  const key = firstProductKey(entitlement);
  const refs = planAndMethod(seed, now);
  const faker = seededFaker(seed, 'provisioningRequest');
  return {
    provisioningRequest: {
      ...auditHead(faker, entityId, now),
      state: 'PENDING',
      message: '',
      entitlement: { id: entitlement.id, eId: entitlement.eId },
      productKey: { id: key.id, pkId: key.pkId },
      ...refs,
    },
  };
}

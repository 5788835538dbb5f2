import { describe, expect, it } from 'vitest';
import { listPayloadPaths, valuesAtPath } from '../../../../src-shared/conditions/payload-paths.ts';

const state = {
  entitlement: {
    state: 'ENABLE',
    customer: { name: 'Sam Smith', externalId: 'C-1' },
    productKeys: {
      productKey: [
        { state: 'ENABLE', item: { itemProduct: { product: { nameVersion: { name: 'Sensor SDK' } } } } },
        { state: 'CLOSE', item: { itemProduct: { product: { nameVersion: { name: 'Viewer' } } } }, extra: true },
      ],
    },
  },
};

describe('payload paths offered for completion', () => {
  it('lists leaf paths as conditions write them, arrays as [*], short ones first, each once', () => {
    const paths = listPayloadPaths(state).map(({ path }) => path);
    expect(paths).toEqual([
      'entitlement.state',
      'entitlement.customer.name',
      'entitlement.customer.externalId',
      'entitlement.productKeys.productKey[*].state',
      'entitlement.productKeys.productKey[*].extra',
      'entitlement.productKeys.productKey[*].item.itemProduct.product.nameVersion.name',
    ]);
    expect(listPayloadPaths(state)[0]).toEqual({ path: 'entitlement.state', example: 'ENABLE' });
  });

  it('stops at the limit on huge samples', () => {
    const huge = { items: Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`key${index}`, index])) };
    expect(listPayloadPaths(huge, 100)).toHaveLength(100);
  });
});

describe('values at a path, for hovers', () => {
  it('follows keys, [n] indexes, [*] over arrays and * over properties', () => {
    expect(valuesAtPath(state, 'entitlement.customer.name')).toEqual(['Sam Smith']);
    expect(valuesAtPath(state, 'entitlement.productKeys.productKey[1].state')).toEqual(['CLOSE']);
    expect(valuesAtPath(state, 'entitlement.productKeys.productKey[*].item.itemProduct.product.nameVersion.name')).toEqual(['Sensor SDK', 'Viewer']);
    expect(valuesAtPath(state, 'entitlement.customer.*')).toEqual(['Sam Smith', 'C-1']);
  });

  it('finds nothing on missing paths and never walks into prototypes', () => {
    expect(valuesAtPath(state, 'entitlement.contact.externalId')).toEqual([]);
    expect(valuesAtPath(state, 'entitlement.productKeys.productKey[7].state')).toEqual([]);
    expect(valuesAtPath(state, 'entitlement.constructor')).toEqual([]);
    expect(valuesAtPath(state, 'entitlement.__proto__')).toEqual([]);
    expect(valuesAtPath(state, 'entitlement.state.length')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { VendorCatalog } from '../../../../../src-shared/domain/vendor.ts';
import { searchCatalog } from '../../../../../src-renderer/src/features/catalog/catalog-search.ts';

const catalog: Pick<VendorCatalog, 'entities'> = {
  entities: [
    {
      name: 'Entitlement',
      events: [
        { name: 'Entitlement Added', entity: 'Entitlement', operation: 'Create', activities: ['Add Entitlement'], conditionsAllowed: true },
        {
          name: 'Entitlement Updated',
          entity: 'Entitlement',
          operation: 'Update',
          activities: ['Add Activation', 'Enable Entitlement'],
          conditionsAllowed: true,
        },
      ],
    },
    {
      name: 'Activation',
      events: [{ name: 'Activation Added', entity: 'Activation', operation: 'Create', activities: ['Activate', 'Add Activation'], conditionsAllowed: false }],
    },
    {
      name: 'Customer',
      events: [{ name: 'Customer Deleted', entity: 'Customer', operation: 'Delete', activities: ['Delete Customer'], conditionsAllowed: false }],
    },
  ],
};

const shape = (query: string) =>
  searchCatalog(catalog, query).map((group) => [group.entity, group.matches.map((match) => [match.event.name, match.activities])]);

describe('searchCatalog', () => {
  it('an empty or blank query keeps the whole catalog, grouped by entity in catalog order', () => {
    expect(shape('  ')).toEqual([
      [
        'Entitlement',
        [
          ['Entitlement Added', []],
          ['Entitlement Updated', []],
        ],
      ],
      ['Activation', [['Activation Added', []]]],
      ['Customer', [['Customer Deleted', []]]],
    ]);
  });

  it('matches entity and event names whatever the case, keeping the whole event', () => {
    expect(shape('CUSTOMER')).toEqual([['Customer', [['Customer Deleted', []]]]]);
    expect(shape('updated')).toEqual([['Entitlement', [['Entitlement Updated', []]]]]);
  });

  it('finds events by an activity, naming the activities that matched', () => {
    expect(shape('add activ')).toEqual([
      ['Entitlement', [['Entitlement Updated', ['Add Activation']]]],
      ['Activation', [['Activation Added', ['Add Activation']]]],
    ]);
  });

  it('drops entities with nothing left, and returns nothing when nothing matches', () => {
    expect(shape('enable')).toEqual([['Entitlement', [['Entitlement Updated', ['Enable Entitlement']]]]]);
    expect(shape('no such thing')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { triggerConditionIssues } from '../../../../src-main/services/webhook-rules.ts';
import type { CatalogEvent } from '../../../../src-shared/domain/vendor.ts';
import { catalogEvents, findCatalogEvent } from '../../../../src-shared/vendors/catalogs.ts';

const added = findCatalogEvent('sentinel-ems', 'Entitlement Added')!;
const updated = findCatalogEvent('sentinel-ems', 'Entitlement Updated')!;
/** Shaped like the seed's other events (e.g. "Product Key Expired"), which allow no condition. */
const expired: CatalogEvent = { name: 'Product Key Expired', entity: 'Product Key', operation: 'Update', activities: ['Expire'], conditionsAllowed: false };
const allowing = catalogEvents('sentinel-ems').filter((event) => event.conditionsAllowed);

describe('trigger condition rules (seed 002: conditions only on Entitlement/Activation Added and Updated)', () => {
  it('no condition is always fine', () => {
    expect(triggerConditionIssues('', [expired], allowing)).toEqual([]);
    expect(triggerConditionIssues('   ', [expired], allowing)).toEqual([]);
  });

  it('a valid condition on events that allow one is fine', () => {
    expect(triggerConditionIssues("entitlement.state == 'ENABLE'", [added, updated], allowing)).toEqual([]);
  });

  it('a condition with any event that allows none is refused, naming the event and the rule', () => {
    expect(triggerConditionIssues("entitlement.state == 'ENABLE'", [added, expired], allowing)).toEqual([
      {
        path: 'condition',
        message:
          '"Product Key Expired" cannot have a trigger condition: conditions are allowed only on "Entitlement Added", "Entitlement Updated", "Activation Added", "Activation Updated"',
      },
    ]);
  });

  it('a condition with an error is refused with the first diagnostic, located', () => {
    expect(triggerConditionIssues("entitlement.state = 'ENABLE'", [added], allowing)).toEqual([
      { path: 'condition', message: 'line 1, column 19: = is not a comparison; write == (expected == or !=)' },
    ]);
  });
});

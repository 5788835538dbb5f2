import { describe, expect, it } from 'vitest';
import { compilePath } from '../../../../../src-main/conditions/condition-path.ts';
import { parseCondition } from '../../../../../src-main/conditions/condition-parser.ts';
import { sentinelProfile } from '../../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import { findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { linesBetween, seedLines } from '../../../../fixtures/seed-documents.ts';

/** Every dotted or bracketed path in seed 002's trigger-condition examples (the walkthrough and the symbol table). */
function seedExamplePaths(): string[] {
  const lines = seedLines();
  const examples = [
    ...linesBetween(lines, 'Managing Trigger Conditions—A Walkthrough', (line) => line.startsWith('To create this expression')),
    ...linesBetween(lines, 'The following symbols are supported using APIs:', (line) => line === 'Troubleshooting and Retries'),
  ];
  const paths = examples.flatMap((line) => line.match(/\b[A-Za-z_]\w*(?:\.(?:[A-Za-z_]\w*|\*)|\[(?:\*|\d+)\])+/g) ?? []);
  return [...new Set(paths)];
}

function reader(path: string) {
  const parsed = parseCondition(`${path} == ''`);
  if (!parsed.ok || parsed.node.kind !== 'comparison') throw new Error(`not a path: ${path}`);
  return compilePath(parsed.node.path.segments);
}

describe("generated Sentinel entitlements carry every path the seed's trigger-condition examples address", () => {
  const paths = seedExamplePaths();

  it('the seed examples name these paths', () => {
    expect(paths.sort()).toEqual([
      'entitlement.contact.externalId',
      'entitlement.customer.*',
      'entitlement.customer.identifier',
      'entitlement.customer.name',
      'entitlement.marketGroup.name',
      'entitlement.productKeys.productKey[*].item.itemProduct.product.nameVersion.name',
      'entitlement.productKeys.productKey[1].item.itemProduct.product.nameVersion.name',
      'entitlement.state',
    ]);
    // The seed's `status != 'CLOSE'` row addresses a root-level `status`, which no entitlement
    // state has: it illustrates the operator, and evaluates to false here like any missing path.
  });

  it.each(['Entitlement Added', 'Entitlement Updated'])('%s: each path reaches a value, for many seeds', (eventName) => {
    const event = findCatalogEvent('sentinel-ems', eventName)!;
    for (let seed = 0; seed < 50; seed += 1) {
      const { currentState } = sentinelProfile.generateEntity(event, { activity: event.activities[0]!, seed });
      for (const path of paths) {
        const values = reader(path)(currentState);
        expect(values.length, `${path} (seed ${seed})`).toBeGreaterThan(0);
        for (const value of values) expect(value, `${path} (seed ${seed})`).not.toBeNull();
      }
    }
  });
});

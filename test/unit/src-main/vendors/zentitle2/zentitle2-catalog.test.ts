import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogEvents, findCatalogEvent, vendorCatalogs } from '../../../../../src-shared/vendors/catalogs.ts';

/** The event codes of the Zentitle2 OpenAPI spec, as Nalpeiron's n8n integration lists them. */
const SPEC_CODES = [
  'customer.created',
  'customer.updated',
  'entitlement.activated',
  'entitlement.created',
  'entitlement.expired',
  'entitlement.expires1day',
  'entitlement.expires30days',
  'entitlement.expires7days',
  'entitlement.group.created',
  'entitlement.group.updated',
  'entitlement.maintenance.expired',
  'entitlement.maintenance.expires1day',
  'entitlement.maintenance.expires30days',
  'entitlement.maintenance.expires7days',
  'entitlement.provision',
  'entitlement.renewed',
  'entitlement.seat.activated',
  'entitlement.seat.deactivated',
  'entitlement.updated',
  'entitlement.usage.summary',
];

const VENDORS_MD = fileURLToPath(new URL('../../../../../../shared/VENDORS.md', import.meta.url));

/** The codes of VENDORS.md's "Event codes" bullet, with `a.expires1day|7days|30days` spelled out. */
function vendorsMdCodes(text: string): string[] {
  const bullet = /\*\*Event codes\*\*:([\s\S]*?)\n- \*\*/.exec(text.slice(text.indexOf('## Zentitle2')))?.[1] ?? '';
  return [...bullet.matchAll(/`([^`]+)`/g)].flatMap(([, code]) => {
    const [first, ...alternatives] = code!.split('|');
    const stem = first!.replace(/\d+days?$/, '');
    return [first!, ...alternatives.map((alternative) => stem + alternative)];
  });
}

describe('Zentitle2 catalog', () => {
  it('has every event code of the spec, named exactly, each its own single activity, no trigger conditions', () => {
    const events = catalogEvents('zentitle2');
    expect(events.map((event) => event.name).sort()).toEqual([...SPEC_CODES].sort());
    for (const event of events) expect(event).toMatchObject({ activities: [event.name], conditionsAllowed: false });
  });

  it('has every event code VENDORS.md lists', (context) => {
    if (!existsSync(VENDORS_MD)) return context.skip(`${VENDORS_MD} is not beside the project`);
    const listed = vendorsMdCodes(readFileSync(VENDORS_MD, 'utf8'));
    expect(listed).toHaveLength(SPEC_CODES.length);
    for (const code of listed) expect(findCatalogEvent('zentitle2', code), code).toBeDefined();
  });

  it('groups the events by the entity they report on', () => {
    const grouped = Object.fromEntries(vendorCatalogs.zentitle2.entities.map((entity) => [entity.name, entity.events.length]));
    expect(grouped).toEqual({ Customer: 2, Entitlement: 9, 'Entitlement maintenance': 4, Seat: 2, 'Entitlement group': 2, Usage: 1 });
    expect(findCatalogEvent('zentitle2', 'entitlement.seat.deactivated')).toMatchObject({ entity: 'Seat', operation: 'Update' });
  });

  it('signs with N-Signature, sends no credentials, and keeps "Test" out of what webhooks can subscribe to', () => {
    const catalog = vendorCatalogs.zentitle2;
    expect(catalog).toMatchObject({ signature: 'n-signature', auth: { kinds: ['none'], sharedPerAccount: false } });
    expect(catalog.testEvent).toMatchObject({ name: 'webhook.test', entity: 'Webhook' });
    expect(findCatalogEvent('zentitle2', catalog.testEvent!.name)).toBeUndefined();
    expect(vendorCatalogs['sentinel-ems'].testEvent).toBeUndefined();
  });
});

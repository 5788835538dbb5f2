import { describe, expect, it } from 'vitest';
import { catalogEvents, findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { flexnetCatalog, flexnetEventHeader, flexnetEventName } from '../../../../../src-shared/vendors/flexnet/catalog.ts';
import { flexnetSeedSamples } from '../../../../fixtures/seed-documents.ts';

describe('FlexNet ENS catalog', () => {
  it('holds every eventHeader event/eventType pair of the seed 001 samples, named so it maps back', () => {
    const samples = flexnetSeedSamples();
    expect(samples.map((sample) => sample.heading)).toEqual([
      'Entitlement Event Sample Payload',
      'Line Item Event Sample Payload',
      'Product Event Sample Payload',
      'Device Event Sample Payload',
    ]);
    for (const { heading, sample } of samples) {
      const { event, eventType } = sample.eventHeader;
      const name = `${event} ${eventType}`;
      expect(findCatalogEvent('flexnet', name), heading).toBeDefined();
      expect(flexnetEventHeader(name), heading).toEqual({ event, eventType });
    }
  });

  it('is ENT, PROD and DEVICE × CREATE, UPDATE and DELETE, each event its own only activity, without conditions', () => {
    expect(flexnetCatalog.entities.map((entity) => entity.name)).toEqual(['Entitlement (ENT)', 'Product (PROD)', 'Device (DEVICE)']);
    const events = catalogEvents('flexnet');
    expect(events.map((event) => event.name)).toEqual([
      'ENT CREATE',
      'ENT UPDATE',
      'ENT DELETE',
      'PROD CREATE',
      'PROD UPDATE',
      'PROD DELETE',
      'DEVICE CREATE',
      'DEVICE UPDATE',
      'DEVICE DELETE',
    ]);
    expect(events.map((event) => event.operation)).toEqual(['Create', 'Update', 'Delete', 'Create', 'Update', 'Delete', 'Create', 'Update', 'Delete']);
    for (const event of events) {
      expect(event.activities).toEqual([event.name]);
      expect(event.conditionsAllowed).toBe(false);
      expect(flexnetEventName(flexnetEventHeader(event.name)!)).toBe(event.name);
    }
  });

  it('tells users that DELETE is assumed, wherever the vendor is chosen', () => {
    expect(flexnetCatalog.note).toContain('DELETE is a Hooklab assumption');
  });

  it('maps no other name to a header', () => {
    for (const name of ['ENT', 'ENT  CREATE', 'ENT CREATE extra', 'ent create', 'LINE UPDATE', 'ENT EXPIRE', 'constructor', '']) {
      expect(flexnetEventHeader(name), name).toBeUndefined();
    }
  });

  it('uses one credential set per account (ENS authType basic or bearer; none: no profile), and the tenant and user of the seed samples by default', () => {
    expect(flexnetCatalog.auth).toMatchObject({ kinds: ['basic', 'bearer'], sharedPerAccount: true });
    expect(flexnetCatalog.oneEntityPerWebhook).toBe(true);
    const defaults = Object.fromEntries(flexnetCatalog.accountFields.map((field) => [field.key, field.default]));
    const [entitlementSample] = flexnetSeedSamples();
    expect(defaults).toMatchObject({ tenant: entitlementSample!.sample.eventHeader.tenant, userId: entitlementSample!.sample.eventHeader.userId });
    expect(defaults.includeLineItemCustomAttributes).toBe('false');
  });
});

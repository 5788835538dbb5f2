import { describe, expect, it } from 'vitest';
import { catalogEvents, findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { sentinelCatalog } from '../../../../../src-shared/vendors/sentinel-ems/catalog.ts';
import { linesBetween, readSentinelSeed, seedLines } from '../../../../fixtures/seed-documents.ts';

const lines = seedLines();

/** The seed's "Events and Activities" table, read from the seed text itself. */
const seedAddedActivities = linesBetween(lines, 'Entitlement Create Entitlement Added', (line) => line === 'Update Entitlement Updated');
const seedUpdatedCell = linesBetween(lines, 'Update Entitlement Updated', (line) => line.startsWith('Product Key Expired'));

describe('Sentinel EMS catalog against seed 002', () => {
  it('"Entitlement Added" has exactly the seed\'s activities, in its order and spelling', () => {
    expect(seedAddedActivities).toContain('Split or Transfer');
    expect(findCatalogEvent('sentinel-ems', 'Entitlement Added')?.activities).toEqual(seedAddedActivities);
  });

  it('"Entitlement Updated" has exactly the seed\'s activities, in its order and spelling', () => {
    // The flattened table puts the "Entitlement Expired" row inside this cell; the seed's notes call
    // it an event of its own ("The Entitlement Expired event contains ..."), not an activity.
    expect(readSentinelSeed()).toContain('The Entitlement Expired event');
    const seedActivities = seedUpdatedCell.filter((line) => line !== 'Entitlement Expired');
    expect(seedActivities).toHaveLength(32);
    expect(findCatalogEvent('sentinel-ems', 'Entitlement Updated')?.activities).toEqual(seedActivities);
  });

  it('names are case- and space-sensitive: near misses are not catalog events', () => {
    expect(findCatalogEvent('sentinel-ems', 'Entitlement Added')).toBeDefined();
    expect(findCatalogEvent('sentinel-ems', 'Entitlement added')).toBeUndefined();
    expect(findCatalogEvent('sentinel-ems', 'EntitlementAdded')).toBeUndefined();
    expect(findCatalogEvent('sentinel-ems', ' Entitlement Added')).toBeUndefined();
  });

  it('every event and activity in the catalog is spelled as a line of the seed table', () => {
    const text = readSentinelSeed();
    for (const event of catalogEvents('sentinel-ems')) {
      expect(text, event.name).toContain(`${event.operation} ${event.name}`);
      for (const activity of event.activities) expect(lines, `${event.name} / ${activity}`).toContain(activity);
    }
  });

  it('entities and operations follow the seed: Entitlement Create → Added, Update → Updated', () => {
    expect(sentinelCatalog.entities.map((entity) => entity.name)).toContain('Entitlement');
    expect(findCatalogEvent('sentinel-ems', 'Entitlement Added')).toMatchObject({ entity: 'Entitlement', operation: 'Create' });
    expect(findCatalogEvent('sentinel-ems', 'Entitlement Updated')).toMatchObject({ entity: 'Entitlement', operation: 'Update' });
  });

  it('trigger conditions are allowed exactly on the events the seed lists', () => {
    const allowed = linesBetween(lines, 'Trigger Conditions for the event notification. You can define trigger conditions only for the following events:', (line) =>
      line.startsWith('Note:'),
    ).map((line) => line.replace(/^>/, ''));
    expect(allowed).toEqual(['Entitlement Added', 'Entitlement Updated', 'Activation Added', 'Activation Updated']);
    for (const event of catalogEvents('sentinel-ems')) {
      expect(event.conditionsAllowed, event.name).toBe(allowed.includes(event.name));
    }
  });

  it('event names are unique within the catalog (an event is looked up by name)', () => {
    const names = catalogEvents('sentinel-ems').map((event) => event.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

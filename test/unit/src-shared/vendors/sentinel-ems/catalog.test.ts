import { describe, expect, it } from 'vitest';
import { catalogEvents, findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { sentinelCatalog } from '../../../../../src-shared/vendors/sentinel-ems/catalog.ts';
import { linesBetween, readSentinelSeed, seedLines } from '../../../../fixtures/seed-documents.ts';

const lines = seedLines();

/** The seed's "Events and Activities" table, read from the seed text itself: one line per row or cell paragraph. */
const tableHeader = lines.find((line) => line.startsWith('Entity Operation Event (Names)'))!;
const tableLines = linesBetween(lines, tableHeader, (line) => line === 'Event Notification Data');

/** The one line the catalog reads as an event although the flattened table shows it inside an activity cell. */
const EXPIRED_EVENT = 'Entitlement Expired';

/**
 * Walks the table text and the catalog side by side: every name of the catalog must be the next
 * thing in the text, and the text must be used up at the end, so nothing is missing, nothing is
 * extra and the order is the seed's. Spanned cells appear once in the flattened text, so an
 * operation or entity note is consumed only where the text repeats it.
 */
function walkTable(text: string): { rest: string; failure?: string } {
  let rest = text;
  const take = (name: string, optional = false): boolean => {
    if (rest.startsWith(`${name} `) || rest === name) {
      rest = rest.slice(name.length).trimStart();
      return true;
    }
    return optional;
  };
  for (const entity of sentinelCatalog.entities) {
    if (!take(entity.name)) return { rest, failure: `entity "${entity.name}"` };
    if (entity.note) take(`(${entity.note})`, true);
    for (const event of entity.events) {
      if (event.name === EXPIRED_EVENT) continue;
      take(event.operation, true);
      if (!take(event.name)) return { rest, failure: `event "${event.name}"` };
      for (const activity of event.activities) {
        if (!take(activity)) return { rest, failure: `activity "${activity}" of "${event.name}"` };
      }
    }
  }
  return { rest };
}

describe('Sentinel EMS catalog against seed 002', () => {
  it('holds every entity, event and activity of the seed table, in its order and spelling, and nothing else', () => {
    const expiredLines = tableLines.filter((line) => line === EXPIRED_EVENT);
    expect(expiredLines).toHaveLength(1);
    const text = tableLines.filter((line) => line !== EXPIRED_EVENT).join(' ');
    expect(walkTable(text)).toEqual({ rest: '' });
  });

  it('the walk notices a missing or extra name (it is not vacuous)', () => {
    const text = tableLines.filter((line) => line !== EXPIRED_EVENT).join(' ');
    expect(walkTable(text.replace('Associate Activatees ', '')).failure).toBe('activity "Associate Activatees" of "Activation Updated"');
    expect(walkTable(`${text} Remove Twice`).rest).toBe('Remove Twice');
  });

  it('"Entitlement Expired" is an Entitlement event, as the seed notes call it, not an "Entitlement Updated" activity', () => {
    const text = readSentinelSeed();
    expect(text).toContain('The Entitlement Expired event contains full entitlement payload only in the current state.');
    expect(text).toContain('only the Entitlement Expired event is sent');
    expect(findCatalogEvent('sentinel-ems', EXPIRED_EVENT)).toMatchObject({ entity: 'Entitlement', operation: 'Update' });
    expect(findCatalogEvent('sentinel-ems', 'Entitlement Updated')?.activities).not.toContain(EXPIRED_EVENT);
  });

  it('"Product Key Quantity Exhausted" belongs to the Entitlement entity, as the seed sample names it', () => {
    expect(readSentinelSeed()).toMatch(/"eventName": "Product Key Quantity Exhausted",\s*"entityName": "Entitlement"/);
    expect(findCatalogEvent('sentinel-ems', 'Product Key Quantity Exhausted')).toMatchObject({
      entity: 'Entitlement',
      activities: ['Add Activation', 'Split or Transfer'],
    });
  });

  it('covers every entity of the table, with "User" holding the Contact events and Product Suite marked deprecated', () => {
    expect(sentinelCatalog.entities).toHaveLength(30);
    expect(sentinelCatalog.entities.find((entity) => entity.name === 'User')?.events.map((event) => event.name)).toEqual(['Contact Added', 'Contact Updated']);
    expect(tableLines).toContain('(Deprecated)');
    expect(sentinelCatalog.entities.find((entity) => entity.name === 'Product Suite')?.note).toBe('Deprecated');
  });

  it('names are case- and space-sensitive: near misses are not catalog events', () => {
    expect(findCatalogEvent('sentinel-ems', 'Entitlement Added')).toBeDefined();
    expect(findCatalogEvent('sentinel-ems', 'Entitlement added')).toBeUndefined();
    expect(findCatalogEvent('sentinel-ems', 'EntitlementAdded')).toBeUndefined();
    expect(findCatalogEvent('sentinel-ems', ' Entitlement Added')).toBeUndefined();
  });

  it('trigger conditions are allowed exactly on the events the seed lists', () => {
    const allowed = linesBetween(
      lines,
      'Trigger Conditions for the event notification. You can define trigger conditions only for the following events:',
      (line) => line.startsWith('Note:'),
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
